import type { Rule } from './rule';
import { detectorFor } from './wording/detector';
import { rangeInPart } from './wording/documentWording';

export const pm035: Rule = {
  code: 'PM035',
  name: 'vague-action',
  description: 'A vague action item title ("be more careful", "improve monitoring", "look into") that names no control anyone can build and verify.',
  defaultSeverity: 'warning',
  fixable: false,
  check(context) {
    const detector = detectorFor(context.config);
    for (const section of context.ast.sections) {
      if (section.name !== 'actions') continue;
      for (const item of section.items) {
        if (!item.title || detector.isConcreteAction(item.title.text)) continue;
        for (const part of item.title.parts) {
          for (const vague of detector.vagueActions(part.text)) {
            context.report({
              range: rangeInPart(part, vague.start, vague.end),
              message: `Name a concrete control instead of “${vague.text}”: a check, an alert with a threshold, a confirmation prompt or a runbook step.`,
            });
          }
        }
      }
    }
  },
};
