import { FieldSpan, type KeySpan, type TextPartSpan } from '../nodes';
import type { RawLine } from '../parser';
import { Entry, type LineReader } from './lineReader';

/**
 * The header — `postmortem: TITLE` first, then fields at column 0: `id`, `date` (when the
 * postmortem was written, `YYYY-MM-DD`), `authors` (comma-separated), `status`.
 *
 * ```
 * postmortem: Payment processing degraded
 * date: 2025-02-25
 * authors: @jane,
 *   @sam
 * ```
 *
 * Every indented line under a header field continues it: text joins its value, a bullet its
 * bullets. The value of `date` is read as a date.
 */
export function readHeaderField(reader: LineReader, key: KeySpan, start: number, end: number, inline: TextPartSpan | undefined, lines: RawLine[]): FieldSpan {
  const field = new FieldSpan(reader.index, start, end, key, inline && reader.textNode(inline));
  const entry = new Entry();
  entry.moveTo(field, -1);
  for (const raw of lines) reader.continueEntry(entry, reader.line(raw));
  if (key.name === 'date' && field.value) field.dateValue = reader.dateValue(field.value.parts[0]);
  return field;
}
