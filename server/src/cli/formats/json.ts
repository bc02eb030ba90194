import type { FileReport, Summary } from '../report';

/** The `--format json` document, exactly the shape LANGUAGE.md gives (ranges 0-based, as in LSP). */
export function formatJson(reports: readonly FileReport[], summary: Summary): string {
  const document = {
    files: reports.map((report) => ({
      path: report.path,
      diagnostics: report.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range })),
      metrics: {
        durationMinutes: report.metrics.durationMinutes,
        timeToDetectMinutes: report.metrics.timeToDetectMinutes,
        timeToRespondMinutes: report.metrics.timeToRespondMinutes,
        timeToMitigateMinutes: report.metrics.timeToMitigateMinutes,
        impactMinutes: report.metrics.impactMinutes,
        approximate: report.metrics.approximate,
      },
    })),
    summary: {
      files: summary.files,
      errors: summary.errors,
      warnings: summary.warnings,
      information: summary.information,
      hints: summary.hints,
    },
  };
  return JSON.stringify(document, null, 2) + '\n';
}
