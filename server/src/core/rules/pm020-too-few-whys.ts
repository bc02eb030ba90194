import { insertLinesAfter } from '../analysis/edits';
import type { Rule } from './rule';
import { whysChains } from './rule';
import { childIndent } from './insertions';

export const pm020: Rule = {
  code: 'PM020',
  name: 'too-few-whys',
  description: 'Fewer `why` steps than required (five by default), or a `why` step left empty.',
  defaultSeverity: 'warning',
  fixable: true,
  check(context) {
    // Each causal chain is checked on its own.
    for (const whys of whysChains(context.ast)) {
      const required = context.config.requiredWhys;
      for (const why of whys.whys) {
        if (!why.value && why.bullets.length === 0) {
          context.report({ range: why.key.range, message: `Write \`${why.key.raw}\`: why did the step above it happen?` });
        }
      }
      const count = whys.whys.length;
      if (count >= required) continue;
      const last = whys.whys[whys.whys.length - 1] ?? whys.symptom;
      const afterLine = last ? last.range.end.line : whys.headerLineRange.end.line;
      const indent = childIndent(context.lines, whys.range.start.line, whys.entries[0]?.range.start.line);
      const highest = Math.max(0, ...whys.whys.map((w) => w.number ?? 0));
      const start = Math.max(highest, count);
      const added = Array.from({ length: required - count }, (_, i) => `why ${start + i + 1}`);
      context.report({
        range: whys.header.range,
        message: `Keep asking why: ${count} of ${required} steps are written; a systemic root cause usually needs ${required}.`,
        fix: {
          title: `Insert ${added.map((w) => `\`${w}:\``).join(', ')}`,
          edits: [insertLinesAfter(context.lines, afterLine, added.map((w) => `${indent}${w}:`))],
          isPreferred: true,
        },
      });
    }
  },
};
