import type { Rule } from './rule';
import { personAsCauseMessage, proseFindings, rangeInPart } from './wording/documentWording';

export const pm042: Rule = {
  code: 'PM042',
  name: 'person-as-cause',
  description: 'A person (an @handle, a configured name, a role or a pronoun) as the subject of a failure verb or the agent of the incident.',
  defaultSeverity: 'warning',
  fixable: false,
  check(context) {
    for (const { kind, part, match } of proseFindings(context)) {
      // In the root cause, PM023 reports a person instead.
      if (match.category !== 'person-as-cause' || kind === 'root-cause') continue;
      context.report({
        range: rangeInPart(part, match.start, match.end),
        message: personAsCauseMessage(match),
      });
    }
  },
};
