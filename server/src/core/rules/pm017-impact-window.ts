import type { TimestampNode } from '../language/ast';
import type { Rule } from './rule';
import { fieldNamed } from '../language/queries';

/**
 * The customer-facing window may be shorter than the incident (an outage noticed at once but
 * felt by customers for only part of it), never longer: impact outside started–resolved means
 * one of the four times is wrong.
 */
export const pm017: Rule = {
  code: 'PM017',
  name: 'impact-window',
  description: '`impact started`/`impact ended` outside the incident window (`started`–`resolved`), or impact ended before it started.',
  defaultSeverity: 'warning',
  fixable: false,
  check(context) {
    const fields = context.section('incident')?.fields ?? [];
    const stamp = (name: string): TimestampNode | undefined => {
      const found = fieldNamed(fields, name)?.timestamp;
      return found?.instant === undefined ? undefined : found;
    };
    const started = stamp('started');
    const resolved = stamp('resolved');
    const impactStarted = stamp('impact started');
    const impactEnded = stamp('impact ended');
    const report = (target: TimestampNode, message: string, other: TimestampNode, otherName: string) =>
      context.report({ range: target.range, message, relatedInformation: [{ range: other.range, message: `\`${otherName}\` is here` }] });
    if (impactStarted && impactEnded && impactEnded.instant! < impactStarted.instant!) {
      report(impactEnded, `\`impact ended\` (${impactEnded.raw}) cannot be before \`impact started\` (${impactStarted.raw}): correct one of the two times.`, impactStarted, 'impact started');
    }
    if (impactStarted && started && impactStarted.instant! < started.instant!) {
      report(impactStarted, `\`impact started\` (${impactStarted.raw}) is before the incident \`started\` (${started.raw}): the incident starts no later than its impact, so move \`started\` back or correct this time.`, started, 'started');
    }
    for (const [name, impact] of [['impact started', impactStarted], ['impact ended', impactEnded]] as const) {
      if (impact && resolved && impact.instant! > resolved.instant!) {
        report(impact, `\`${name}\` (${impact.raw}) is after the incident was \`resolved\` (${resolved.raw}): an incident is not resolved while customers still feel it, so move \`resolved\` on or correct this time.`, resolved, 'resolved');
      }
    }
  },
};
