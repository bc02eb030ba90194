import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { LineIndex } from '../language/lineIndex';

export function replace(range: Range, newText: string): TextEdit {
  return { range, newText };
}

/** Inserts whole lines after line `after`, in the document's own line-break style. */
export function insertLinesAfter(lines: LineIndex, after: number, newLines: string[]): TextEdit {
  const end = lines.position(lines.lineEnd(after));
  return { range: { start: end, end }, newText: newLines.map((l) => lines.eol + l).join('') };
}

/** Inserts whole lines before line `before`. */
export function insertLinesBefore(lines: LineIndex, before: number, newLines: string[]): TextEdit {
  const start = { line: before, character: 0 };
  return { range: { start, end: start }, newText: newLines.map((l) => l + lines.eol).join('') };
}

/** The indentation a line starts with. */
export function indentationOf(lines: LineIndex, line: number): string {
  return /^[ \t]*/.exec(lines.lineText(line))![0];
}

/**
 * Applies non-overlapping edits. Identical edits are applied once, insertions at one point keep
 * their given order, and an edit that overlaps one already taken is left out, so fixes from
 * several diagnostics can be combined safely.
 */
export function applyEdits(lines: LineIndex, edits: TextEdit[]): string {
  const resolved = edits.map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), text: e.newText }));
  resolved.sort((a, b) => a.start - b.start || a.end - b.end); // stable: equal inserts keep their order
  const taken: typeof resolved = [];
  for (const edit of resolved) {
    const last = taken[taken.length - 1];
    if (last && last.start === edit.start && last.end === edit.end && last.text === edit.text) continue;
    if (last && edit.start < last.end) continue;
    taken.push(edit);
  }
  let result = '';
  let cursor = 0;
  for (const edit of taken) {
    result += lines.text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return result + lines.text.slice(cursor);
}
