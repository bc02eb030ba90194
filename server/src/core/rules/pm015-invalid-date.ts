import type { DateNode, Range, TimestampNode } from '../language/ast';
import { isoDateFix, periodEndFix } from './writtenDates';
import type { Rule } from './rule';
import { actionField, headerField } from '../language/queries';

export const pm015: Rule = {
  code: 'PM015',
  name: 'invalid-date-or-time',
  description: 'A date or time that does not exist (`2025-02-30`, `25:61`) or is not written in the expected form.',
  defaultSeverity: 'error',
  fixable: true,
  check(context) {
    // A date written out (`February 28, 2017 9:37 AM PST`) gets the fix that writes it in ISO form.
    const report = (range: Range, message: string, requireTime: boolean) => {
      const fix = isoDateFix(context.lines, range, requireTime);
      context.report({ range, message, ...(fix ? { fix } : {}) });
    };
    const stamp = (node: TimestampNode | undefined, what: string) => {
      if (node?.invalidReason) report(node.range, `Correct ${what}: ${node.invalidReason}.`, true);
    };
    const date = (node: DateNode | undefined, what: string) => {
      if (node?.invalidReason) report(node.range, `Correct ${what}: ${node.invalidReason}.`, false);
    };
    date(headerField(context.ast, 'date')?.dateValue, 'the document date');
    for (const field of context.section('incident')?.fields ?? []) stamp(field.timestamp, `\`${field.key.name}\``);
    for (const event of context.section('timeline')?.events ?? []) stamp(event.timestamp, 'the event time');
    for (const item of context.section('actions')?.items ?? []) {
      const due = actionField(item, 'due')?.dateValue;
      // A deadline written as a quarter or a month (`Q2 2022`) means its last day.
      const periodEnd = due?.invalidReason && !due.date ? periodEndFix(context.lines, due.range) : undefined;
      if (periodEnd) context.report({ range: due!.range, message: `Correct the due date of ${item.id}: ${due!.invalidReason}.`, fix: periodEnd });
      else date(due, `the due date of ${item.id}`);
    }
    for (const note of context.section('followup')?.notes ?? []) date(note.date, 'the follow-up date');
  },
};
