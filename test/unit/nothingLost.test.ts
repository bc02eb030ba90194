import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lint } from 'markdownlint/sync';
import { analyze } from '../../server/src/core/analysis/analyze';
import { render } from '../../server/src/core/render/html';
import { toMarkdown } from '../../server/src/core/render/markdown';
import {
  ACTION_FIELDS, FACTOR_CATEGORIES, HEADER_FIELDS, INCIDENT_FIELDS, LESSON_CATEGORIES, SECTION_NAMES, WHYS_KEYS, canonicalKey,
} from '../../server/src/core/language/vocabulary';
import { parseFixture } from '../helpers/fixtures';

/**
 * What the authors wrote reaches the reader: every word of every example, fixture and
 * real-world postmortem appears in the Markdown export and in the text of the HTML report, and
 * the export passes markdownlint's default rules (line length aside: a table row is one line).
 * Comments are not the authors' prose for readers, and neither is a same-line suppression comment.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const FOLDERS = ['examples', 'test/fixtures', 'test/realworld'];

function documents(): string[] {
  return FOLDERS.flatMap((folder) =>
    readdirSync(join(ROOT, folder))
      .filter((name) => name.endsWith('.postmortem'))
      .sort()
      .map((name) => join(ROOT, folder, name)),
  );
}

/** Keys the renderers show as labels or headings of their own; the words after them are the authors'. */
const KNOWN_KEYS = new Set([
  ...SECTION_NAMES,
  ...[HEADER_FIELDS, INCIDENT_FIELDS, WHYS_KEYS, FACTOR_CATEGORIES, LESSON_CATEGORIES, ACTION_FIELDS].flatMap((terms) => terms.map((t) => t.name)),
]);
const LEADING_KEY = /^([A-Za-z][\w -]*?)[ \t]*:(?=[ \t]|$)/;
/** Words: runs of two or more letters, or of digits. A lone letter (`T` and `Z` of ISO times) is left out. */
const WORD = /\p{L}{2,}|\p{N}+/gu;

/** A same-line suppression comment: an instruction to the checker, not the authors' prose. */
const SUPPRESSION_AFTER_TEXT = /\s+#\s*postmortem-disable-line\b.*$/;

function authorsWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(SUPPRESSION_AFTER_TEXT, '').trim();
    if (!line || line.startsWith('#')) continue;
    const key = LEADING_KEY.exec(line);
    const known = key && (KNOWN_KEYS.has(canonicalKey(key[1])) || /^why\s*\d*$/i.test(key[1]));
    const value = known ? line.slice(key[0].length) : line;
    for (const word of value.toLowerCase().match(WORD) ?? []) words.add(word);
  }
  return words;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** The text a reader sees in the HTML: tags dropped, entities decoded, the style sheet left out. */
function htmlText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name]);
}

function missing(words: Set<string>, shown: string): string[] {
  const present = new Set(shown.toLowerCase().match(WORD) ?? []);
  return [...words].filter((w) => !present.has(w));
}

describe('nothing lost on the way out (every example, fixture and real-world postmortem)', () => {
  const paths = documents();

  it('has documents in every folder', () => {
    for (const folder of FOLDERS) assert.ok(paths.some((p) => relative(ROOT, p).startsWith(folder)), `${folder} has no .postmortem files`);
  });

  for (const path of paths) {
    const name = relative(ROOT, path);
    const fixture = parseFixture(name, readFileSync(path, 'utf8'));
    const analysis = analyze(fixture.text, fixture.options);
    const words = authorsWords(fixture.text);

    it(`${name}: every word is in the Markdown export`, () => {
      assert.deepEqual(missing(words, toMarkdown(analysis)), []);
    });

    it(`${name}: every word is in the text of the HTML report`, () => {
      assert.deepEqual(missing(words, htmlText(render(analysis, { standalone: true }))), []);
    });

    it(`${name}: the Markdown export passes markdownlint`, () => {
      const result = lint({ strings: { [name]: toMarkdown(analysis) }, config: { default: true, MD013: false } });
      assert.deepEqual((result[name] ?? []).map((e) => `${e.lineNumber}: ${e.ruleNames.join('/')} ${e.ruleDescription} ${e.errorContext ?? ''}`), []);
    });
  }
});
