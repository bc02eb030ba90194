import type { CalendarDate, TimestampNode } from '../language/ast';
import { replace } from '../analysis/edits';
import type { Fix } from '../analysis/types';
import { GENERIC_REGIONS, formatOffset } from '../language/regionZones';
import { ZONE_ABBREVIATIONS, calendarDateOf, dateToEpochDay, formatUtc, rangeEndInstant } from '../language/time';
import type { Rule, RuleContext } from './rule';
import { proseTimestamps, timestampsBySection } from './timestamps';
import { incidentField } from '../language/queries';

const sameDay = (a: CalendarDate, b: CalendarDate | undefined) => b !== undefined && dateToEpochDay(a) === dateToEpochDay(b);

const ZONED: readonly string[] = ['offset', 'abbreviation', 'region'];

function isConvertible(stamp: TimestampNode): boolean {
  return ZONED.includes(stamp.zone.kind) && !stamp.zone.ambiguous && stamp.instant !== undefined;
}

/**
 * The fix for one timestamp. A time alone keeps its short form only when, once every timestamp
 * above it is in UTC too, the date it borrows is still its UTC date; otherwise it gains a date.
 */
function conversion(stamp: TimestampNode, borrowedAfterFixes: CalendarDate | undefined): Fix {
  const utcDate = calendarDateOf(stamp.instant!);
  const withDate = stamp.date !== undefined || !sameDay(utcDate, borrowedAfterFixes);
  const first = formatUtc(stamp.instant!, { iso: stamp.isoSeparator, withDate, withSeconds: stamp.second !== undefined });
  const end = rangeEndInstant(stamp);
  // A range keeps its connector and is marked UTC once, after its second time.
  const utc = end === undefined ? first : `${first.replace(/ UTC$/, '')}${stamp.rangeEnd!.connector}${formatUtc(end, { iso: false, withDate: false, withSeconds: stamp.rangeEnd!.second !== undefined })}`;
  // A marker between date and time (only a dated timestamp has one) stays there.
  const text = stamp.innerMarker ? utc.replace(' ', ` ${stamp.innerMarker}`) : utc;
  return { title: `Convert to UTC: ${text}`, edits: [replace(stamp.range, text)], isPreferred: true };
}

const utcText = (instant: number) => formatUtc(instant, { iso: false, withDate: true, withSeconds: false });

/** Reports a zoned timestamp that cannot be converted, saying why. */
function reportUnconvertible(context: RuleContext, stamp: TimestampNode): void {
  const zone = stamp.zone;
  let message: string | undefined;
  if (zone.ambiguous) {
    const info = ZONE_ABBREVIATIONS[zone.raw.replace(/[()]/g, '').toUpperCase()];
    message = `“${zone.raw}” is ambiguous (${info?.meaning ?? 'more than one zone'}): rewrite “${stamp.raw}” in UTC.`;
  } else if (zone.kind === 'unknown') {
    message = `“${zone.raw}” after “${stamp.raw.slice(0, stamp.raw.length - zone.raw.length).trim()}” is not a time zone the checker knows: rewrite the time in UTC, or use a known zone such as \`PST\`, \`America/Los_Angeles\` or \`+02:00\`.`;
  } else if (stamp.localTimeProblem?.kind === 'ambiguous') {
    const [first, second] = stamp.localTimeProblem.instants;
    const [firstOffset, secondOffset] = stamp.localTimeProblem.offsets;
    message = `“${stamp.raw}” happened twice when the clocks went back in ${zone.region}: rewrite it in UTC as ${utcText(first)} (${formatOffset(firstOffset)}) or ${utcText(second)} (${formatOffset(secondOffset)}).`;
  } else if (stamp.localTimeProblem?.kind === 'gap') {
    // Only prose gets here: a field or event in a gap is invalid, which PM015 reports.
    message = `Correct “${stamp.raw}”: ${stamp.invalidReason}.`;
  } else if (ZONED.includes(zone.kind) && !stamp.invalidReason) {
    const dateless = zone.kind === 'region' && stamp.instant === undefined ? ' (give it a date: the offset of a region depends on it)' : '';
    message = `Write “${stamp.raw}” in UTC: times in other zones are hard to compare${dateless}.`;
  }
  if (message) context.report({ range: stamp.range, message });
}

