import { LESSON_CATEGORIES } from '../language/vocabulary';
import type { Rule } from './rule';
import { insertChildLine } from './insertions';
import { lessonCategoryOf } from '../import/templateWords';

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
    // A label PM004 renames to a category (`What went well:`) stands for it: asking for the
    // category as well would make fix-all write it twice.
    for (const stray of lessons.stray) {
      const category = stray.kind === 'unknown-key' && stray.key ? lessonCategoryOf(stray.key.raw) : undefined;
      if (category) present.add(category);
    }
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
