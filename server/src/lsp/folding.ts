import type { CancellationToken, FoldingRange, FoldingRangeParams, Range } from 'vscode-languageserver';
import { FoldingRangeKind } from 'vscode-languageserver';
import type { AstNode, BulletNode, SectionNode } from '../core/language/ast';
import type { AnalyzedDocument } from './documents';

/** Sections, action items, whys and every other entry that spans lines; runs of comment lines. */
export function foldingRanges(document: AnalyzedDocument, _params: FoldingRangeParams, token: CancellationToken): FoldingRange[] {
  const { ast } = document.analysis;
  if (token.isCancellationRequested) return [];
  const ranges: FoldingRange[] = [];
  const fold = (range: Range, kind?: FoldingRangeKind) => {
    if (range.end.line > range.start.line) ranges.push({ startLine: range.start.line, endLine: range.end.line, ...(kind ? { kind } : {}) });
  };
  for (const field of [ast.title, ...ast.headerFields]) if (field) fold(field.range);
  for (const section of ast.sections) {
    fold(section.range);
    for (const entry of entriesOf(section)) {
      fold(entry.range);
      for (const bullet of (entry as { bullets?: BulletNode[] }).bullets ?? []) fold(bullet.range);
    }
  }
  let runStart = -1;
  let runEnd = -1;
  for (const comment of ast.comments) {
    if (comment.start.line === runEnd + 1 && runStart >= 0) runEnd = comment.start.line;
    else {
      fold({ start: { line: runStart, character: 0 }, end: { line: runEnd, character: 0 } }, FoldingRangeKind.Comment);
      runStart = runEnd = comment.start.line;
    }
  }
  if (runStart >= 0) fold({ start: { line: runStart, character: 0 }, end: { line: runEnd, character: 0 } }, FoldingRangeKind.Comment);
  return ranges;
}

function entriesOf(section: SectionNode): AstNode[] {
  switch (section.name) {
    case 'incident':
      return section.fields;
    case 'timeline':
      return section.events;
    case 'whys':
      return section.entries;
    case 'factors':
    case 'lessons':
      return section.categories;
    case 'actions':
      return section.items.flatMap((item): AstNode[] => [item, ...item.fields]);
    case 'followup':
      return section.notes;
    default:
      return [];
  }
}
