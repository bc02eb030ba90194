import { dateToEpochDay, formatDate } from '../language/time';
import type { Rule } from './rule';
import { actionField, daysOverdue, statusOf } from '../language/queries';

export const pm036: Rule = {
  code: 'PM036',
  name: 'overdue-action',
  description: 'An action item whose due date has passed while its status is not `done`, `verified` or `dropped`.',
  defaultSeverity: 'warning',
  fixable: false,
  check(context) {
    const today = dateToEpochDay(context.today);
    for (const item of context.section('actions')?.items ?? []) {
      const due = actionField(item, 'due')?.dateValue;
      if (!due?.date || due.invalidReason) continue;
      const status = statusOf(item);
      const late = daysOverdue(dateToEpochDay(due.date), status, today);
      if (late <= 0) continue;
      context.report({
        range: due.range,
        message: `${item.id} was due on ${formatDate(due.date)} (${late} day${late === 1 ? '' : 's'} ago) and is ${status ?? 'not closed'}: finish it, or agree a new date and note why in \`followup:\`.`,
      });
    }
  },
};
