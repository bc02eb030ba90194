import type { SectionName } from '../language/ast';
import type { LineIndex } from '../language/lineIndex';
import { insertLinesAfter, insertLinesBefore } from '../analysis/edits';
import { SECTION_NAMES } from '../language/vocabulary';
import type { Rule } from './rule';

/** What a missing section is inserted as: its header and the keys the template asks for. */
function skeleton(name: SectionName, requiredWhys: number): string[] {
  switch (name) {
    case 'summary':
      return ['summary:', '  # What happened, the impact, and how it was resolved, in two or three sentences.'];
    case 'incident':
      return ['incident:', '  started:', '  detected:', '  resolved:', '  severity:', '  services:', '  impact:'];
    case 'timeline':
      return ['timeline:', '  # One event per line: YYYY-MM-DD HH:MM UTC  what happened'];
    case 'whys':
      return ['whys:', '  symptom:', ...Array.from({ length: requiredWhys }, (_, i) => `  why ${i + 1}:`), '  root cause:'];
    case 'factors':
      return ['factors:', '  process:', '  technical:', '  cultural:', '  environmental:'];
    case 'actions':
      return ['actions:', '  # A1: a concrete change, with priority, owner, due, status and verify'];
    case 'lessons':
      return ['lessons:', '  went well:', '  could improve:', '  surprised us:', '  changing:'];
    case 'followup':
      return ['followup:', '  # YYYY-MM-DD  progress since the postmortem'];
    case 'notes':
      return ['notes:'];
  }
}

/**
 * Indented comments after a section's last line still belong to it (`  # A1: …` under
 * `actions:`), so a new section goes after them. Column-0 comments introduce what follows.
 */
function afterIndentedComments(lines: LineIndex, line: number): number {
  if (line < 0) return line;
  let last = line;
  for (let l = line + 1; l < lines.lineCount; l++) {
    const text = lines.lineText(l);
    if (/^[ \t]+#/.test(text)) last = l;
    else if (text.trim() !== '') break;
  }
  return last;
}

export const pm002: Rule = {
  code: 'PM002',
  name: 'missing-section',
  description: 'The `postmortem:` title line or a required section is missing.',
  defaultSeverity: 'warning',
  fixable: true,
  check(context) {
    const { ast, lines } = context;
    const title = ast.title;
    const anchor = title?.key.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: lines.lineText(0).length } };
    if (!title) {
      context.report({
        range: anchor,
        message: 'Start the document with a title line: `postmortem: What failed, in a few words`.',
        fix: { title: 'Insert the `postmortem:` title line', edits: [insertLinesBefore(lines, 0, ['postmortem:'])], isPreferred: true },
      });
    } else if (!title.value) {
      context.report({ range: title.key.range, message: 'Give the postmortem a title after `postmortem:`: what failed, in a few words.' });
    }
    const present = new Set(ast.sections.map((s) => s.name));
    // The header's last line: sections go after the title and header fields.
    const headerEnd = Math.max(-1, ...[title, ...ast.headerFields].filter((f) => f).map((f) => f!.range.end.line));
    for (const name of context.config.requiredSections) {
      if (present.has(name)) continue;
      const order = SECTION_NAMES.indexOf(name);
      const before = ast.sections.filter((s) => s.name !== 'unknown' && SECTION_NAMES.indexOf(s.name) < order);
      const afterLine = afterIndentedComments(lines, before.length ? Math.max(...before.map((s) => s.range.end.line)) : headerEnd);
      const body = skeleton(name, context.config.requiredWhys);
      // One blank line on each side: before the new section, and before whatever follows it.
      const next = afterLine + 1 < lines.lineCount ? lines.lineText(afterLine + 1).trim() : '';
      const edit = afterLine >= 0 ? insertLinesAfter(lines, afterLine, ['', ...body, ...(next ? [''] : [])]) : insertLinesBefore(lines, 0, [...body, '']);
      context.report({
        range: anchor,
        message: `Add the \`${name}:\` section: the postmortem template requires it.`,
        fix: { title: `Insert the \`${name}:\` section`, edits: [edit], isPreferred: true },
      });
    }
  },
};
