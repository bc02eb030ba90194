import type { CancellationToken, CodeAction, CodeActionParams, Command, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import { indentationOf, insertLinesBefore } from '../core/analysis/edits';
import type { PostmortemDiagnostic } from '../core/analysis/types';
import { fixDocument } from '../core/analysis/fixAll';
import { toLspDiagnostic } from './diagnostics';
import type { AnalyzedDocument } from './documents';
import { rangesTouch } from './ranges';
import { handlesIn } from './handles';
import { documentEdit } from './textDiff';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.postmortem`;

/** How many "Set owner to @x" actions a missing owner gets. */
const MAX_OWNER_SUGGESTIONS = 3;
/** Rules whose finding is about the document as a whole, not a line: no line suppression. */
const NOT_SUPPRESSIBLE = new Set(['PM001']);

/**
 * Client commands the server may attach to actions. The VS Code client announces them in
 * `initializationOptions.clientCommands`; other clients get the actions without them.
 */
export interface ClientCommands {
  /** Opens the rule's page: `(code)`. */
  showRuleDocumentation?: string;
  /** Puts the cursor at `(uri, line, character)` and opens completion there. */
  completeAt?: string;
}

/** The client commands named in `initializationOptions.clientCommands`, those that are strings. */
export function readClientCommands(value: unknown): ClientCommands {
  const given = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const name = (key: keyof ClientCommands) => (typeof given[key] === 'string' ? { [key]: given[key] as string } : {});
  return { ...name('showRuleDocumentation'), ...name('completeAt') };
}

export interface CodeActionEnvironment {
  /** The edit that turns a rule off in `.postmortemrc.json`, if that can be offered. */
  disableRuleEdit(uri: string, code: string): WorkspaceEdit | undefined;
  /** Handles the workspace uses as owners, for "Set owner to @x". */
  owners(): string[];
  commands: ClientCommands;
}

/**
 * For each finding in the range, in the order the light bulb lists them: its fix, the fixes the
 * authors choose between (none preferred), "Set owner
 * to @x" for a missing owner, the suppression comment for that line; then per rule "Why is this
 * flagged?" and the workspace-wide disable, which VS Code shows for confirmation before applying.
 * Fix-all only on request.
 */
export function codeActions(document: AnalyzedDocument, params: CodeActionParams, token: CancellationToken, environment: CodeActionEnvironment): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const inRange = document.analysis.diagnostics.filter((d) => rangesTouch(d.range, params.range));
    const lsp = (d: PostmortemDiagnostic) => toLspDiagnostic(d, document.uri);
    for (const diagnostic of inRange) {
      const fix = diagnostic.data?.fix;
      if (fix) {
        const command = completionAfter(document.uri, fix.edits, environment.commands);
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [lsp(diagnostic)],
          isPreferred: fix.isPreferred === true,
          edit: { changes: { [document.uri]: fix.edits } },
          ...(command ? { command } : {}),
        });
      }
      for (const alternative of diagnostic.data?.alternatives ?? []) {
        actions.push({ title: alternative.title, kind: CodeActionKind.QuickFix, diagnostics: [lsp(diagnostic)], edit: { changes: { [document.uri]: alternative.edits } } });
      }
      if (fix && diagnostic.code === 'PM030' && /^Insert `owner:`$/.test(fix.title)) actions.push(...setOwnerActions(document.uri, diagnostic, lsp(diagnostic), ownersFirstFrom(document, environment.owners())));
    }
    const suppressed = new Set<string>();
    for (const diagnostic of inRange) {
      const key = `${diagnostic.range.start.line}:${diagnostic.code}`;
      if (NOT_SUPPRESSIBLE.has(diagnostic.code) || suppressed.has(key)) continue;
      suppressed.add(key);
      actions.push({
        title: `Disable ${diagnostic.code} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: inRange.filter((d) => d.code === diagnostic.code && d.range.start.line === diagnostic.range.start.line).map(lsp),
        edit: { changes: { [document.uri]: [suppressNextLine(document, diagnostic)] } },
      });
    }
    for (const code of new Set(inRange.map((d) => d.code))) {
      if (token.isCancellationRequested) return [];
      const diagnostics = inRange.filter((d) => d.code === code).map(lsp);
      if (environment.commands.showRuleDocumentation) {
        actions.push({
          title: `Why is this flagged? (${code})`,
          kind: CodeActionKind.QuickFix,
          diagnostics,
          command: { title: `Open the ${code} rule page`, command: environment.commands.showRuleDocumentation, arguments: [code] },
        });
      }
      const edit = environment.disableRuleEdit(document.uri, code);
      if (edit) actions.push({ title: `Disable ${code} for the workspace in .postmortemrc.json…`, kind: CodeActionKind.QuickFix, diagnostics, edit });
    }
  }
  // Fix-all rewrites the whole document, so only a request that asks for it gets it.
  if (only && wants(FIX_ALL_KIND)) {
    const edit = fixAllEdit(document);
    if (edit) actions.push({ title: 'Fix all auto-fixable postmortem problems', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: [edit] } } });
  }
  return actions;
}

/** `# postmortem-disable-next-line PMxxx` above the finding's first line, indented like it. */
function suppressNextLine({ analysis }: AnalyzedDocument, diagnostic: PostmortemDiagnostic): TextEdit {
  const line = diagnostic.range.start.line;
  return insertLinesBefore(analysis.lines, line, [`${indentationOf(analysis.lines, line)}# postmortem-disable-next-line ${diagnostic.code}`]);
}

/**
 * A fix that inserts an empty field (`owner:`) leaves the author one step from done: after it the
 * client puts the cursor after the colon and opens completion, which offers the values.
 */
function completionAfter(uri: string, edits: TextEdit[], commands: ClientCommands): Command | undefined {
  if (!commands.completeAt || edits.length !== 1) return undefined;
  const [edit] = edits;
  const inserted = edit.newText.replace(/\r?\n$/, '');
  if (!/:$/.test(inserted) || edit.range.start.line !== edit.range.end.line || edit.range.start.character !== edit.range.end.character) return undefined;
  const lines = inserted.split(/\r?\n/);
  const line = edit.range.start.line + lines.length - 1;
  const character = (lines.length === 1 ? edit.range.start.character : 0) + lines[lines.length - 1].length;
  return { title: 'Complete the value', command: commands.completeAt, arguments: [uri, line, character] };
}

/** The handles this document already names come first: the team writing it is the likeliest owner. */
function ownersFirstFrom(document: AnalyzedDocument, owners: string[]): string[] {
  const own = handlesIn(document.analysis.lines.text);
  return [...new Set([...own, ...[...owners].sort((a, b) => a.localeCompare(b))])];
}

/** "Set owner to @x" for the handles the workspace already uses as owners. */
function setOwnerActions(uri: string, diagnostic: PostmortemDiagnostic, lsp: Diagnostic, owners: string[]): CodeAction[] {
  const [edit] = diagnostic.data!.fix!.edits;
  return owners.slice(0, MAX_OWNER_SUGGESTIONS).map((owner) => ({
    title: `Set owner to ${owner}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [lsp],
    edit: { changes: { [uri]: [{ range: edit.range, newText: edit.newText.replace(/owner:(\r?\n)?$/, (_, eol: string | undefined) => `owner: ${owner}${eol ?? ''}`) }] } },
  }));
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
