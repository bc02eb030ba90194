import { replace } from '../analysis/edits';
import { formatDate, pad2 } from '../language/time';
import type { Rule } from './rule';
import { timestampsBySection } from './timestamps';

export const pm010: Rule = {
  code: 'PM010',
  name: 'timestamp-without-zone',
  description: 'A timestamp with no time zone: readers in other zones cannot tell when it happened.',
  defaultSeverity: 'warning',
  fixable: true,
  check(context) {
    for (const stamps of timestampsBySection(context)) {
      for (const stamp of stamps) {
        if (stamp.zone.kind !== 'none') continue;
        const zone = stamp.isoSeparator ? 'Z' : ' UTC';
        // A 12-hour time is rewritten on the 24-hour clock, so `9:37AM` never becomes `9:37AM UTC`.
        const clockOf = (t: { hour: number; minute: number; second?: number }) => `${pad2(t.hour)}:${pad2(t.minute)}${t.second !== undefined ? `:${pad2(t.second)}` : ''}`;
        const clock = `${clockOf(stamp)}${stamp.rangeEnd ? `${stamp.rangeEnd.connector}${clockOf(stamp.rangeEnd)}` : ''}`;
        const edit = stamp.twelveHour ? replace(stamp.timeRange, clock + zone) : replace({ start: stamp.timeRange.end, end: stamp.timeRange.end }, zone);
        const date = stamp.date ? `${formatDate(stamp.date)}${stamp.isoSeparator ? 'T' : ' '}` : '';
        const example = stamp.twelveHour ? `${date}${clock}${zone}` : `${stamp.raw}${zone}`;
        context.report({
          range: stamp.range,
          message: `Add a time zone to “${stamp.raw}”: write every time in UTC, such as \`${example}\`.`,
          fix: { title: 'Mark the time as UTC', edits: [edit], isPreferred: true },
        });
      }
    }
  },
};
