import type { Rule } from './rule';
import { actionField, statusOf } from '../language/queries';
import { insertFieldFix, isEmpty } from './actionItems';

/** Closed items are left to PM038 (done without verify) or need no check (dropped). */
const SKIPPED = new Set(['done', 'verified', 'dropped']);

export const pm034: Rule = {
  code: 'PM034',
  name: 'action-without-verify',
  description: 'An open action item without `verify:`, the way its completion will be checked.',
  defaultSeverity: 'information',
  fixable: true,
  check(context) {
    for (const item of context.section('actions')?.items ?? []) {
      if (SKIPPED.has(statusOf(item) ?? '')) continue;
      const verify = actionField(item, 'verify');
      if (!verify) {
        context.report({ range: item.idRange, message: `Say how ${item.id}'s completion will be checked: add \`verify:\` (a test, a drill, an alert firing).`, fix: insertFieldFix(context.lines, item, 'verify') });
      } else if (isEmpty(verify)) {
        context.report({ range: verify.key.range, message: `Describe after \`verify:\` how ${item.id}'s completion will be checked.` });
      }
    }
  },
};
