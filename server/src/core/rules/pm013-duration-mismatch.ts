import { replace } from '../analysis/edits';
import { incidentField, incidentInstant } from '../language/queries';
import { formatDuration, parseDurationSeconds } from '../language/time';
import type { Rule } from './rule';

export const pm013: Rule = {
  code: 'PM013',
  name: 'duration-mismatch',
  description: '`duration` disagrees with `resolved` − `started`, or is not written like `45m`, `1h 30m`, `2d 4h`.',
  defaultSeverity: 'warning',
  fixable: true,
  check(context) {
    const field = incidentField(context.ast, 'duration');
    if (!field?.value || field.value.parts.length !== 1) return;
    const range = field.value.range;
    const started = incidentInstant(context.ast, 'started');
    const resolved = incidentInstant(context.ast, 'resolved');
    const computed = started !== undefined && resolved !== undefined && resolved >= started ? (resolved - started) / 1000 : undefined;
    const written = parseDurationSeconds(field.value.text);
    const fix = computed !== undefined ? { title: `Set the duration to ${formatDuration(computed)}`, edits: [replace(range, formatDuration(computed))], isPreferred: true } : undefined;
    if (written === undefined) {
      context.report({ range, message: `Write the duration like \`45m\`, \`1h 30m\` or \`2d 4h\`${computed !== undefined ? ` (resolved − started is ${formatDuration(computed)})` : ''}.`, fix });
    } else if (computed !== undefined && Math.abs(written - computed) >= 60) {
      // A duration shorter than the incident is often the customers' window: say where that goes.
      const impact = written < computed ? ' If customers felt it for a shorter time, write that window as `impact started:` and `impact ended:`.' : '';
      context.report({ range, message: `The duration says ${formatDuration(written)} but resolved − started is ${formatDuration(computed)}: correct one of them.${impact}`, fix });
    }
  },
};
