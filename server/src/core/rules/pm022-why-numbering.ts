import { replace } from '../analysis/edits';
import type { Rule } from './rule';
import { whysChains } from './rule';

export const pm022: Rule = {
  code: 'PM022',
  name: 'why-numbering',
  description: '`why` steps not numbered 1, 2, 3, … in order.',
  defaultSeverity: 'warning',
  fixable: true,
  check(context) {
    for (const { whys } of whysChains(context.ast)) {
      const wrong = whys.filter((why, i) => why.number !== i + 1);
      if (!wrong.length) continue;
      const first = wrong[0];
      const expected = whys.indexOf(first) + 1;
      context.report({
        range: first.numberRange ?? first.key.range,
        message: `Number the whys 1, 2, 3, … in order: this one should be \`why ${expected}\`.`,
        fix: {
          title: 'Renumber the whys',
          edits: wrong.map((why) => replace(why.key.range, `why ${whys.indexOf(why) + 1}`)),
          isPreferred: true,
        },
      });
    }
  },
};
