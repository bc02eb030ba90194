import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from './languageClient';
import { newPostmortem } from './newPostmortem';

/** The server command behind "Postmortem: Fix All" (see server/src/lsp/commands.ts). */
const APPLY_ALL_FIXES_COMMAND = 'postmortem.applyAllFixes';

export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('postmortem.newPostmortem', newPostmortem),
    vscode.commands.registerCommand('postmortem.restartServer', () => client().restart()),
    vscode.commands.registerCommand('postmortem.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== LANGUAGE_ID) {
        void vscode.window.showInformationMessage('Postmortem: Fix All works on the active .postmortem editor.');
        return;
      }
      const applied = await client().sendRequest(ExecuteCommandRequest.type, {
        command: APPLY_ALL_FIXES_COMMAND,
        arguments: [editor.document.uri.toString()],
      });
      if (!applied) void vscode.window.setStatusBarMessage('Postmortem: nothing to fix', 3000);
    }),
  );
}
