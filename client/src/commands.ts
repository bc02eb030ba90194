import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS, LANGUAGE_ID } from './languageClient';
import { newPostmortem } from './newPostmortem';
import { completeAt, showRuleDocumentation } from './ruleDocumentation';

/** The server command behind "Postmortem: Fix All" (see server/src/lsp/commands.ts). */
const APPLY_ALL_FIXES_COMMAND = 'postmortem.applyAllFixes';

/** `previewed` is the document of the focused preview: commands run from it act on that document. */
export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient, previewed: () => vscode.Uri | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('postmortem.newPostmortem', newPostmortem),
    vscode.commands.registerCommand('postmortem.restartServer', () => client().restart()),
    vscode.commands.registerCommand(CLIENT_COMMANDS.showRuleDocumentation, (code: unknown) => showRuleDocumentation(context.extensionUri, code)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.completeAt, completeAt),
    vscode.commands.registerCommand('postmortem.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      const uri = previewed() ?? (editor?.document.languageId === LANGUAGE_ID ? editor.document.uri : undefined);
      if (!uri) {
        void vscode.window.showInformationMessage('Postmortem: Fix All works on the active .postmortem editor.');
        return;
      }
      const applied = await client().sendRequest(ExecuteCommandRequest.type, {
        command: APPLY_ALL_FIXES_COMMAND,
        arguments: [uri.toString()],
      });
      if (!applied) void vscode.window.setStatusBarMessage('Postmortem: nothing to fix', 3000);
    }),
  );
}
