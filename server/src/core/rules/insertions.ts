import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { LineIndex } from '../language/lineIndex';
import { indentationOf, insertLinesAfter } from '../analysis/edits';

/**
 * The indentation for a new child line: that of an existing sibling when there is one, else the
 * parent's plus two spaces (tabs when the parent is indented with tabs).
 */
export function childIndent(lines: LineIndex, parentLine: number, siblingLine?: number): string {
  if (siblingLine !== undefined) return indentationOf(lines, siblingLine);
  const parent = indentationOf(lines, parentLine);
  return parent.includes('\t') ? `${parent}\t` : `${parent}  `;
}

/** Inserts `key:` (and a value) as the last line of an entry, indented like its siblings. */
export function insertChildLine(lines: LineIndex, entry: Range, line: string, siblingLine?: number): TextEdit {
  const indent = childIndent(lines, entry.start.line, siblingLine);
  return insertLinesAfter(lines, entry.end.line, [`${indent}${line}`]);
}
