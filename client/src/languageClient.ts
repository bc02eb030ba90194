import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';

export const LANGUAGE_ID = 'postmortem';

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
    initializationOptions: { trusted: vscode.workspace.isTrusted },
  };
  return new LanguageClient(LANGUAGE_ID, 'Postmortem Language Server', serverOptions, clientOptions);
}
