import type { Rule } from './rule';
import { actionField, statusOf } from '../language/queries';
import { isEmpty } from './actionItems';

export const pm038: Rule = {
  code: 'PM038',
  name: 'done-without-verify',
  description: 'An action item marked `done` or `verified` with no `verify:` saying how completion was checked.',
  defaultSeverity: 'information',
  fixable: false,
  check(context) {
    for (const item of context.section('actions')?.items ?? []) {
      const status = statusOf(item);
      if (status !== 'done' && status !== 'verified') continue;
      const verify = actionField(item, 'verify');
      if (verify && !isEmpty(verify)) continue;
      const statusField = actionField(item, 'status')!;
      context.report({
        range: statusField.value?.range ?? statusField.key.range,
        message: `Close action items only when verified: add \`verify:\` to ${item.id} saying how its completion was checked.`,
      });
    }
  },
};
