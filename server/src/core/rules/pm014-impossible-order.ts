import type { TimestampNode } from '../language/ast';
import type { Rule } from './rule';
import { fieldNamed } from '../language/queries';

/** [earlier, later]: the second may not come before the first. */
const ORDER: [string, string][] = [
  ['started', 'resolved'],
  ['started', 'detected'],
  ['detected', 'responded'],
  ['started', 'mitigated'],
  ['mitigated', 'resolved'],
];

export const pm014: Rule = {
  code: 'PM014',
  name: 'impossible-order',
  description: 'Incident times in an impossible order: resolved or detected before started, responded before detected, mitigated after resolved.',
  defaultSeverity: 'error',
  fixable: false,
  check(context) {
    const incident = context.section('incident');
    if (!incident) return;
    const stamp = (name: string): TimestampNode | undefined => fieldNamed(incident.fields, name)?.timestamp;
    for (const [earlierName, laterName] of ORDER) {
      const earlier = stamp(earlierName);
      const later = stamp(laterName);
      if (earlier?.instant === undefined || later?.instant === undefined || later.instant >= earlier.instant) continue;
      // Blame the field that is out of place: `mitigated` after `resolved` points at mitigated.
      const [target, other, otherName] = laterName === 'resolved' && earlierName === 'mitigated' ? [earlier, later, laterName] : [later, earlier, earlierName];
      const targetName = target === later ? laterName : earlierName;
      const relation = target === later ? 'before' : 'after';
      context.report({
        range: target.range,
        message: `\`${targetName}\` (${target.raw}) cannot be ${relation} \`${otherName}\` (${other.raw}): correct one of the two times.`,
        relatedInformation: [{ range: other.range, message: `\`${otherName}\` is here` }],
      });
    }
  },
};
