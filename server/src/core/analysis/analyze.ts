import { firstSection } from '../language/queries';
import { parseIsoDay, formatDate, calendarDateOf, dateToEpochDay } from '../language/time';
import { rules } from '../rules/index';
import type { Report, RuleContext } from '../rules/rule';
import { resolveConfig } from './config';
import { computeMetrics, incidentTypeOf } from './metrics';
import { parse } from './parse';
import { withoutSuppressed } from './suppressions';
import type { Analysis, AnalyzeOptions, PostmortemDiagnostic } from './types';

/**
 * Rule codes are ASCII ("PM023"), so plain comparison orders them as `localeCompare` would,
 * without the locale data that `localeCompare` loads on its first call (10 ms of a command's start).
 */
const byCode = (a: PostmortemDiagnostic, b: PostmortemDiagnostic) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * The pure core: text in, AST, diagnostics with their fixes and metrics out. No I/O, no editor:
 * the language server, the command line, the renderer and the tests all call this.
 * A leading byte order mark is dropped (see `parse`); positions refer to the text after it.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const config = resolveConfig(options.config);
  const today = parseIsoDay(options.today ?? config.today ?? '') ?? calendarDateOf(Date.now());
  const { ast, lines } = parse(text);
  const incidentType = incidentTypeOf(ast);
  const diagnostics: PostmortemDiagnostic[] = [];
  const sharedWork = new Map<object, unknown>();
  const shared = <T>(key: object, make: () => T): T => {
    if (!sharedWork.has(key)) sharedWork.set(key, make());
    return sharedWork.get(key) as T;
  };

  for (const rule of rules) {
    const configured = config.rules[rule.code];
    if (configured === 'off') continue;
    const context: RuleContext = {
      ast,
      lines,
      config,
      today,
      incidentType,
      section: (name) => firstSection(ast, name),
      shared,
      report: (report: Report) => {
        diagnostics.push({
          code: rule.code,
          severity: configured ?? report.severity ?? rule.defaultSeverity,
          message: report.message,
          range: report.range,
          source: 'postmortem',
          ...(report.relatedInformation ? { relatedInformation: report.relatedInformation } : {}),
          ...(report.fix || report.alternatives ? { data: { ...(report.fix ? { fix: report.fix } : {}), ...(report.alternatives ? { alternatives: report.alternatives } : {}) } } : {}),
        });
      },
    };
    rule.check(context);
  }
  const reported = withoutSuppressed(diagnostics, lines, ast.comments);
  reported.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || byCode(a, b),
  );
  return { ast, diagnostics: reported, metrics: computeMetrics(ast), incidentType, lines, config, today: formatDate(today), todayDay: dateToEpochDay(today) };
}
