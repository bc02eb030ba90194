import * as vscode from 'vscode';

export const POSTMORTEM_LANGUAGE_ID = 'postmortem';

export function isPostmortemDocument(document: vscode.TextDocument): boolean {
  return document.languageId === POSTMORTEM_LANGUAGE_ID || document.uri.path.endsWith('.postmortem');
}

/** The open document for a URI, if VS Code has it loaded. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}
