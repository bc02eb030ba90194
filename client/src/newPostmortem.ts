import * as vscode from 'vscode';
import { fileExists } from './fileExists';
import { cleanTitle, postmortemFileName, templateSnippet } from '../../server/src/core/template/postmortemTemplate';

/**
 * "Postmortem: New Postmortem": asks for the title, opens an unsaved document already named
 * `YYYY-MM-DD-slug.postmortem` in the folder `postmortem.newPostmortem.folder` names (so Save
 * writes it there, and Save As proposes that name), and inserts the template as a snippet:
 * the same text and tab stops as the `postmortem` completion.
 */
export async function newPostmortem(options?: { title?: unknown }): Promise<void> {
  // Scripts and keybindings may pass the title (`{ "title": "…" }`); people are asked.
  const title = typeof options?.title === 'string' ? options.title : await vscode.window.showInputBox({
    title: 'New Postmortem',
    prompt: 'The title: what failed, in a few words. It also names the file.',
    placeHolder: 'Checkout API errors during peak',
    ignoreFocusOut: true,
  });
  if (title === undefined) return;
  const now = new Date();
  const uri = await newDocumentUri(postmortemFileName(now, cleanTitle(title) || 'postmortem'));
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(templateSnippet(title)), new vscode.Range(0, 0, document.lineCount, 0));
}

/** An `untitled:` URI with the path the file will be saved to, not taken by an existing file. */
async function newDocumentUri(name: string): Promise<vscode.Uri> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!root || root.scheme !== 'file') return vscode.Uri.from({ scheme: 'untitled', path: name });
  const configured = vscode.workspace.getConfiguration('postmortem', root).get<string>('newPostmortem.folder', '').trim();
  const folder = configured ? vscode.Uri.joinPath(root, configured) : root;
  const stem = name.replace(/\.postmortem$/, '');
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(folder, n === 1 ? name : `${stem}-${n}.postmortem`);
    const open = vscode.workspace.textDocuments.some((d) => d.uri.path === candidate.path);
    if (!open && !(await fileExists(candidate))) return candidate.with({ scheme: 'untitled' });
  }
}
