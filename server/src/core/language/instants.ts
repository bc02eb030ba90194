import type { CalendarDate, FieldSection, PostmortemDocument } from './ast';
import type { TimestampSpan } from './nodes';
import { fieldNamed } from './queries';
import { formatOffset, resolveLocalTime } from './regionZones';
import { formatDate, pad2, toInstant } from './time';

/**
 * Gives every time alone the date of the timestamp before it in its section (or the date
 * `started` gives), then computes UTC instants. A time without a zone counts as UTC here,
 * which is what its quick fix will make it, except below a time written in another zone in its
 * section: whether it is in that zone too only the authors know (PM010 asks them), so it is not
 * placed, and no metric or order check guesses. An ambiguous zone has no instant either.
 */
export function resolveDates(doc: PostmortemDocument): void {
  const incident = doc.sections.find((s): s is FieldSection => s.name === 'incident');
  const started = (incident && fieldNamed(incident.fields, 'started'))?.timestamp;
  const startedDate = started && !started.invalidReason ? started.date : undefined;
  const resolveAll = (stamps: TimestampSpan[]) => {
    let previous: CalendarDate | undefined = startedDate;
    let zonedAbove: TimestampSpan | undefined;
    for (const stamp of stamps) {
      if (stamp.date && !stamp.invalidReason) previous = stamp.date;
      stamp.effectiveDate = stamp.date ?? previous;
      if (stamp.invalidReason) continue;
      if (stamp.zone.kind !== 'none') zonedAbove = stamp.zone.kind === 'utc' ? undefined : stamp;
      else if (zonedAbove) {
        stamp.awaitsZoneOf = zonedAbove;
        continue;
      }
      if (stamp.effectiveDate) placeInUtc(stamp, stamp.effectiveDate);
    }
  };
  for (const section of doc.sections) {
    if (section.name === 'incident') {
      const stamps = section.fields.map((f) => f.timestamp).filter((t): t is TimestampSpan => !!t);
      // `started` dates the section even when written below a time alone.
      resolveAll(stamps);
    } else if (section.name === 'timeline') {
      resolveAll(section.events.map((e) => e.timestamp as TimestampSpan));
    }
  }
}

/**
 * Gives a timestamp on a known date its UTC instant. A time without a zone counts as UTC, which
 * is what its quick fix will make it; an ambiguous or unknown zone has no instant. A region zone
 * takes the offset in force at that moment; a wall time a daylight-saving switch skipped is
 * invalid, and one it repeated is left without an instant rather than silently given either.
 */
export function placeInUtc(stamp: TimestampSpan, date: CalendarDate): void {
  const zone = stamp.zone;
  if (zone.kind === 'region' && zone.region) {
    const local = resolveLocalTime(zone.region, date, stamp.hour, stamp.minute, stamp.second ?? 0);
    if (local.kind === 'exact') {
      zone.offsetMinutes = local.offsetMinutes;
      stamp.instant = local.instant;
      return;
    }
    stamp.localTimeProblem = local;
    if (local.kind === 'gap') {
      stamp.invalidReason = `${formatDate(date)} ${pad2(stamp.hour)}:${pad2(stamp.minute)} did not happen in ${zone.region}: the clocks went from ${formatOffset(local.before)} to ${formatOffset(local.after)} and skipped it`;
    }
    return;
  }
  const offset = zone.kind === 'none' ? 0 : zone.offsetMinutes;
  if (offset !== undefined) stamp.instant = toInstant(date, stamp.hour, stamp.minute, stamp.second ?? 0, offset);
}
