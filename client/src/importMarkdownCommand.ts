import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IMPORT_REQUEST, type ImportParams, type ImportResponse } from '../../server/src/protocol/importProtocol';
import { LANGUAGE_ID } from './languageClient';

export const IMPORT_MARKDOWN_COMMAND = 'postmortem.importMarkdown';

/** The Markdown to import: the active Markdown editor's, or a file the user picks. */
async function markdownSource(uri: vscode.Uri | undefined): Promise<{ text: string; uri: vscode.Uri } | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!uri && editor?.document.languageId === 'markdown') return { text: editor.document.getText(), uri: editor.document.uri };
  const target = uri ?? (await vscode.window.showOpenDialog({
    canSelectMany: false,
    filters: { Markdown: ['md', 'markdown'] },
    openLabel: 'Import',
    title: 'Import a Markdown postmortem',
  }))?.[0];
  if (!target) return undefined;
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
  return { text: open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), uri: target };
}

function titleOf(uri: vscode.Uri): string {
  return decodeURIComponent(uri.path.split('/').pop() ?? '').replace(/\.(md|markdown)$/i, '');
}

/**
 * "Postmortem: Import from Markdown…": the result opens beside the source as an unsaved
 * document, so the author reviews it (its diagnostics show at once) before choosing where to save.
 */
export function registerImportMarkdown(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(vscode.commands.registerCommand(IMPORT_MARKDOWN_COMMAND, async (uri?: vscode.Uri) => {
    const source = await markdownSource(uri instanceof vscode.Uri ? uri : undefined);
    if (!source) return undefined;
    const server = client();
    if (!server?.isRunning()) {
      void vscode.window.showErrorMessage('Postmortem: the language server is not running, so nothing can be imported; see the Postmortem output.');
      return undefined;
    }
    const params: ImportParams = { markdown: source.text, fallbackTitle: titleOf(source.uri) };
    const result = await server.sendRequest<ImportResponse>(IMPORT_REQUEST, params);
    if (result.kind === 'refused') {
      void vscode.window.showErrorMessage(`Postmortem: ${titleOf(source.uri)} was not imported: ${result.message}.`);
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: result.text });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside });
    return document.uri.toString();
  }));
}
