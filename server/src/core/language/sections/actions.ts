import type { ActionsSection } from '../ast';
import { ActionItemSpan } from '../nodes';
import type { RawLine } from '../parser';
import { ACTION_FIELDS, ACTION_ID } from '../vocabulary';
import { Entry, type LineReader, type SectionHead } from './lineReader';

const ACTION_FIELD_NAMES = new Set(ACTION_FIELDS.map((f) => f.name));

/**
 * `actions:` — items `ID: action text` (an ID such as `A1`), each with fields `priority`,
 * `owner`, `due`, `status`, `why`, `verify`, `addresses`, `ticket` on the lines below.
 *
 * ```
 * actions:
 *   A1: Add a connection-pool saturation alert
 *     owner: @sam
 *     due: 2025-03-14
 *     - page before the pool is exhausted
 * ```
 *
 * `due` is read as a `YYYY-MM-DD` date. An item's end moves out over every line under it.
 * Text and bullets continue the item or field above, and another key indented deeper continues
 * a field; any other key is a stray `unknown-key` line (a misspelt field, not text), and a line
 * with no item above a stray `no-item` line.
 */
export function readActions(reader: LineReader, head: SectionHead, lines: RawLine[]): ActionsSection {
  const section: ActionsSection = { ...head, name: 'actions', items: [] };
  let item: ActionItemSpan | undefined;
  const entry = new Entry();
  let itemWidth = -1;
  for (const raw of lines) {
    const line = reader.line(raw);
    if (line.key && ACTION_ID.test(line.key.raw)) {
      item = new ActionItemSpan(reader.index, line.keyToken!.startOffset, line.end, line.key, line.text);
      itemWidth = line.width;
      section.items.push(item);
      entry.moveTo(item, line.width, false);
    } else if (line.key && ACTION_FIELD_NAMES.has(line.key.name) && item) {
      const field = reader.field(line);
      item.fields.push(field);
      entry.moveTo(field, line.width, true, item);
      item.extendTo(field.endOffset);
      if (field.key.name === 'due' && field.value) field.dateValue = reader.dateValue(field.value.parts[0]);
    } else if (line.key) {
      reader.unknownKeyLine(section, entry, line);
    } else if (!reader.continueEntry(entry, line)) {
      reader.stray(section, line, 'no-item');
    }
    if (item && entry.node && line.width > itemWidth) item.extendTo(line.end);
  }
  return section;
}
