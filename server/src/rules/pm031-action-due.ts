import type { Rule } from './rule';
import { fieldOf, insertFieldFix, isEmpty, statusOf } from './actionItems';

export const pm031: Rule = {
  code: 'PM031',
  name: 'action-without-due-date',
  description: 'An open action item without a due date.',
  defaultSeverity: 'warning',
  fixable: true,
  check(context) {
    for (const item of context.section('actions')?.items ?? []) {
      if (statusOf(item) === 'dropped') continue;
      const due = fieldOf(item, 'due');
      if (!due) {
        context.report({ range: item.idRange, message: `Give ${item.id} a due date: add \`due: YYYY-MM-DD\`.`, fix: insertFieldFix(context.lines, item, 'due') });
      } else if (isEmpty(due)) {
        context.report({ range: due.key.range, message: `Set ${item.id}'s due date after \`due:\`, as YYYY-MM-DD.` });
      }
    }
  },
};
