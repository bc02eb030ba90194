/**
 * The wording findings of one analysed document, computed once and shared by PM023 and
 * PM040–PM043, so a large document is scanned a single time however many wording rules run.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { TextPart } from '../../language/ast';
import { forEachProsePart, type ProseKind } from '../../analysis/prose';
import type { RuleContext } from '../rule';
import { detectorFor, type LineEdit, type WordingMatch } from './detector';

export interface ProseFinding {
  kind: ProseKind;
  part: TextPart;
  match: WordingMatch;
}

interface DocumentWording {
  findings: ProseFinding[];
  /** The root cause's lines, which PM023 also reads for people's names. */
  rootCauseParts: TextPart[];
}

function scanWording(context: RuleContext): DocumentWording {
  const detector = detectorFor(context.config);
  const findings: ProseFinding[] = [];
  const rootCauseParts: TextPart[] = [];
  forEachProsePart(context.ast, (kind, part) => {
    for (const match of detector.scanLine(part.text)) findings.push({ kind, part, match });
    if (kind === 'root-cause') rootCauseParts.push(part);
  });
  return { findings, rootCauseParts };
}

function documentWording(context: RuleContext): DocumentWording {
  return context.shared(scanWording, () => scanWording(context));
}

/** Every wording match in the document's prose, in document order. */
export function proseFindings(context: RuleContext): ProseFinding[] {
  return documentWording(context).findings;
}

/** The lines of the root cause, in document order. */
export function rootCauseParts(context: RuleContext): TextPart[] {
  return documentWording(context).rootCauseParts;
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

/**
 * The message for a person made the cause: who is made the cause, by which words, and the
 * question about the system to ask instead.
 */
export function personAsCauseMessage(match: WordingMatch): string {
  const who = match.agent ? `“${match.agent}”` : 'a person';
  const question = match.question ?? 'what allowed the action, such as a missing check, safeguard or step';
  return `This makes ${who} the cause (“${match.text}”); make the system the subject instead and ask ${question}.`;
}
