import type { TextEdit } from 'vscode-languageserver-types';
import { analyze } from './analyze';
import { applyEdits } from './edits';
import type { Analysis, AnalyzeOptions, Fix, PostmortemDiagnostic } from './types';
import type { LineIndex } from '../language/lineIndex';

/** More passes than any real chain of fixes needs; a bound so that fixes that undo each other stop. */
export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  /** The text with every fix applied (the input itself when there was nothing to fix). */
  text: string;
  /** The analysis of `text`: what remains. */
  analysis: Analysis;
  /** How many fixes were applied, over all passes. */
  applied: number;
}

interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies every fix the diagnostics offer, re-analyses and repeats until nothing changes.
 * Only the fixes' edits change the text; inserted line breaks follow the document's own style.
 */
export function fixDocument(text: string, options: AnalyzeOptions): FixOutcome {
  // The analysis reads past a leading byte order mark; the text given back keeps it, fixed or not.
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  let current = text;
  let analysis = analyze(current, options);
  let applied = 0;
  const seen = new Set([current]);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = compatibleFixes(analysis.lines, analysis.diagnostics);
    if (fixes.length === 0) break;
    const eol = analysis.lines.eol;
    const edits = fixes.flatMap((fix) => fix.edits.map((edit) => withLineBreaks(edit, eol)));
    const next = bom + applyEdits(analysis.lines, edits);
    if (seen.has(next)) break;
    seen.add(next);
    applied += fixes.length;
    current = next;
    analysis = analyze(current, options);
  }
  return { text: current, analysis, applied };
}

function withLineBreaks(edit: TextEdit, eol: string): TextEdit {
  return { range: edit.range, newText: edit.newText.replace(/\r\n|\r|\n/g, eol) };
}

/**
 * The fixes that can be applied together: whole fixes, in document order, leaving out any fix
 * with an edit that overlaps one already taken (so no fix is ever half applied). A fix whose
 * edits all repeat edits already taken adds nothing and is left out too.
 */
export function compatibleFixes(lines: LineIndex, diagnostics: readonly PostmortemDiagnostic[]): Fix[] {
  const candidates = diagnostics
    .map((d) => d.data?.fix)
    .filter((fix): fix is Fix => !!fix && fix.edits.length > 0)
    .map((fix) => ({ fix, edits: fix.edits.map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), text: e.newText })) }));
  candidates.sort((a, b) => Math.min(...a.edits.map((e) => e.start)) - Math.min(...b.edits.map((e) => e.start)));
  const taken = new TakenEdits();
  const chosen: Fix[] = [];
  for (const candidate of candidates) {
    if (candidate.edits.every((edit) => taken.has(edit))) continue;
    if (candidate.edits.some((edit) => taken.conflictsWith(edit))) continue;
    if (candidate.edits.some((edit, i) => candidate.edits.some((other, k) => k < i && overlaps(other, edit)))) continue;
    for (const edit of candidate.edits) taken.add(edit);
    chosen.push(candidate.fix);
  }
  return chosen;
}

/** Edits already chosen, kept sorted so that a document with thousands of fixes stays fast. */
class TakenEdits {
  private readonly edits: OffsetEdit[] = [];

  has(edit: OffsetEdit): boolean {
    return this.near(edit).some((t) => sameEdit(t, edit));
  }

  conflictsWith(edit: OffsetEdit): boolean {
    return this.near(edit).some((t) => !sameEdit(t, edit) && overlaps(t, edit));
  }

  add(edit: OffsetEdit): void {
    const at = this.firstEndingAtOrAfter(edit.start);
    let i = at;
    while (i < this.edits.length && (this.edits[i].start < edit.start || (this.edits[i].start === edit.start && this.edits[i].end <= edit.end))) i++;
    this.edits.splice(i, 0, edit);
  }

  /** Taken edits that could touch `edit`: the chosen edits never overlap, so their ends are sorted. */
  private near(edit: OffsetEdit): OffsetEdit[] {
    const result: OffsetEdit[] = [];
    for (let i = this.firstEndingAtOrAfter(edit.start); i < this.edits.length && this.edits[i].start <= edit.end; i++) result.push(this.edits[i]);
    return result;
  }

  private firstEndingAtOrAfter(offset: number): number {
    let low = 0;
    let high = this.edits.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.edits[mid].end < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

function sameEdit(a: OffsetEdit, b: OffsetEdit): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text;
}

/** Two edits touch the same text, or insert at the same point (their order would be a guess). */
function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  return a.start === a.end && b.start === b.end && a.start === b.start;
}
