import type { StrayLine } from '../language/ast';
import type { Rule } from './rule';

const STRAY_MESSAGES: Record<Exclude<StrayLine['kind'], 'unknown-key'>, string> = {
  'no-timestamp': 'Start each timeline event with a timestamp such as `2025-02-14 14:30 UTC`, or indent this line further to continue the event above.',
  'no-category': 'Put this line under a category such as `went well:` or `process:`.',
  'no-date': 'Start each follow-up note with a date written `YYYY-MM-DD`, or indent this line further to continue the note above.',
  'no-item': 'This line belongs to no entry: put it under a key or an action item.',
};

export const pm001: Rule = {
  code: 'PM001',
  name: 'syntax-error',
  description: 'A line that does not fit the structure of the language; the parser recovers and goes on.',
  defaultSeverity: 'error',
  fixable: false,
  check(context) {
    for (const error of context.ast.syntaxErrors) context.report({ range: error.range, message: error.message });
    for (const section of context.ast.sections) {
      for (const stray of section.stray) {
        if (stray.kind !== 'unknown-key') context.report({ range: stray.range, message: STRAY_MESSAGES[stray.kind] });
      }
    }
  },
};
