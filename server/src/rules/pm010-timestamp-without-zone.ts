import { replace } from '../analysis/edits';
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
        const end = stamp.timeRange.end;
        context.report({
          range: stamp.range,
          message: `Add a time zone to “${stamp.raw}”: write every time in UTC, such as \`${stamp.raw}${stamp.isoSeparator ? 'Z' : ' UTC'}\`.`,
          fix: {
            title: 'Mark the time as UTC',
            edits: [replace({ start: end, end }, stamp.isoSeparator ? 'Z' : ' UTC')],
            isPreferred: true,
          },
        });
      }
    }
  },
};
