import type { TimestampNode } from '../language/ast';
import { replace } from '../analysis/edits';
import type { Fix } from '../analysis/types';
import { ZONE_ABBREVIATIONS, calendarDateOf, dateToEpochDay, formatUtc } from '../language/time';
import type { Rule } from './rule';
import { allTimestamps } from './timestamps';

function conversion(stamp: TimestampNode): Fix | undefined {
  if (stamp.instant === undefined || !stamp.effectiveDate) return undefined;
  const utcDate = calendarDateOf(stamp.instant);
  // A time alone keeps its short form only while the UTC date stays the same.
  const withDate = stamp.date !== undefined || dateToEpochDay(utcDate) !== dateToEpochDay(stamp.effectiveDate);
  const text = formatUtc(stamp.instant, { iso: stamp.isoSeparator, withDate, withSeconds: stamp.second !== undefined });
  return { title: `Convert to UTC: ${text}`, edits: [replace(stamp.range, text)], isPreferred: true };
}

export const pm011: Rule = {
  code: 'PM011',
  name: 'timestamp-not-utc',
  description: 'A timestamp in a zone other than UTC: convert it so every time in the document compares directly.',
  defaultSeverity: 'warning',
  fixable: true,
  check(context) {
    for (const stamp of allTimestamps(context.ast)) {
      if (stamp.zone.kind !== 'offset' && stamp.zone.kind !== 'abbreviation') continue;
      const info = ZONE_ABBREVIATIONS[stamp.zone.raw.toUpperCase()];
      if (stamp.zone.ambiguous) {
        context.report({
          range: stamp.range,
          message: `“${stamp.zone.raw}” is ambiguous (${info?.meaning ?? 'more than one zone'}): rewrite “${stamp.raw}” in UTC.`,
        });
        continue;
      }
      const fix = conversion(stamp);
      const target = fix ? ` as ${fix.edits[0].newText}` : '';
      context.report({
        range: stamp.range,
        message: `Write “${stamp.raw}” in UTC${target}: times in other zones are hard to compare.`,
        fix,
      });
    }
  },
};
