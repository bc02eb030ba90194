import type { FieldSection } from '../ast';
import type { FieldSpan } from '../nodes';
import type { RawLine } from '../parser';
import { INCIDENT_FIELDS, TIMESTAMP_FIELDS } from '../vocabulary';
import { Entry, type LineReader, type SectionHead } from './lineReader';

const INCIDENT_FIELD_NAMES = new Set(INCIDENT_FIELDS.map((f) => f.name));

/**
 * `incident:` — fields, one per line: `type`, `started`, `detected`, `detected by`,
 * `responded`, `mitigated`, `resolved`, `duration`, `severity`, `services`, `users affected`,
 * `functionality`, `impact`, `impact started`, `impact ended` (vocabulary.ts lists them).
 *
 * ```
 * incident:
 *   started: 2025-02-14 14:30 UTC
 *   impact: about 2,000 failed transactions
 *     - most of them retried by the client
 * ```
 *
 * The value of a time field (`started`, `detected`, …) is read as a timestamp. Text and bullets
 * under a field continue it, and so does another key indented deeper; any other key is a stray
 * `unknown-key` line, and text with no field above a stray `no-item` line.
 */
export function readIncident(reader: LineReader, head: SectionHead, lines: RawLine[]): FieldSection {
  const section: FieldSection = { ...head, name: 'incident', fields: [] };
  const fields: FieldSpan[] = [];
  const entry = new Entry();
  for (const raw of lines) {
    const line = reader.line(raw);
    if (line.key && INCIDENT_FIELD_NAMES.has(line.key.name)) {
      const field = reader.field(line);
      fields.push(field);
      entry.moveTo(field, line.width);
    } else if (line.key) {
      reader.unknownKeyLine(section, entry, line);
    } else if (!reader.continueEntry(entry, line)) {
      reader.stray(section, line, 'no-item');
    }
  }
  for (const field of fields) {
    if (TIMESTAMP_FIELDS.includes(field.key.name) && field.value) field.timestamp = reader.timestampValue(field.value.parts[0]);
  }
  section.fields = fields;
  return section;
}
