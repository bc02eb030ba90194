import type { Rule } from './rule';
import { insertChildLine } from './insertions';
import { fieldNamed } from '../language/queries';

const REQUIRED = ['started', 'detected', 'resolved', 'severity', 'services', 'impact'];

export const pm003: Rule = {
  code: 'PM003',
  name: 'missing-incident-field',
  description: 'A required incident field (`started`, `detected`, `resolved`, `severity`, `services`, `impact`) is missing or empty.',
  defaultSeverity: 'warning',
  fixable: true,
  check(context) {
    const incident = context.section('incident');
    if (!incident) return;
    const sibling = incident.fields[0]?.range.start.line;
    for (const name of REQUIRED) {
      const field = fieldNamed(incident.fields, name);
      if (!field) {
        context.report({
          range: incident.header.range,
          message: `Add \`${name}:\` to the incident section.`,
          fix: { title: `Insert \`${name}:\``, edits: [insertChildLine(context.lines, incident.range, `${name}:`, sibling)], isPreferred: true },
        });
      } else if (!field.value && field.bullets.length === 0) {
        context.report({ range: field.key.range, message: `Fill in \`${name}:\`; the incident section requires it.` });
      }
    }
  },
};
