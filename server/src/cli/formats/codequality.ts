import { createHash } from 'node:crypto';
import type { Severity } from '../../core/analysis/types';
import type { FileReport } from '../report';

/** GitLab's code quality levels: an error blocks like a failed build, hints are the least. */
const LEVELS: Record<Severity, 'critical' | 'major' | 'minor' | 'info'> = { error: 'critical', warning: 'major', information: 'minor', hint: 'info' };

/**
 * The GitLab code quality report (`artifacts:reports:codequality`): a JSON array with one issue
 * per diagnostic, 1-based lines. The fingerprint names the file, the rule, the message and the
 * text's position in the line, not the line number, so that an issue keeps its identity when lines
 * are inserted above it and GitLab's merge request widget shows only what changed.
 */
export function formatCodeQuality(reports: readonly FileReport[]): string {
  const issues = reports.flatMap((report) => {
    const seen = new Map<string, number>();
    return report.diagnostics.map((d) => {
      const identity = `${report.path}\u0000${d.code}\u0000${d.message}\u0000${d.range.start.character}`;
      const repeat = seen.get(identity) ?? 0;
      seen.set(identity, repeat + 1);
      return {
        type: 'issue',
        check_name: d.code,
        description: `${d.code} ${d.message}`,
        categories: ['Style'],
        severity: LEVELS[d.severity],
        fingerprint: createHash('md5').update(`${identity}\u0000${repeat}`).digest('hex'),
        location: { path: report.path, lines: { begin: d.range.start.line + 1, end: d.range.end.line + 1 } },
      };
    });
  });
  return JSON.stringify(issues, null, 2) + '\n';
}
