import { computeMetrics, incidentTypeOf } from '../analysis/metrics';
import { parse } from '../analysis/parse';
import { withoutTrailingDirectives } from '../analysis/suppressions';
import type { Analysis } from '../analysis/types';

/**
 * The analysis as the report's readers see it. A same-line `# postmortem-disable-line PM035`
 * tells the checker to look away; it is not the authors' prose, and the language reads a `#`
 * after text as text, so the renderers get the document read again without those comments.
 * (Whole-line comments, directives or not, are comments, which no renderer shows.) Lines keep
 * their numbers, so `data-line` and the diagnostics still point at the right lines. The
 * diagnostics are the analysis's own: what was suppressed stays suppressed.
 */
export function readerView(analysis: Analysis): Analysis {
  const text = withoutTrailingDirectives(analysis.lines.text);
  if (text === analysis.lines.text) return analysis;
  const { ast, lines } = parse(text);
  return { ...analysis, ast, lines, metrics: computeMetrics(ast), incidentType: incidentTypeOf(ast) };
}
