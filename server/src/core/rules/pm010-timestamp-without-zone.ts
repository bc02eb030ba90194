import { replace } from '../analysis/edits';
import type { Fix } from '../analysis/types';
import type { TimestampNode } from '../language/ast';
import { formatDate, pad2 } from '../language/time';
import type { Rule, RuleContext } from './rule';
import { timestampsBySection, utcConversion, zoneBlocks, type ZoneBlock } from './timestamps';

/** The time alone converted, as a block's fix would write it without the times above. */
function utcText(read: TimestampNode): string {
  return utcConversion(read, read.effectiveDate).edits[0].newText;
}

/** The fix that states the time is UTC already; a 12-hour time is rewritten on the 24-hour clock, never `9:37AM UTC`. */
function markAsUtc(stamp: TimestampNode): { fix: Fix; example: string } {
  const zone = stamp.isoSeparator ? 'Z' : ' UTC';
  const clockOf = (t: { hour: number; minute: number; second?: number }) => `${pad2(t.hour)}:${pad2(t.minute)}${t.second !== undefined ? `:${pad2(t.second)}` : ''}`;
  const clock = `${clockOf(stamp)}${stamp.rangeEnd ? `${stamp.rangeEnd.connector}${clockOf(stamp.rangeEnd)}` : ''}`;
  const edit = stamp.twelveHour ? replace(stamp.timeRange, clock + zone) : replace({ start: stamp.timeRange.end, end: stamp.timeRange.end }, zone);
  const date = stamp.date ? `${formatDate(stamp.date)}${stamp.isoSeparator ? 'T' : ' '}` : '';
  const example = stamp.twelveHour ? `${date}${clock}${zone}` : `${stamp.raw}${zone}`;
  return { fix: { title: 'Mark the time as UTC', edits: [edit], isPreferred: true }, example };
}

/**
 * A time with no zone below one written in another zone: the authors choose between reading it
 * in that zone, with the whole block (see `ZoneBlock`), and marking it UTC. Fix-all does neither.
 */
function reportInBlock(context: RuleContext, stamp: TimestampNode, block: ZoneBlock): void {
  const zone = block.zoned.zone.raw;
  const index = block.bare.indexOf(stamp);
  const read = block.readInZone[index];
  const converted = block.convertAll?.edits[index + 1].newText ?? (read && utcText(read));
  context.report({
    range: stamp.range,
    message: converted
      ? `Add a time zone to “${stamp.raw}”: the time above it is in ${zone}. If this one is too, it is ${converted}; if it is UTC already, mark it so.`
      : `Add a time zone to “${stamp.raw}”: the time above it is in ${zone}. Write this one in UTC.`,
    alternatives: [...(block.convertAll ? [block.convertAll] : []), { ...markAsUtc(stamp).fix, isPreferred: false }],
  });
}

export const pm010: Rule = {
  code: 'PM010',
  name: 'timestamp-without-zone',
  description: 'A timestamp with no time zone: readers in other zones cannot tell when it happened.',
  defaultSeverity: 'warning',
  fixable: true,
  check(context) {
    const blockOf = new Map(zoneBlocks(context).flatMap((block) => block.bare.map((stamp) => [stamp, block] as const)));
    for (const stamps of timestampsBySection(context)) {
      for (const stamp of stamps) {
        if (stamp.zone.kind !== 'none') continue;
        const block = blockOf.get(stamp);
        if (block) {
          reportInBlock(context, stamp, block);
          continue;
        }
        const { fix, example } = markAsUtc(stamp);
        context.report({ range: stamp.range, message: `Add a time zone to “${stamp.raw}”: write every time in UTC, such as \`${example}\`.`, fix });
      }
    }
  },
};
