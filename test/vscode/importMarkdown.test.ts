import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, codeOf, diagnosticsWhen } from './helpers';

describe('"Postmortem: Import from Markdown…" in VS Code', () => {
  before(activateExtension);
  after(closeAllEditors);

  async function showMarkdown(content: string): Promise<vscode.TextDocument> {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(document);
    return document;
  }

  it('opens the active Markdown editor as an unsaved postmortem beside it, checked at once', async () => {
    await showMarkdown('# Disk full\n\n## Summary\n\nThe log volume filled up.\n\n## Timeline\n\n- 14:30 Disk alert fires\n');
    const uri = await vscode.commands.executeCommand<string>('postmortem.importMarkdown');
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document);
    assert.equal(document.uri.toString(), uri);
    assert.equal(document.languageId, 'postmortem');
    assert.ok(document.isUntitled);
    assert.equal(vscode.window.activeTextEditor?.viewColumn, vscode.ViewColumn.Two);
    assert.equal(document.getText(), 'postmortem: Disk full\n\nsummary:\n  The log volume filled up.\n\ntimeline:\n  14:30  Disk alert fires\n');
    const diagnostics = await diagnosticsWhen(document.uri, (list) => list.some((d) => codeOf(d) === 'PM010'));
    assert.ok(diagnostics.some((d) => codeOf(d) === 'PM002'));
  });

  it('refuses Markdown with no postmortem section and opens nothing', async () => {
    await showMarkdown('# Shopping list\n\n- eggs\n');
    const postmortems = () => vscode.workspace.textDocuments.filter((d) => d.languageId === 'postmortem').length;
    const before = postmortems();
    assert.equal(await vscode.commands.executeCommand('postmortem.importMarkdown'), undefined);
    assert.equal(postmortems(), before);
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'markdown');
  });
});
