import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ZONELESS_POSTMORTEM } from '../helpers/postmortems';

export const EXTENSION_ID = 'postmortem-tools.postmortem-language-tools';

export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  await extension.activate();
}

/** An untitled `.postmortem` document, shown in an editor: no workspace folder is needed. */
export async function openPostmortem(content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'postmortem', content });
  await vscode.window.showTextDocument(document);
  return document;
}

/**
 * Resolves with the document's diagnostics once `ready` accepts them, checked now and on every
 * `onDidChangeDiagnostics` for the document; rejects after `timeoutMs`. Never sleeps.
 */
export function diagnosticsWhen(uri: vscode.Uri, ready: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!ready(diagnostics)) return;
      finish();
      resolve(diagnostics);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`Timed out waiting for diagnostics on ${uri.toString()}; last seen: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => d.code))}`));
    }, timeoutMs);
    const finish = () => {
      subscription.dispose();
      clearTimeout(timer);
    };
    check();
  });
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

/** The position of the first `|` in `marked`, and the text without it. */
export function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'the text marks the cursor with |');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** Resolves once the language server answers with the document's outline; rejects after `timeoutMs`. */
export async function symbolsWhen(uri: vscode.Uri, timeoutMs = 30_000): Promise<vscode.DocumentSymbol[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
    if (symbols?.length) return symbols;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for the outline of ${uri.toString()}`);
    // The provider answers once the server has started; ask again on the next tick of the host.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The line of ZONELESS_POSTMORTEM's one finding. */
export const ZONELESS_LINE = ZONELESS_POSTMORTEM.split('\n').findIndex((l) => l.startsWith('  14:30  '));

/**
 * Whether `list` holds the one finding of ZONELESS_POSTMORTEM (PM010 on its `  14:30  ` line).
 * Tests wait for their own document's findings, never for "any findings": VS Code gives a new
 * untitled document the name of one closed before it, and that one's last findings may still
 * be on their way from the server when the new document opens.
 */
export function hasZonelessFinding(list: vscode.Diagnostic[]): boolean {
  return list.some((d) => codeOf(d) === 'PM010' && d.range.start.line === ZONELESS_LINE);
}

/**
 * Closes every editor, reverting untitled documents first so that no "save?" dialog opens, and
 * waits until the server has cleared the diagnostics of the closed untitled postmortems, since VS
 * Code gives the next untitled document the same name. It waits in three steps, because each
 * can lag the one before: the extension host hears that the documents closed (and the client
 * sends didClose); a request to the server comes back, so everything the server sent before
 * handling the closes has arrived; and the client has set the emptied lists.
 */
export async function closeAllEditors(): Promise<void> {
  const untitled = vscode.workspace.textDocuments.filter((d) => d.isUntitled && d.languageId === 'postmortem').map((d) => d.uri.toString());
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await untilClosed(untitled);
  await vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', '');
  for (const uri of untitled) await diagnosticsWhen(vscode.Uri.parse(uri), (list) => list.length === 0);
}

function untilClosed(uris: string[], timeoutMs = 30_000): Promise<void> {
  const open = () => vscode.workspace.textDocuments.some((d) => uris.includes(d.uri.toString()));
  return new Promise((resolve, reject) => {
    if (!open()) return resolve();
    const subscription = vscode.workspace.onDidCloseTextDocument(() => {
      if (open()) return;
      finish();
      resolve();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`Timed out waiting for VS Code to close ${uris.join(', ')}`));
    }, timeoutMs);
    const finish = () => {
      subscription.dispose();
      clearTimeout(timer);
    };
  });
}
