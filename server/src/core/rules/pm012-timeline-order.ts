import type { TimelineEventNode } from '../language/ast';
import { formatUtc } from '../language/time';
import type { Rule } from './rule';

export const pm012: Rule = {
  code: 'PM012',
  name: 'timeline-out-of-order',
  description: 'A timeline event earlier than the event before it.',
  defaultSeverity: 'warning',
  fixable: false,
  check(context) {
    // The latest event so far; its text and line are read only when something is reported.
    let previous: TimelineEventNode | undefined;
    let previousInstant = 0;
    for (const event of context.section('timeline')?.events ?? []) {
      const instant = event.timestamp.instant;
      if (instant === undefined) continue;
      if (previous && instant < previousInstant) {
        const at = formatUtc(instant, { iso: false, withDate: true, withSeconds: false });
        // A time alone that seems to step back less than a day most likely happened after midnight.
        const midnight = !event.timestamp.date && previousInstant - instant < 86_400_000 ? ' If it happened after midnight, write its date.' : '';
        context.report({
          range: event.timestamp.range,
          message: `This event (${at}) is earlier than the one before it on line ${previous.range.start.line + 1} (“${previous.timestamp.raw}”): correct the time or move the line into order.${midnight}`,
        });
      } else {
        previous = event;
        previousInstant = instant;
      }
    }
  },
};
