import type { CancellationToken, CodeAction, CodeActionParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import { fixDocument } from '../cli/fix';
import { toLspDiagnostic } from './diagnostics';
import type { AnalyzedDocument } from './documents';
import { rangesTouch } from './ranges';
import { documentEdit } from './textDiff';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.postmortem`;

export interface CodeActionEnvironment {
  /** The edit that turns a rule off in `.postmortemrc.json`, if that can be offered. */
  disableRuleEdit(uri: string, code: string): WorkspaceEdit | undefined;
}

/** Quick fixes for the diagnostics in the range, "disable this rule" actions, and fix-all on request. */
export function codeActions(document: AnalyzedDocument, params: CodeActionParams, token: CancellationToken, environment: CodeActionEnvironment): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const inRange = document.analysis.diagnostics.filter((d) => rangesTouch(d.range, params.range));
    for (const diagnostic of inRange) {
      const fix = diagnostic.data?.fix;
      if (!fix) continue;
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toLspDiagnostic(diagnostic, document.uri)],
        isPreferred: fix.isPreferred === true,
        edit: { changes: { [document.uri]: fix.edits } },
      });
    }
    for (const code of new Set(inRange.map((d) => d.code))) {
      if (token.isCancellationRequested) return [];
      const edit = environment.disableRuleEdit(document.uri, code);
      if (!edit) continue;
      actions.push({
        title: `Disable ${code} in .postmortemrc.json`,
        kind: CodeActionKind.QuickFix,
        diagnostics: inRange.filter((d) => d.code === code).map((d) => toLspDiagnostic(d, document.uri)),
        edit,
      });
    }
  }
  // Fix-all rewrites the whole document, so only a request that asks for it gets it.
  if (only && wants(FIX_ALL_KIND)) {
    const edit = fixAllEdit(document);
    if (edit) actions.push({ title: 'Fix all auto-fixable postmortem problems', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: [edit] } } });
  }
  return actions;
}

/**
 * Every fix at once, as one edit against the analysed text: the fix engine of the command line's
 * `--fix` (whole fixes only, line breaks in the document's style, passes until nothing changes),
 * so that the editor and CI give the same text byte for byte.
 */
export function fixAllEdit(document: AnalyzedDocument): TextEdit | undefined {
  const { analysis } = document;
  const { text } = fixDocument(analysis.lines.text, { config: analysis.config, today: analysis.today });
  return documentEdit(document.document, text);
}
