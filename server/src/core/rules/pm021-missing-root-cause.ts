import type { Rule } from './rule';
import { whysChains } from './rule';
import { insertChildLine } from './insertions';

export const pm021: Rule = {
  code: 'PM021',
  name: 'missing-root-cause',
  description: 'The whys do not end in a `root cause:`, or it is empty.',
  defaultSeverity: 'warning',
  fixable: true,
  check(context) {
    for (const whys of whysChains(context.ast)) {
      if (!whys.rootCause) {
        context.report({
          range: whys.header.range,
          message: 'End the whys with `root cause:`: the systemic condition the chain of whys reaches.',
          fix: {
            title: 'Insert `root cause:`',
            edits: [insertChildLine(context.lines, whys.range, 'root cause:', whys.entries[0]?.range.start.line)],
            isPreferred: true,
          },
        });
      } else if (!whys.rootCause.value && whys.rootCause.bullets.length === 0) {
        context.report({ range: whys.rootCause.key.range, message: 'Write the root cause: the condition in the system that the whys lead to.' });
      }
    }
  },
};
