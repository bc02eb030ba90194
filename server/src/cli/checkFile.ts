import { analyze } from '../core/analysis/analyze';
import { UnreadableFile } from '../node/regularFile';
import type { Analysis, AnalyzeOptions, PostmortemDiagnostic } from '../core/analysis/types';
import { writeFileAtomically, WriteRefused } from './atomicWrite';
import { fixDocument } from '../core/analysis/fixAll';
import { noMetrics } from '../core/analysis/metrics';
import { decodeDocument, encodeDocument } from './readDocument';
import type { FileReport } from './report';
import type { CheckSettings } from './fileTasks';

export interface FileOutcome {
  /** Undefined when the file could not be read. */
  report?: FileReport;
  /** A message naming the file, when it could not be read or its fixes not written. */
  problem?: string;
  /** Fixes written to the file. */
  fixesApplied: number;
}

function reason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/**
 * A finding as the report keeps it until every file is checked: without its quick fix and related
 * places unless the output shows them. On thousands of files the fixes were most of what the
 * reports held, and the collector went over them again and again.
 */
function kept(diagnostic: PostmortemDiagnostic): PostmortemDiagnostic {
  const { code, severity, message, range, source } = diagnostic;
  return { code, severity, message, range, source };
}

/** Analyses and (with `fix`) fixes one file, from the bytes read from it; never throws. */
export function checkFile(file: string, path: string, bytes: Buffer | UnreadableFile, options: AnalyzeOptions, { fix, keepFixes }: Pick<CheckSettings, 'fix' | 'keepFixes'>): FileOutcome {
  if (bytes instanceof UnreadableFile) return { problem: `${path}: ${bytes.message}`, fixesApplied: 0 };
  const document = decodeDocument(bytes);
  if (document.kind === 'not-utf8') {
    const diagnostic = { code: 'PM001', severity: 'error', message: document.message, range: document.range, source: 'postmortem' } as const;
    return { report: { path, diagnostics: [diagnostic], metrics: noMetrics() }, fixesApplied: 0 };
  }
  const reportOf = (analysis: Analysis): FileReport => ({ path, diagnostics: keepFixes ? analysis.diagnostics : analysis.diagnostics.map(kept), metrics: analysis.metrics });
  if (!fix) return { report: reportOf(analyze(document.text, options)), fixesApplied: 0 };

  const outcome = fixDocument(document.text, options);
  if (outcome.text === document.text) return { report: reportOf(outcome.analysis), fixesApplied: 0 };
  try {
    writeFileAtomically(file, encodeDocument(outcome.text, document.bom), bytes);
  } catch (error) {
    if (error instanceof WriteRefused) return { report: reportOf(analyze(document.text, options)), problem: `${path}: ${error.message}`, fixesApplied: 0 };
    return { report: reportOf(analyze(document.text, options)), problem: `${path}: the fixes could not be written (${reason(error)})`, fixesApplied: 0 };
  }
  return { report: reportOf(outcome.analysis), fixesApplied: outcome.applied };
}
