import { PRIORITIES } from '../language/vocabulary';
import type { Rule } from './rule';
import { actionField } from '../language/queries';
import { insertFieldFix, isEmpty } from './actionItems';

const VALID = new Set(PRIORITIES.map((p) => p.name));

export const pm032: Rule = {
  code: 'PM032',
  name: 'action-without-priority',
  description: 'An action item without a priority, or with one outside `P0`–`P4`.',
  defaultSeverity: 'warning',
  fixable: true,
  check(context) {
    for (const item of context.section('actions')?.items ?? []) {
      const priority = actionField(item, 'priority');
      if (!priority) {
        context.report({ range: item.idRange, message: `Give ${item.id} a priority: add \`priority:\` with one of P0–P4.`, fix: insertFieldFix(context.lines, item, 'priority') });
      } else if (isEmpty(priority)) {
        context.report({ range: priority.key.range, message: `Set ${item.id}'s priority to one of P0–P4.` });
      } else if (priority.value && !VALID.has(priority.value.text.toUpperCase())) {
        context.report({ range: priority.value.range, message: `Use a priority from P0 (drop everything) to P4 (when convenient) instead of “${priority.value.text}”.` });
      }
    }
  },
};
