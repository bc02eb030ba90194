import type { Rule } from './rule';
import { actionField, isOpenStatus, statusOf } from '../language/queries';
import { insertFieldFix, isEmpty } from './actionItems';

export const pm031: Rule = {
  code: 'PM031',
  name: 'action-without-due-date',
  description: 'An open action item without a due date.',
  defaultSeverity: 'warning',
  fixable: true,
  check(context) {
    for (const item of context.section('actions')?.items ?? []) {
      // Only open items need a date to aim at: done, verified and dropped ones are behind us.
      const status = statusOf(item);
      if (!isOpenStatus(status)) continue;
      const due = actionField(item, 'due');
      if (!due) {
        context.report({ range: item.idRange, message: `Give ${item.id} a due date: add \`due: YYYY-MM-DD\`.`, fix: insertFieldFix(context.lines, item, 'due') });
      } else if (isEmpty(due)) {
        context.report({ range: due.key.range, message: `Set ${item.id}'s due date after \`due:\`, as YYYY-MM-DD.` });
      }
    }
  },
};
