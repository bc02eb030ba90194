import type { KeyNode } from '../language/ast';
import type { Rule, RuleContext } from './rule';

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
    context.report({
      range: key.range,
      message: `${what} is given twice${where}: merge it into the first one (line ${earlier.range.start.line + 1}).`,
      relatedInformation: [{ range: earlier.range, message: `First \`${key.name}\` here` }],
    });
  }
}

export const pm005: Rule = {
  code: 'PM005',
  name: 'duplicate-key',
  description: 'A section, a header field, or a field within a section or action item given twice.',
  defaultSeverity: 'warning',
  fixable: false,
  check(context) {
    const { ast } = context;
    const header = [ast.title, ...ast.headerFields].filter((f) => f).map((f) => f!.key);
    reportRepeats(context, header, ' in the header');
    reportRepeats(context, ast.sections.filter((s) => s.name !== 'unknown').map((s) => s.header), '', true);
    const incident = context.section('incident');
    if (incident) reportRepeats(context, incident.fields.map((f) => f.key), ' in `incident:`');
    const whys = context.section('whys');
    if (whys) reportRepeats(context, whys.entries.filter((e) => !('number' in e)).map((e) => e.key), ' in `whys:`');
    for (const name of ['factors', 'lessons'] as const) {
      const section = context.section(name);
      if (section) reportRepeats(context, section.categories.map((c) => c.key), ` in \`${name}:\``);
    }
    for (const item of context.section('actions')?.items ?? []) {
      reportRepeats(context, item.fields.map((f) => f.key), ` in action ${item.id}`);
    }
  },
};
