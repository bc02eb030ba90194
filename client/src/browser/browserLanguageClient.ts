import * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient/browser';
import { LanguageClient } from 'vscode-languageclient/browser';
import { CLIENT_COMMANDS, LANGUAGE_ID } from '../languageClient';

/** The web worker constructor of the browser extension host (the project compiles without the DOM library). */
declare const Worker: new (url: string, options?: { name?: string }) => ConstructorParameters<typeof LanguageClient>[3];

/** How the server's worker was started, for the log and the tests. */
export type WorkerSource = 'extension URL' | 'Blob URL';

/**
 * Starts the server's web worker from the extension's `dist/browser/server.js`. Hosts that serve
 * extensions from a `vscode-remote://` address (code-server, a remote's web client) refuse
 * `new Worker(url)` with "Creating workers from remote extensions is currently not supported";
 * there the script is read through the workspace file system and started from a Blob URL.
 * vscode.dev and github.dev serve extensions over https, where the plain worker works.
 */
async function startWorker(context: vscode.ExtensionContext): Promise<{ worker: ConstructorParameters<typeof LanguageClient>[3]; source: WorkerSource }> {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  try {
    return { worker: new Worker(script.toString(true), { name: 'postmortem-language-server' }), source: 'extension URL' };
  } catch (error) {
    const bytes = await vscode.workspace.fs.readFile(script);
    const url = URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
    console.info(`Postmortem: starting the language server from a Blob URL (${error instanceof Error ? error.message : String(error)})`);
    return { worker: new Worker(url, { name: 'postmortem-language-server' }), source: 'Blob URL' };
  }
}

/** The client for the language server in a web worker; every document scheme a browser workspace may use. */
export async function createBrowserLanguageClient(context: vscode.ExtensionContext): Promise<{ client: LanguageClient; source: WorkerSource }> {
  const { worker, source } = await startWorker(context);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: {},
    initializationOptions: { trusted: vscode.workspace.isTrusted, clientCommands: CLIENT_COMMANDS },
  };
  return { client: new LanguageClient(LANGUAGE_ID, 'Postmortem Language Server', clientOptions, worker), source };
}
