import { replace } from '../analysis/edits';
import { ACTION_STATUSES } from '../language/vocabulary';
import type { Rule } from './rule';
import { actionField, statusOf } from '../language/queries';
import { insertFieldFix } from './actionItems';
import { nearest } from './nearest';

const STATUS_NAMES = ACTION_STATUSES.map((s) => s.name);

export const pm033: Rule = {
  code: 'PM033',
  name: 'action-without-status',
  description: 'An action item without a status, or with an unknown status.',
  defaultSeverity: 'information',
  fixable: true,
  check(context) {
    for (const item of context.section('actions')?.items ?? []) {
      const status = actionField(item, 'status');
      if (!status) {
        context.report({ range: item.idRange, message: `Give ${item.id} a status: add \`status: not-started\` and keep it current.`, fix: insertFieldFix(context.lines, item, 'status', 'not-started') });
        continue;
      }
      if (statusOf(item)) continue;
      const range = status.value?.range ?? status.key.range;
      const written = status.value?.text ?? '';
      const suggestion = written ? nearest(written, STATUS_NAMES) : undefined;
      context.report({
        range,
        message: written ? `Unknown status “${written}”: use one of ${STATUS_NAMES.join(', ')}.` : `Set ${item.id}'s status to one of ${STATUS_NAMES.join(', ')}.`,
        fix: suggestion && status.value ? { title: `Change to “${suggestion}”`, edits: [replace(range, suggestion)], isPreferred: true } : undefined,
      });
    }
  },
};
