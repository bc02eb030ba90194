import type { StrayLine, SyntaxErrorNode } from '../language/ast';
import type { Rule } from './rule';
import { isoDateFix } from './writtenDates';

const SYNTAX_MESSAGES: Record<SyntaxErrorNode['kind'], (line: number) => string> = {
  'not-a-header': (line) =>
    `Line ${line} stands at column 0 but is not a section header or header field: indent it under a section, or make it a header such as \`timeline:\`.`,
  'no-header-above': (line) =>
    `Line ${line} is indented but no section header stands above it: start the document with \`postmortem: TITLE\` and put this line under a section.`,
};

const STRAY_MESSAGES: Record<Exclude<StrayLine['kind'], 'unknown-key'>, string> = {
  'no-timestamp': 'Start each timeline event with a timestamp such as `2025-02-14 14:30 UTC`, or indent this line further to continue the event above.',
  'no-category': 'Put this line under a category such as `went well:` or `process:`.',
  'no-date': 'Start each follow-up note with a date written `YYYY-MM-DD`, or indent this line further to continue the note above.',
  'no-item': 'This line belongs to no entry: put it under a key or an action item.',
};

/** An event that gives its day but no time (`2022-04-06  First sites restored`), as multi-day timelines do. */
const DATE_ONLY_EVENT = /^(\d{4}-\d{1,2}-\d{1,2})(?![\dT:])/;

function dateOnlyMessage(date: string): string {
  return `Give the event on ${date} its time of day as well, such as \`${date} 14:30 UTC\`; when only roughly known, mark the time with \`~\` (\`${date} ~14:30 UTC\`).`;
}

export const pm001: Rule = {
  code: 'PM001',
  name: 'syntax-error',
  description: 'A line that does not fit the structure of the language; the parser recovers and goes on.',
  defaultSeverity: 'error',
  fixable: true,
  check(context) {
    for (const error of context.ast.syntaxErrors) context.report({ range: error.range, message: SYNTAX_MESSAGES[error.kind](error.line + 1) });
    for (const section of context.ast.sections) {
      for (const stray of section.stray) {
        if (stray.kind === 'unknown-key') continue;
        // An event or note that starts with a date written out (`Feb 28, 2017 9:37 AM PST …`) only needs its date in ISO form.
        const fix = stray.kind === 'no-timestamp' || stray.kind === 'no-date' ? isoDateFix(context.lines, stray.range, stray.kind === 'no-timestamp') : undefined;
        const dateOnly = stray.kind === 'no-timestamp' ? DATE_ONLY_EVENT.exec(context.lines.text.slice(context.lines.offset(stray.range.start), context.lines.offset(stray.range.end))) : null;
        const message = dateOnly ? dateOnlyMessage(dateOnly[1]) : STRAY_MESSAGES[stray.kind];
        context.report({ range: stray.range, message, ...(fix ? { fix } : {}) });
      }
    }
  },
};
