import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { withLocalRulePages } from './ruleDocumentation';

export const LANGUAGE_ID = 'postmortem';

/** Client commands the server's code actions may run (see server/src/lsp/codeActions.ts). */
export const CLIENT_COMMANDS = {
  showRuleDocumentation: 'postmortem.showRuleDocumentation',
  completeAt: 'postmortem.completeAt',
} as const;

/**
 * The client for the language server in `dist/server.js`, over IPC. It tells the server whether
 * the workspace is trusted (an untrusted workspace's `.postmortemrc.json` is not read); the
 * server asks for the `postmortem.*` settings itself, and again whenever they change.
 */
export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    initializationOptions: { trusted: vscode.workspace.isTrusted, clientCommands: CLIENT_COMMANDS },
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => next(uri, withLocalRulePages(context.extensionUri, diagnostics)),
    },
  };
  return new LanguageClient(LANGUAGE_ID, 'Postmortem Language Server', serverOptions, clientOptions);
}
