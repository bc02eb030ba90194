import { headerField, incidentInstant } from '../language/queries';
import { dateToEpochDay } from '../language/time';
import type { Rule } from './rule';

export const pm016: Rule = {
  code: 'PM016',
  name: 'late-writeup',
  description: 'The postmortem was written more than 48 hours (configurable) after the incident was resolved.',
  defaultSeverity: 'information',
  fixable: false,
  check(context) {
    const dateField = headerField(context.ast, 'date')?.dateValue;
    const resolved = incidentInstant(context.ast, 'resolved');
    if (!dateField?.date || dateField.invalidReason || resolved === undefined) return;
    // The date has no time: count from its first minute, so only a clearly late write-up is reported.
    const written = dateToEpochDay(dateField.date) * 86_400_000;
    const hours = (written - resolved) / 3_600_000;
    const allowed = context.config.writeupWithinHours;
    if (hours <= allowed) return;
    const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
    const late = hours < 48 ? `more than ${plural(Math.floor(hours), 'hour')}` : `${plural(Math.floor(hours / 24), 'day')}`;
    context.report({
      range: dateField.range,
      message: `Written ${late} after the incident was resolved: aim to write postmortems within ${plural(allowed, 'hour')}, while memories and logs are fresh.`,
    });
  },
};
