import type { Rule } from './rule';
import { causeIsReported, editInPart, proseFindings, rangeInPart } from './wording/documentWording';

export const pm040: Rule = {
  code: 'PM040',
  name: 'blame-wording',
  description: 'Blame or judgment wording ("human error", "careless", "at fault") that stops the analysis at a person instead of the system.',
  defaultSeverity: 'warning',
  fixable: true,
  check(context) {
    for (const { kind, part, match } of proseFindings(context)) {
      // In the root cause, PM023 reports blame wording instead.
      if (match.category !== 'blame' || kind === 'root-cause') continue;
      if (match.withinCause && causeIsReported(context, kind)) continue;
      context.report({
        range: rangeInPart(part, match.start, match.end),
        message: `Describe the condition in the system that allowed this instead of “${match.text}”.`,
        ...(match.fix ? { fix: { title: match.fix.title, edits: [editInPart(part, match.fix)], isPreferred: true } } : {}),
      });
    }
  },
};
