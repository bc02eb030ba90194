import type { Rule } from './rule';
import type { WordingCategory } from './wording/detector';
import { proseFindings, rangeInPart } from './wording/documentWording';

const ADVICE: Partial<Record<WordingCategory, (words: string) => string>> = {
  counterfactual: (words) => `Say what was known and done at the time instead of “${words}”, and turn what would have helped into an action item with a way to verify it.`,
  hindsight: (words) => `Describe what the responders saw and knew at the time instead of “${words}”.`,
  'failed-to': (words) => `Say what happened and what made it hard at the time instead of “${words}”.`,
};

export const pm041: Rule = {
  code: 'PM041',
  name: 'counterfactual-wording',
  description: 'Counterfactual or hindsight wording ("should have", "failed to", "obviously") that judges the past by what is known now.',
  defaultSeverity: 'information',
  fixable: false,
  check(context) {
    for (const { part, match } of proseFindings(context)) {
      const advice = ADVICE[match.category];
      if (advice) context.report({ range: rangeInPart(part, match.start, match.end), message: advice(match.text) });
    }
  },
};
