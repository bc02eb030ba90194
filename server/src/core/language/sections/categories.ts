import type { CategorySection } from '../ast';
import { CategorySpan, type KeySpan } from '../nodes';
import type { RawLine } from '../parser';
import { FACTOR_CATEGORIES, LESSON_CATEGORIES, type Term } from '../vocabulary';
import { Entry, type LineReader, type SectionHead } from './lineReader';

const namesOf = (terms: readonly Term[]) => new Set(terms.map((t) => t.name));
const CATEGORY_NAMES: Record<CategorySection['name'], Set<string>> = {
  factors: namesOf(FACTOR_CATEGORIES),
  lessons: namesOf(LESSON_CATEGORIES),
};

/**
 * `factors:` and `lessons:` — categories, each with `- ` bullets. The categories of `factors:`
 * are `process:`, `technical:`, `cultural:`, `environmental:`; those of `lessons:` are
 * `went well:`, `could improve:`, `surprised us:`, `changing:`.
 *
 * ```
 * lessons:
 *   went well:
 *     - the rollback took four minutes
 *   could improve: paging
 *     - the first page went to a retired rotation
 * ```
 *
 * Bullets and text belong to the category above. Another key is a stray `unknown-key`
 * line even when indented deeper (a misspelt category, not text), and so is a label written
 * beside the categories that is no key (`What didn't go so well:`); a line with no category
 * above is a stray `no-category` line.
 */
export function readCategories(reader: LineReader, head: SectionHead, name: CategorySection['name'], lines: RawLine[]): CategorySection {
  const section: CategorySection = { ...head, name, categories: [] };
  const names = CATEGORY_NAMES[name];
  const entry = new Entry();
  for (const raw of lines) {
    const line = reader.line(raw);
    let label: KeySpan | undefined;
    if (line.key && names.has(line.key.name)) {
      const category = new CategorySpan(reader.index, line.keyToken!.startOffset, line.end, line.key, line.text);
      section.categories.push(category);
      entry.moveTo(category, line.width, false);
    } else if (line.key) {
      reader.unknownKeyLine(section, entry, line);
    } else if (entry.node && line.width <= entry.width && (label = reader.labelKey(line))) {
      // A label beside the categories (`What didn't go so well:`) heads its own list: continuing
      // the category above would file what did not go well under `went well:`.
      reader.unknownKeyLine(section, entry, { ...line, key: label });
    } else if (!reader.continueEntry(entry, line)) {
      reader.stray(section, line, 'no-category');
    }
  }
  return section;
}
