import { formatUtc } from '../language/time';
import type { Rule } from './rule';

export const pm012: Rule = {
  code: 'PM012',
  name: 'timeline-out-of-order',
  description: 'A timeline event earlier than the event before it.',
  defaultSeverity: 'warning',
  fixable: false,
  check(context) {
    let previous: { instant: number; raw: string; line: number } | undefined;
    for (const event of context.section('timeline')?.events ?? []) {
      const { instant, raw } = event.timestamp;
      if (instant === undefined) continue;
      if (previous && instant < previous.instant) {
        const at = formatUtc(instant, { iso: false, withDate: true, withSeconds: false });
        // A time alone that seems to step back less than a day most likely happened after midnight.
        const midnight = !event.timestamp.date && previous.instant - instant < 86_400_000 ? ' If it happened after midnight, write its date.' : '';
        context.report({
          range: event.timestamp.range,
          message: `This event (${at}) is earlier than the one before it on line ${previous.line + 1} (“${previous.raw}”): correct the time or move the line into order.${midnight}`,
        });
      }
      if (!previous || instant >= previous.instant) previous = { instant, raw, line: event.range.start.line };
    }
  },
};
