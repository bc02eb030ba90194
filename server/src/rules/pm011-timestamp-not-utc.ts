import type { CalendarDate, TimestampNode } from '../language/ast';
import { replace } from '../analysis/edits';
import type { Fix } from '../analysis/types';
import { ZONE_ABBREVIATIONS, calendarDateOf, dateToEpochDay, formatUtc } from '../language/time';
import type { Rule } from './rule';
import { timestampsBySection } from './timestamps';

const sameDay = (a: CalendarDate, b: CalendarDate | undefined) => b !== undefined && dateToEpochDay(a) === dateToEpochDay(b);

function isConvertible(stamp: TimestampNode): boolean {
  return (stamp.zone.kind === 'offset' || stamp.zone.kind === 'abbreviation') && !stamp.zone.ambiguous && stamp.instant !== undefined;
}

/**
 * The fix for one timestamp. A time alone keeps its short form only when, once every timestamp
 * above it is in UTC too, the date it borrows is still its UTC date; otherwise it gains a date.
 */
function conversion(stamp: TimestampNode, borrowedAfterFixes: CalendarDate | undefined): Fix {
  const utcDate = calendarDateOf(stamp.instant!);
  const withDate = stamp.date !== undefined || !sameDay(utcDate, borrowedAfterFixes);
  const text = formatUtc(stamp.instant!, { iso: stamp.isoSeparator, withDate, withSeconds: stamp.second !== undefined });
  return { title: `Convert to UTC: ${text}`, edits: [replace(stamp.range, text)], isPreferred: true };
}

export const pm011: Rule = {
  code: 'PM011',
  name: 'timestamp-not-utc',
  description: 'A timestamp in a zone other than UTC: convert it so every time in the document compares directly.',
  defaultSeverity: 'warning',
  fixable: true,
  check(context) {
    const sections = timestampsBySection(context);
    const started = sections[0]?.[0];
    // The date a time alone would borrow after every fix: `started` opens each section.
    const startedDate = started?.date && (isConvertible(started) ? calendarDateOf(started.instant!) : started.date);
    for (const stamps of sections) {
      let borrowed = startedDate;
      for (const stamp of stamps) {
        if (!isConvertible(stamp)) {
          if (stamp.zone.ambiguous) {
            const info = ZONE_ABBREVIATIONS[stamp.zone.raw.toUpperCase()];
            context.report({
              range: stamp.range,
              message: `“${stamp.zone.raw}” is ambiguous (${info?.meaning ?? 'more than one zone'}): rewrite “${stamp.raw}” in UTC.`,
            });
          } else if (stamp.zone.kind === 'offset' || stamp.zone.kind === 'abbreviation') {
            context.report({ range: stamp.range, message: `Write “${stamp.raw}” in UTC: times in other zones are hard to compare.` });
          }
          if (stamp.date) borrowed = stamp.date;
          continue;
        }
        const fix = conversion(stamp, borrowed);
        borrowed = calendarDateOf(stamp.instant!);
        context.report({
          range: stamp.range,
          message: `Write “${stamp.raw}” in UTC as ${fix.edits[0].newText}: times in other zones are hard to compare.`,
          fix,
        });
      }
    }
  },
};
