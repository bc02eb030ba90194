import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, codeOf, diagnosticsWhen, openPostmortem } from './helpers';

describe('commands in VS Code', () => {
  before(activateExtension);
  after(closeAllEditors);

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
