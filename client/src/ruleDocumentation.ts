import * as vscode from 'vscode';
import { ruleDocsPath } from '../../server/src/core/project/ruleDocs';

/** The rule pages ship in the extension (docs/rules/PMxxx.md), so they open without a network. */
export function rulePageUri(extensionUri: vscode.Uri, code: string): vscode.Uri | undefined {
  const path = ruleDocsPath(code);
  return path ? vscode.Uri.joinPath(extensionUri, ...path.split('/')) : undefined;
}

/** "Why is this flagged?": the rule's page in VS Code's Markdown preview. */
export async function showRuleDocumentation(extensionUri: vscode.Uri, code: unknown): Promise<void> {
  const page = typeof code === 'string' ? rulePageUri(extensionUri, code) : undefined;
  if (!page) return;
  await vscode.commands.executeCommand('markdown.showPreview', page);
}

/**
 * Diagnostics link their code to the rule page on the project's site; inside VS Code the link
 * opens the page shipped with the extension instead.
 */
export function withLocalRulePages(extensionUri: vscode.Uri, diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  for (const diagnostic of diagnostics) {
    const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
    const page = typeof code === 'string' ? rulePageUri(extensionUri, code) : undefined;
    if (page) diagnostic.code = { value: code as string, target: page };
  }
  return diagnostics;
}

/** After a quick fix inserted an empty field: the cursor after its colon, completion open. */
export async function completeAt(uri: unknown, line: unknown, character: unknown): Promise<void> {
  if (typeof uri !== 'string' || typeof line !== 'number' || typeof character !== 'number') return;
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  if (!editor) return;
  const position = editor.document.validatePosition(new vscode.Position(line, character));
  editor.selection = new vscode.Selection(position, position);
  await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
  await vscode.commands.executeCommand('editor.action.triggerSuggest');
}
