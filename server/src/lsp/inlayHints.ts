import type { CancellationToken, InlayHint, InlayHintParams } from 'vscode-languageserver';
import { incidentInstant } from '../core/language/queries';
import { formatClockOffset } from '../core/language/time';
import type { AnalyzedDocument } from './documents';
import { offsetFromStart } from './hover';

/** After each timeline timestamp in the range, its offset from `started` (`+0:12`). */
export function inlayHints(document: AnalyzedDocument, params: InlayHintParams, token: CancellationToken): InlayHint[] {
  const { ast } = document.analysis;
  const started = incidentInstant(ast, 'started');
  if (started === undefined || token.isCancellationRequested) return [];
  const hints: InlayHint[] = [];
  for (const section of ast.sections) {
    if (section.name !== 'timeline') continue;
    for (const event of section.events) {
      const { instant, range } = event.timestamp;
      if (instant === undefined || range.end.line < params.range.start.line || range.start.line > params.range.end.line) continue;
      const minutes = Math.round((instant - started) / 60_000);
      hints.push({ position: range.end, label: formatClockOffset(minutes), paddingLeft: true, tooltip: `${offsetFromStart(minutes)} from started` });
    }
  }
  return hints;
}
