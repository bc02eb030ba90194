import type { Rule } from './rule';
import type { WordingCategory } from './wording/detector';
import { causeIsReported, proseFindings, rangeInPart } from './wording/documentWording';

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
    const nearMiss = context.incidentType === 'near-miss';
    for (const { kind, part, match } of proseFindings(context)) {
      // A near-miss's summary and impact describe the harm that was avoided: "would have" is their subject.
      if (nearMiss && match.category === 'counterfactual' && (kind === 'summary' || kind === 'incident')) continue;
      if (match.withinCause && causeIsReported(context, kind)) continue;
      const advice = ADVICE[match.category];
      if (advice) context.report({ range: rangeInPart(part, match.start, match.end), message: advice(match.text) });
    }
  },
};
