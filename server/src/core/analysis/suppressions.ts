import type { LineIndex } from '../language/lineIndex';
import type { Range } from 'vscode-languageserver-types';
import type { PostmortemDiagnostic } from './types';

/**
 * Suppression comments, as linters have them:
 *
 *     # postmortem-disable-next-line PM042
 *     why 3: @dana skipped the canary      ← PM042 not reported on this line
 *
 *     why 4: the review missed it  # postmortem-disable-line PM035
 *
 *     # postmortem-disable PM040, PM041
 *     …                                    ← not reported until
 *     # postmortem-enable PM040, PM041
 *
 * Without codes a comment covers every rule. PM001 (syntax errors) is never suppressed: a
 * document that does not parse is not checked at all beyond the error.
 */
export const DIRECTIVE = /^#[ \t]*postmortem-(disable-next-line|disable-line|disable|enable)\b([^#]*)/;
/** The same-line form stands after the text, as `  # postmortem-disable-line PM035`. */
const TRAILING = /[ \t]#[ \t]*postmortem-disable-line\b([^#]*)$/;
/** Every same-line directive of a text, with the blanks before it; the `(?<=\S)` leaves comment lines alone. */
const TRAILING_IN_TEXT = /(?<=\S)[ \t]+#[ \t]*postmortem-disable-line\b[^#\r\n]*$/gm;
const CODE = /\bPM\d{3}\b/gi;
const NEVER_SUPPRESSED = 'PM001';

interface Span {
  from: number;
  /** Inclusive; Infinity for a block without its `enable`. */
  to: number;
  /** Empty: every rule. */
  codes: Set<string>;
}

function codesOf(text: string): Set<string> {
  return new Set((text.match(CODE) ?? []).map((c) => c.toUpperCase()));
}

/** The lines each suppression comment covers. Comment lines are found by the parser. */
function suppressionSpans(lines: LineIndex, comments: readonly Range[], commentLines: ReadonlySet<number>): Span[] {
  const spans: Span[] = [];
  const open = new Map<string, number>();
  for (const comment of comments) {
    const line = comment.start.line;
    const match = DIRECTIVE.exec(lines.lineText(line).trimStart());
    if (!match) continue;
    const codes = codesOf(match[2]);
    switch (match[1]) {
      case 'disable-next-line': {
        // Several directives may stand above one line; they all reach past each other.
        let target = line + 1;
        while (commentLines.has(target)) target++;
        spans.push({ from: target, to: target, codes });
        break;
      }
      case 'disable-line':
        break;
      case 'disable':
        for (const code of codes.size ? codes : ['*']) if (!open.has(code)) open.set(code, line);
        break;
      case 'enable':
        for (const code of codes.size ? codes : [...open.keys()]) {
          const from = open.get(code);
          if (from === undefined) continue;
          open.delete(code);
          spans.push({ from, to: line, codes: code === '*' ? new Set() : new Set([code]) });
        }
        break;
    }
  }
  for (const [code, from] of open) spans.push({ from, to: Infinity, codes: code === '*' ? new Set() : new Set([code]) });
  return spans;
}

/**
 * Where each `#` that starts a directive stands (`# postmortem-…`). A search for the `#`
 * character is many times faster than one for the word over a large document, and documents
 * hold few of them.
 */
function directiveOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (let hash = text.indexOf('#'); hash >= 0; hash = text.indexOf('#', hash + 1)) {
    let word = hash + 1;
    while (text.charCodeAt(word) === 32 || text.charCodeAt(word) === 9) word++;
    if (text.startsWith('postmortem-', word)) offsets.push(hash);
  }
  return offsets;
}

function trailingSpans(lines: LineIndex, commentLines: ReadonlySet<number>, directives: number[]): Span[] {
  const spans: Span[] = [];
  let previous = -1;
  for (const offset of directives) {
    const line = lines.lineOf(offset);
    if (line === previous || commentLines.has(line)) continue;
    previous = line;
    const match = TRAILING.exec(lines.lineText(line));
    if (match) spans.push({ from: line, to: line, codes: codesOf(match[1]) });
  }
  return spans;
}

/** The diagnostics no suppression comment covers; a diagnostic counts from its first line. */
export function withoutSuppressed(diagnostics: PostmortemDiagnostic[], lines: LineIndex, comments: readonly Range[]): PostmortemDiagnostic[] {
  if (!diagnostics.length) return diagnostics;
  const directives = directiveOffsets(lines.text);
  if (!directives.length) return diagnostics;
  const commentLines = new Set(comments.map((c) => c.start.line));
  const spans = [...suppressionSpans(lines, comments, commentLines), ...trailingSpans(lines, commentLines, directives)];
  if (!spans.length) return diagnostics;
  return diagnostics.filter((d) => {
    if (d.code === NEVER_SUPPRESSED) return true;
    const line = d.range.start.line;
    return !spans.some((s) => line >= s.from && line <= s.to && (!s.codes.size || s.codes.has(d.code)));
  });
}

/**
 * The text without its same-line directives (`… # postmortem-disable-line PM035` cut back to
 * `…`). Lines keep their number and every other character its column.
 */
export function withoutTrailingDirectives(text: string): string {
  return text.includes('postmortem-disable-line') ? text.replace(TRAILING_IN_TEXT, '') : text;
}
