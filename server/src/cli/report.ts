import type { Metrics, PostmortemDiagnostic, Severity } from '../core/analysis/types';

/** What checking one file found, ready for any output format. */
export interface FileReport {
  /** As the output shows it: relative to the current folder, with forward slashes. */
  path: string;
  diagnostics: PostmortemDiagnostic[];
  metrics: Metrics;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  information: number;
  hints: number;
}

const SUMMARY_KEY: Record<Severity, Exclude<keyof Summary, 'files'>> = {
  error: 'errors',
  warning: 'warnings',
  information: 'information',
  hint: 'hints',
};

export function summarize(reports: readonly FileReport[]): Summary {
  const summary: Summary = { files: reports.length, errors: 0, warnings: 0, information: 0, hints: 0 };
  for (const report of reports) {
    for (const diagnostic of report.diagnostics) summary[SUMMARY_KEY[diagnostic.severity]]++;
  }
  return summary;
}
