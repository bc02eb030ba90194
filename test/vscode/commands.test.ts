import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, codeOf, diagnosticsWhen, openPostmortem, symbolsWhen } from './helpers';

describe('commands in VS Code', () => {
  before(activateExtension);
  after(closeAllEditors);

  it('"Postmortem: New Postmortem" opens the template with today’s UTC date, free of syntax errors', async () => {
    await vscode.commands.executeCommand('postmortem.newPostmortem');
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document);
    assert.equal(document.languageId, 'postmortem');
    assert.ok(document.isUntitled);
    assert.match(document.getText(), new RegExp(`^date: ${new Date().toISOString().slice(0, 10)}$`, 'm'));
    // The template may have no findings at all, so wait for the server to have analysed it.
    await symbolsWhen(document.uri);
    const diagnostics = await diagnosticsWhen(document.uri, () => true);
    assert.deepEqual(diagnostics.filter((d) => codeOf(d) === 'PM001'), []);
  });

  it('"Postmortem: Fix All" applies every fix through the server', async () => {
    const document = await openPostmortem('postmortem: T\ntimeline:\n  2025-02-14 14:30  Deploy\n  14:40  Alert\n');
    await diagnosticsWhen(document.uri, (list) => list.filter((d) => codeOf(d) === 'PM010').length === 2);
    await vscode.commands.executeCommand('postmortem.fixAll');
    assert.match(document.getText(), /2025-02-14 14:30 UTC {2}Deploy\n {2}14:40 UTC {2}Alert/);
    await diagnosticsWhen(document.uri, (list) => !list.some((d) => codeOf(d) === 'PM010'));
  });

  it('"Postmortem: Restart Language Server" brings the server back', async () => {
    await vscode.commands.executeCommand('postmortem.restartServer');
    const document = await openPostmortem('postmortem: T\ntimeline:\n  14:30  Deploy\n');
    await diagnosticsWhen(document.uri, (list) => list.some((d) => codeOf(d) === 'PM010'));
  });
});
