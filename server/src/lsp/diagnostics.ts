import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { PostmortemDiagnostic, Severity } from '../core/analysis/types';
import { ruleDocumentationUrl } from '../core/project/manifest';
import type { AnalyzedDocument } from './documents';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function codeDescription(code: string): Pick<Diagnostic, 'codeDescription'> {
  const href = ruleDocumentationUrl(code);
  return href ? { codeDescription: { href } } : {};
}

/** One analysis diagnostic in LSP form; its fix stays in `data` for clients that pass it back. */
export function toLspDiagnostic(diagnostic: PostmortemDiagnostic, uri: string): Diagnostic {
  return {
    range: diagnostic.range,
    severity: LSP_SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    ...codeDescription(diagnostic.code),
    source: diagnostic.source,
    message: diagnostic.message,
    ...(diagnostic.relatedInformation?.length
      ? { relatedInformation: diagnostic.relatedInformation.map((r) => ({ location: { uri, range: r.range }, message: r.message })) }
      : {}),
    ...(diagnostic.data ? { data: diagnostic.data } : {}),
  };
}

export function documentDiagnostics({ analysis, uri }: AnalyzedDocument): Diagnostic[] {
  return analysis.diagnostics.map((d) => toLspDiagnostic(d, uri));
}
