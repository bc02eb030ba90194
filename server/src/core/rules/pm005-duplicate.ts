import type { KeyNode, WhysSection } from '../language/ast';
import type { Rule, RuleContext } from './rule';
import { whysChains } from './rule';

/** Reports every key after the first with the same name, pointing back at the first. */
function reportRepeats(context: RuleContext, keys: KeyNode[], where: string, isSection = false) {
  const first = new Map<string, KeyNode>();
  for (const key of keys) {
    const earlier = first.get(key.name);
    if (!earlier) {
      first.set(key.name, key);
      continue;
    }
    const what = isSection ? `The \`${key.name}:\` section` : `\`${key.name}\``;
    const chain = isSection && key.name === 'whys' ? ', or give this one a title on its header line (`whys: Restores took 18 hours`) to make it a second causal chain' : '';
    context.report({
      range: key.range,
      message: `${what} is given twice${where}: merge it into the first one (line ${earlier.range.start.line + 1})${chain}.`,
      relatedInformation: [{ range: earlier.range, message: `First \`${key.name}\` here` }],
    });
  }
}

export const pm005: Rule = {
  code: 'PM005',
  name: 'duplicate-key',
  description: 'A section, a header field, or a field within a section or action item given twice; a later `whys:` with a title is another causal chain.',
  defaultSeverity: 'warning',
  fixable: false,
  check(context) {
    const { ast } = context;
    const header = [ast.title, ...ast.headerFields].filter((f) => f).map((f) => f!.key);
    reportRepeats(context, header, ' in the header');
    // A later `whys:` with a title is another causal chain, not a repeat.
    const chains = whysChains(ast);
    reportRepeats(context, ast.sections.filter((s) => s.name !== 'unknown' && !chains.slice(1).includes(s as WhysSection)).map((s) => s.header), '', true);
    const incident = context.section('incident');
    if (incident) reportRepeats(context, incident.fields.map((f) => f.key), ' in `incident:`');
    for (const whys of chains) reportRepeats(context, whys.entries.filter((e) => !('number' in e)).map((e) => e.key), ' in `whys:`');
    for (const name of ['factors', 'lessons'] as const) {
      const section = context.section(name);
      if (section) reportRepeats(context, section.categories.map((c) => c.key), ` in \`${name}:\``);
    }
    for (const item of context.section('actions')?.items ?? []) {
      reportRepeats(context, item.fields.map((f) => f.key), ` in action ${item.id}`);
    }
  },
};
