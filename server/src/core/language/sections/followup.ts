import type { DateNode, FollowupSection } from '../ast';
import { FollowupNoteSpan } from '../nodes';
import type { RawLine } from '../parser';
import { parseDate } from '../time';
import { Entry, type LineReader, type SectionHead } from './lineReader';

/**
 * `followup:` — dated notes, one per line: a date written `YYYY-MM-DD`, then the note.
 *
 * ```
 * followup:
 *   2025-03-14  A3 reviewed in the weekly reliability meeting
 *     - the load test passed
 * ```
 *
 * A line that starts with no date continues the note above when it is a bullet or indented
 * deeper; otherwise it is a stray `no-date` line (PM001).
 */
export function readFollowup(reader: LineReader, head: SectionHead, lines: RawLine[]): FollowupSection {
  const section: FollowupSection = { ...head, name: 'followup', notes: [] };
  const index = reader.index;
  const entry = new Entry();
  for (const raw of lines) {
    const line = reader.line(raw);
    const content = line.bullet ? '' : index.text.slice(line.contentStart, line.end);
    const parsed = line.bullet ? undefined : parseDate(content);
    if (parsed) {
      const start = line.contentStart;
      const date: DateNode = { raw: content.slice(0, parsed.length), date: parsed.date, invalidReason: parsed.invalidReason, range: index.range(start, start + parsed.length) };
      const note = new FollowupNoteSpan(index, start, line.end, date, reader.text(start + parsed.length, line.end));
      section.notes.push(note);
      entry.moveTo(note, line.width);
    } else if (!reader.continueDeeper(entry, line)) {
      reader.stray(section, line, 'no-date');
    }
  }
  return section;
}