function reportConvertible(context: RuleContext, stamp: TimestampNode, borrowed: CalendarDate | undefined): void {
  const fix = conversion(stamp, borrowed);
  const region = stamp.zone.kind === 'region' && stamp.zone.offsetMinutes !== undefined ? ` (${regionName(stamp.zone.raw)} was ${formatOffset(stamp.zone.offsetMinutes)} then)` : '';
  context.report({
    range: stamp.range,
    message: `Write “${stamp.raw}” in UTC as ${fix.edits[0].newText}${region}: times in other zones are hard to compare.`,
    fix,
  });
}

/**
 * Two times under one zone (`between 2:05 PM and 3:40 PM Eastern`) are one finding with one fix
 * for both: converting the second alone would leave the first in a zone no longer written.
 */
function reportRange(context: RuleContext, start: TimestampNode, end: TimestampNode, borrowed: CalendarDate | undefined): void {
  const range = { start: start.range.start, end: end.range.end };
  const written = context.lines.text.slice(context.lines.offset(range.start), context.lines.offset(range.end));
  if (!isConvertible(start) || !isConvertible(end)) {
    context.report({ range, message: `Write “${written}” in UTC: times in other zones are hard to compare; both times are in ${end.zone.raw}.` });
    return;
  }
  const endFix = conversion(end, borrowed);
  // The zone is written once, after the second time, as the authors wrote it.
  const startText = conversion(start, borrowed).edits[0].newText.replace(/ UTC$/, '');
  const region = end.zone.kind === 'region' && end.zone.offsetMinutes !== undefined ? ` (${regionName(end.zone.raw)} was ${formatOffset(end.zone.offsetMinutes)} then)` : '';
  const between = written.slice(start.raw.length, written.length - end.raw.length);
  const converted = `${startText}${between}${endFix.edits[0].newText}`;
  context.report({
    range,
    message: `Write “${written}” in UTC as ${converted}${region}: times in other zones are hard to compare.`,
    fix: { title: `Convert to UTC: ${converted}`, edits: [replace(start.range, startText), endFix.edits[0]], isPreferred: true },
  });
}

function regionName(raw: string): string {
  const word = raw.replace(/[()]/g, '').replace(/[ \t]+Time$/, '');
  return GENERIC_REGIONS[word.toUpperCase()] ? word : raw.replace(/[()]/g, '');
}

export const pm011: Rule = {
  code: 'PM011',
  name: 'timestamp-not-utc',
  description: 'A timestamp in a zone other than UTC, in a field, an event or prose, or after a word that is no known zone.',
  defaultSeverity: 'warning',
  fixable: true,
  check(context) {
    const sections = timestampsBySection(context);
    const started = incidentField(context.ast, 'started')?.timestamp;
    const startedValid = started && !started.invalidReason ? started : undefined;
    // The date a time alone would borrow after every fix: `started` opens each section.
    const startedDate = startedValid?.date && (isConvertible(startedValid) ? calendarDateOf(startedValid.instant!) : startedValid.date);
    for (const stamps of sections) {
      let borrowed = startedDate;
      for (const stamp of stamps) {
        if (!isConvertible(stamp)) {
          reportUnconvertible(context, stamp);
          if (stamp.date) borrowed = stamp.date;
          continue;
        }
        reportConvertible(context, stamp, borrowed);
        borrowed = calendarDateOf(stamp.instant!);
      }
    }
    for (const { stamp, rangeStart } of proseTimestamps(context)) {
      if (rangeStart) reportRange(context, rangeStart, stamp, startedDate);
      else if (isConvertible(stamp)) reportConvertible(context, stamp, startedDate);
      else if (stamp.zone.kind !== 'unknown') reportUnconvertible(context, stamp);
    }
  },
};
