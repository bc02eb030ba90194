import * as vscode from 'vscode';
import { importMarkdown, NotAPostmortemError } from '../../server/src/import/importMarkdown';
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
export function registerImportMarkdown(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(IMPORT_MARKDOWN_COMMAND, async (uri?: vscode.Uri) => {
    const source = await markdownSource(uri instanceof vscode.Uri ? uri : undefined);
    if (!source) return undefined;
    let content: string;
    try {
      content = importMarkdown(source.text, { fallbackTitle: titleOf(source.uri) }).text;
    } catch (error) {
      if (!(error instanceof NotAPostmortemError)) throw error;
      void vscode.window.showErrorMessage(`Postmortem: ${titleOf(source.uri)} was not imported: ${error.message}.`);
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside });
    return document.uri.toString();
  }));
}
