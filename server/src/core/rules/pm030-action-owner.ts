import type { Rule } from './rule';
import { actionField } from '../language/queries';
import { insertFieldFix, isEmpty } from './actionItems';

/** Words that hold an owner's place without naming anyone accountable. */
const PLACEHOLDERS = new Set(['tbd', 'tbc', 'tba', '?', '??', '???', '-', 'someone', 'somebody', 'anyone', 'anybody', 'none', 'n/a', 'na', 'unknown', 'unassigned', 'todo', 'nobody', 'everyone', 'all', 'team', 'the team', 'us', 'we']);

export const pm030: Rule = {
  code: 'PM030',
  name: 'action-without-owner',
  description: 'An action item without an owner, or with a placeholder owner (`TBD`, `?`, `someone`).',
  defaultSeverity: 'warning',
  fixable: true,
  check(context) {
    for (const item of context.section('actions')?.items ?? []) {
      const owner = actionField(item, 'owner');
      if (!owner) {
        context.report({ range: item.idRange, message: `Give ${item.id} an owner: add \`owner:\` with the @handle of the person or team accountable for it.`, fix: insertFieldFix(context.lines, item, 'owner') });
      } else if (isEmpty(owner)) {
        context.report({ range: owner.key.range, message: `Name ${item.id}'s owner after \`owner:\`: an @handle or a team.` });
      } else if (owner.value && PLACEHOLDERS.has(owner.value.text.toLowerCase().replace(/[.!]+$/, ''))) {
        context.report({ range: owner.value.range, message: `Replace the placeholder owner “${owner.value.text}” with the person or team accountable for ${item.id}.` });
      }
    }
  },
};
