import { insertLinesAfter } from '../analysis/edits';
import type { PostmortemDocument } from '../language/ast';
import { dateToEpochDay, formatDate } from '../language/time';
import type { Fix } from '../analysis/types';
import type { LineIndex } from '../language/lineIndex';
import { headerField, isOpenStatus, statusOf } from '../language/queries';
import type { SectionsByName } from '../language/queries';
import type { Rule } from './rule';

/** The newest follow-up note with a real date, or the `date:` header when no note has one. */
function lastTracked(ast: PostmortemDocument, followup: SectionsByName['followup'] | undefined): { day: number; text: string; fromNote: boolean } | undefined {
  let newest: { day: number; text: string; fromNote: boolean } | undefined;
  for (const note of followup?.notes ?? []) {
    const date = note.date.date;
    if (!date || note.date.invalidReason) continue;
    const day = dateToEpochDay(date);
    if (!newest || day > newest.day) newest = { day, text: formatDate(date), fromNote: true };
  }
  if (newest) return newest;
  const written = headerField(ast, 'date')?.dateValue;
  if (!written?.date || written.invalidReason) return undefined;
  return { day: dateToEpochDay(written.date), text: formatDate(written.date), fromNote: false };
}

/** Inserts `YYYY-MM-DD  ID: ` as the last follow-up note, adding the section when there is none. */
function followupLineFix(lines: LineIndex, followup: SectionsByName['followup'] | undefined, today: string, id: string): Fix {
  const note = `${today}  ${id}: `;
  if (followup) {
    const last = followup.notes[followup.notes.length - 1];
    const indent = last ? /^[ \t]*/.exec(lines.lineText(last.range.start.line))![0] : '  ';
    const after = Math.max(followup.headerLineRange.end.line, ...followup.notes.map((n) => n.range.end.line));
    return { title: `Add a follow-up note for ${id} dated today`, edits: [insertLinesAfter(lines, after, [`${indent}${note}`])], isPreferred: true };
  }
  // No section yet: it goes at the end of the document, where the template puts it.
  let lastLine = lines.lineCount - 1;
  while (lastLine > 0 && lines.lineText(lastLine).trim() === '') lastLine--;
  return { title: `Add a \`followup:\` section with a note for ${id} dated today`, edits: [insertLinesAfter(lines, lastLine, ['', 'followup:', `  ${note}`])], isPreferred: true };
}

export const pm039: Rule = {
  code: 'PM039',
  name: 'stale-tracking',
  description: 'An open action item of a postmortem whose newest `followup:` note (or `date:` without one) is older than `followupDays` (default 31).',
  defaultSeverity: 'information',
  fixable: true,
  check(context) {
    if (context.incidentType === 'drill') return;
    const items = (context.section('actions')?.items ?? []).filter((item) => isOpenStatus(statusOf(item)));
    if (!items.length) return;
    const followup = context.section('followup');
    const tracked = lastTracked(context.ast, followup);
    if (!tracked) return;
    const age = dateToEpochDay(context.today) - tracked.day;
    const limit = context.config.followupDays;
    if (age <= limit) return;
    const today = formatDate(context.today);
    const since = tracked.fromNote ? `the newest follow-up note is from ${tracked.text}` : `there is no follow-up note since the postmortem's date, ${tracked.text}`;
    for (const item of items) {
      context.report({
        range: item.idRange,
        message: `${item.id} is open and ${since} (${age} days ago, more than ${limit}): add a dated note on where it stands.`,
        fix: followupLineFix(context.lines, followup, today, item.id),
      });
    }
  },
};
