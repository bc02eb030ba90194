import type { Rule } from './rule';
import { editInPart, proseFindings, rangeInPart } from './wording/documentWording';

export const pm043: Rule = {
  code: 'PM043',
  name: 'minimizing-wording',
  description: 'Minimizing wording ("just", "simply", "trivial", "everyone knows") that hides the effort or the impact.',
  defaultSeverity: 'hint',
  fixable: true,
  check(context) {
    for (const { part, match } of proseFindings(context)) {
      if (match.category !== 'minimizing') continue;
      const range = rangeInPart(part, match.start, match.end);
      if (match.fix) {
        context.report({
          range,
          message: `Delete “${match.text}”, or give the steps or the numbers.`,
          fix: { title: match.fix.title, edits: [editInPart(part, match.fix)], isPreferred: true },
        });
      } else {
        context.report({ range, message: `Give the steps or the numbers instead of “${match.text}”.` });
      }
    }
  },
};
