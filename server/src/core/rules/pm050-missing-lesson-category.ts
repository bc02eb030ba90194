import { LESSON_CATEGORIES } from '../language/vocabulary';
import type { Rule } from './rule';
import { insertChildLine } from './insertions';

export const pm050: Rule = {
  code: 'PM050',
  name: 'missing-lesson-category',
  description: 'A `lessons` category (`went well`, `could improve`, `surprised us`, `changing`) is missing.',
  defaultSeverity: 'information',
  fixable: true,
  check(context) {
    const lessons = context.section('lessons');
    if (!lessons) return;
    const present = new Set(lessons.categories.map((c) => c.key.name));
    for (const { name } of LESSON_CATEGORIES) {
      if (present.has(name)) continue;
      context.report({
        range: lessons.header.range,
        message: `Add \`${name}:\` to the lessons, even if the answer is short.`,
        fix: {
          title: `Insert \`${name}:\``,
          edits: [insertChildLine(context.lines, lessons.range, `${name}:`, lessons.categories[0]?.range.start.line)],
          isPreferred: true,
        },
      });
    }
  },
};
