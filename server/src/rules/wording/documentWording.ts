/**
 * The wording findings of one analysed document, computed once and shared by PM023 and
 * PM040–PM043, so a large document is scanned a single time however many wording rules run.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { TextPart } from '../../language/ast';
import { proseParts, type ProseKind, type ProsePart } from '../../analysis/prose';
import type { RuleContext } from '../rule';
import { detectorFor, type LineEdit, type WordingMatch } from './detector';

export interface ProseFinding {
  kind: ProseKind;
  part: TextPart;
  match: WordingMatch;
}

interface DocumentWording {
  parts: ProsePart[];
  findings: ProseFinding[];
}

function scanWording(context: RuleContext): DocumentWording {
  const detector = detectorFor(context.config);
  const parts = proseParts(context.ast);
  const findings: ProseFinding[] = [];
  for (const { kind, part } of parts) {
    for (const match of detector.scanLine(part.text)) findings.push({ kind, part, match });
  }
  return { parts, findings };
}

function documentWording(context: RuleContext): DocumentWording {
  return context.shared(scanWording, () => scanWording(context));
}

/** Every wording match in the document's prose, in document order. */
export function proseFindings(context: RuleContext): ProseFinding[] {
  return documentWording(context).findings;
}

/** The document's prose lines, as `proseParts` gives them. */
export function cachedProseParts(context: RuleContext): ProsePart[] {
  return documentWording(context).parts;
}

/** The range of characters `start`–`end` of a one-line text part. */
export function rangeInPart(part: TextPart, start: number, end: number): Range {
  const { line, character } = part.range.start;
  return { start: { line, character: character + start }, end: { line, character: character + end } };
}

export function editInPart(part: TextPart, edit: LineEdit): TextEdit {
  return { range: rangeInPart(part, edit.start, edit.end), newText: edit.newText };
}

/**
 * Whether blame or hindsight words inside a person-as-cause phrase are already reported by the
 * rule that reports the phrase: PM042, or PM023 in the root cause. Then they are not reported
 * twice; with that rule off, they are reported on their own.
 */
export function causeIsReported(context: RuleContext, kind: ProseKind): boolean {
  return context.config.rules[kind === 'root-cause' ? 'PM023' : 'PM042'] !== 'off';
}
