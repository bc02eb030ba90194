import type { TimelineSection } from '../ast';
import { TimelineEventSpan, TimestampSpan } from '../nodes';
import type { RawLine } from '../parser';
import { scanTimestamp } from '../time';
import { Entry, type LineReader, type SectionHead } from './lineReader';

/**
 * `timeline:` — one event per line: a timestamp, then the event text.
 *
 * ```
 * timeline:
 *   2025-02-14 14:30 UTC  Deploy of checkout-api v2.16 starts
 *   14:32 UTC  p95 latency alert fires
 *     - the alert pages the on-call engineer
 *   ~14:40 UTC  Rollback starts; the text of an event
 *       may go on over deeper-indented lines
 * ```
 *
 * The timestamp is any form `time.ts` scans (a date or not, 24- or 12-hour clock, a zone, an
 * approximate marker, a range). A line that starts with no timestamp continues the event above
 * when it is a bullet or indented deeper; otherwise it is a stray `no-timestamp` line (PM001).
 */
export function readTimeline(reader: LineReader, head: SectionHead, lines: RawLine[]): TimelineSection {
  const section: TimelineSection = { ...head, name: 'timeline', events: [] };
  const { index, scan } = reader;
  const entry = new Entry();
  for (const raw of lines) {
    const line = reader.line(raw);
    if (!line.bullet && scanTimestamp(index.text, line.contentStart, scan)) {
      const timestamp = new TimestampSpan(index, scan);
      const event = new TimelineEventSpan(index, line.end, timestamp, reader.text(timestamp.endOffset, line.end));
      section.events.push(event);
      entry.moveTo(event, line.width);
    } else if (!reader.continueDeeper(entry, line)) {
      reader.stray(section, line, 'no-timestamp');
    }
  }
  return section;
}
