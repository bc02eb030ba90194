import type { Metrics, PostmortemDiagnostic } from '../core/analysis/types';
import { countDiagnostics, type DiagnosticCounts } from '../core/render/documentFacts';

/** What checking one file found, ready for any output format. */
export interface FileReport {
  /** As the output shows it: relative to the current folder, with forward slashes. */
  path: string;
  diagnostics: PostmortemDiagnostic[];
  metrics: Metrics;
}

export interface Summary extends DiagnosticCounts {
  files: number;
}

export function summarize(reports: readonly FileReport[]): Summary {
  return { files: reports.length, ...countDiagnostics(reports.flatMap((report) => report.diagnostics)) };
}
