import type { CalendarDate, TimestampNode } from '../language/ast';
import { replace } from '../analysis/edits';
import { GENERIC_REGIONS, formatOffset } from '../language/regionZones';
import { ZONE_ABBREVIATIONS, formatUtc } from '../language/time';
import type { Rule, RuleContext } from './rule';
import { CONVERTIBLE_ZONES, datesBorrowedAfterFixes, isConvertible, proseTimestamps, startedDateAfterFix, timestampsBySection, utcConversion, zoneBlocks, type ZoneBlock } from './timestamps';

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
  } else if (CONVERTIBLE_ZONES.includes(zone.kind) && !stamp.invalidReason) {
    const dateless = zone.kind === 'region' && stamp.instant === undefined ? ' (give it a date: the offset of a region depends on it)' : '';
    message = `Write “${stamp.raw}” in UTC: times in other zones are hard to compare${dateless}.`;
  }
  if (message) context.report({ range: stamp.range, message });
}

/**
 * With times below it that have no zone (a `ZoneBlock`), converting this one alone would lose the
 * zone they may be in: the authors choose between converting the block and this time alone.
 */
function reportConvertible(context: RuleContext, stamp: TimestampNode, borrowed: CalendarDate | undefined, block?: ZoneBlock): void {
  const fix = utcConversion(stamp, borrowed);
  const region = stamp.zone.kind === 'region' && stamp.zone.offsetMinutes !== undefined ? ` (${regionName(stamp.zone.raw)} was ${formatOffset(stamp.zone.offsetMinutes)} then)` : '';
  const message = `Write “${stamp.raw}” in UTC as ${fix.edits[0].newText}${region}: times in other zones are hard to compare.`;
  if (!block) {
    context.report({ range: stamp.range, message, fix });
    return;
  }
  const below = block.bare.length === 1 ? `“${block.bare[0].raw}” below it has` : `${block.bare.length} times below it have`;
  context.report({
    range: stamp.range,
    message: `${message} ${below} no zone and may be in ${stamp.zone.raw} too.`,
    alternatives: [...(block.convertAll ? [block.convertAll] : []), { ...fix, title: `Convert only “${stamp.raw}”: ${fix.edits[0].newText}`, isPreferred: false }],
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
  const endFix = utcConversion(end, borrowed);
  // The zone is written once, after the second time, as the authors wrote it.
  const startText = utcConversion(start, borrowed).edits[0].newText.replace(/ UTC$/, '');
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
    const startedDate = startedDateAfterFix(context.ast);
    const blockOf = new Map(zoneBlocks(context).map((block) => [block.zoned, block]));
    for (const stamps of timestampsBySection(context)) {
      const borrowed = datesBorrowedAfterFixes(stamps, startedDate);
      stamps.forEach((stamp, i) => {
        if (isConvertible(stamp)) reportConvertible(context, stamp, borrowed[i], blockOf.get(stamp));
        else reportUnconvertible(context, stamp);
      });
    }
    for (const { stamp, rangeStart } of proseTimestamps(context)) {
      if (rangeStart) reportRange(context, rangeStart, stamp, startedDate);
      else if (isConvertible(stamp)) reportConvertible(context, stamp, startedDate);
      else if (stamp.zone.kind !== 'unknown') reportUnconvertible(context, stamp);
    }
  },
};
