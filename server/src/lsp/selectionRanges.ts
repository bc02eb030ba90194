import type { CancellationToken, Position, Range, SelectionRange, SelectionRangeParams } from 'vscode-languageserver';
import type { Analysis } from '../core/analysis/types';
import type { AnalyzedDocument } from './documents';
import { containsPosition, containsRange, sameRange } from './ranges';

/**
 * Expand selection: the word, then every AST node around the cursor from the innermost out
 * (value, key, entry, item, section), then the whole document. Each step contains the one before.
 */
export function selectionRanges(document: AnalyzedDocument, params: SelectionRangeParams, token: CancellationToken): SelectionRange[] {
  const { analysis } = document;
  return params.positions.map((position) => {
    if (token.isCancellationRequested) return { range: { start: position, end: position } };
    return chain(analysis, position, candidates(analysis, position));
  });
}

function candidates(analysis: Analysis, position: Position): Range[] {
  const found: Range[] = [];
  const word = wordAt(analysis, position);
  if (word) found.push(word);
  collect(analysis.ast, position, found);
  return found;
}

/** Every node whose range holds the position; a node that does not hold it hides its children. */
function collect(node: unknown, position: Position, found: Range[]) {
  if (Array.isArray(node)) {
    for (const child of node) collect(child, position, found);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const range = (node as { range?: Range }).range;
  if (!isRange(range) || !containsPosition(range, position)) return;
  found.push(range);
  for (const value of Object.values(node)) if (typeof value === 'object' && value !== range) collect(value, position, found);
}

function isRange(value: unknown): value is Range {
  return typeof value === 'object' && value !== null && 'start' in value && 'end' in value;
}

/** The run of non-blank characters around the position. */
function wordAt(analysis: Analysis, position: Position): Range | undefined {
  if (position.line < 0 || position.line >= analysis.lines.lineCount) return undefined;
  const text = analysis.lines.lineText(position.line);
  let start = Math.min(position.character, text.length);
  let end = start;
  while (start > 0 && !/\s/.test(text[start - 1])) start--;
  while (end < text.length && !/\s/.test(text[end])) end++;
  return start < end ? { start: { line: position.line, character: start }, end: { line: position.line, character: end } } : undefined;
}

/** Innermost first; each parent holds its child and is larger, as the protocol requires. */
function chain(analysis: Analysis, position: Position, ranges: Range[]): SelectionRange {
  const length = (r: Range) => analysis.lines.offset(r.end) - analysis.lines.offset(r.start);
  const outermostFirst = [...ranges].sort((a, b) => length(b) - length(a));
  let result: SelectionRange | undefined;
  for (const range of outermostFirst) {
    if (result && (!containsRange(result.range, range) || sameRange(result.range, range))) continue;
    result = { range, ...(result ? { parent: result } : {}) };
  }
  return result ?? { range: { start: position, end: position } };
}
