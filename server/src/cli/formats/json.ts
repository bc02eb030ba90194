import type { FileReport, Summary } from '../report';

/** One file's entry: each finding on a line of its own, as LANGUAGE.md shows them. */
function fileEntry(report: FileReport): string {
  const diagnostics = report.diagnostics.map((d) => `        ${JSON.stringify({ code: d.code, severity: d.severity, message: d.message, range: d.range })}`);
  const { durationMinutes, timeToDetectMinutes, timeToRespondMinutes, timeToMitigateMinutes, impactMinutes, approximate } = report.metrics;
  const metrics = { durationMinutes, timeToDetectMinutes, timeToRespondMinutes, timeToMitigateMinutes, impactMinutes, approximate };
  return [
    '    {',
    `      "path": ${JSON.stringify(report.path)},`,
    diagnostics.length ? `      "diagnostics": [\n${diagnostics.join(',\n')}\n      ],` : '      "diagnostics": [],',
    `      "metrics": ${JSON.stringify(metrics)}`,
    '    }',
  ].join('\n');
}

/**
 * The `--format json` document, exactly the shape LANGUAGE.md gives (ranges 0-based, as in LSP),
 * laid out as it shows it: a finding per line, which a reader can scan and `grep` can count. With
 * every range spread over eight lines, as `JSON.stringify(…, null, 2)` lays it out, the bench's
 * 5,000 postmortems made 10 MB of output instead of 6.
 */
export function formatJson(reports: readonly FileReport[], summary: Summary): string {
  const { files, errors, warnings, information, hints } = summary;
  const entries = reports.map(fileEntry);
  return [
    '{',
    entries.length ? `  "files": [\n${entries.join(',\n')}\n  ],` : '  "files": [],',
    `  "summary": ${JSON.stringify({ files, errors, warnings, information, hints })}`,
    '}',
    '',
  ].join('\n');
}
