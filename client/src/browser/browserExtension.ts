import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/browser';
import { registerCommands } from '../commands';
import { registerImportMarkdown } from '../importMarkdownCommand';
import { registerPreview } from '../preview/registerPreview';
import { createBrowserLanguageClient } from './browserLanguageClient';
import type { WorkerSource } from './browserLanguageClient';

/**
 * The web extension (vscode.dev, github.dev, code-server's browser extension host): the same
 * commands, preview and import as the desktop extension, with the language server in a web
 * worker. What needs a file system is said once, when a workspace has a `.postmortemrc.json`.
 */
let client: LanguageClient | undefined;

/** What the tests read back: how the server started and how long it took. */
export interface BrowserActivation {
  workerSource: WorkerSource;
  startMilliseconds: number;
  /** Settles once the workspace was searched: whether it told what needs the desktop extension. */
  toldWhatNeedsNode: Promise<boolean>;
}

export const NODE_ONLY_MESSAGE = 'Postmortem in the browser: .postmortemrc.json files are not read here, so the postmortem.* settings decide the rules. '
  + 'Workspace symbols, @handle completion from unopened files and "disable this rule in .postmortemrc.json" need the desktop extension or the command line.';

export async function activate(context: vscode.ExtensionContext): Promise<BrowserActivation> {
  const started = Date.now();
  const created = await createBrowserLanguageClient(context);
  client = created.client;
  // The browser client has the same API as the Node one; only its transport differs.
  const previews = registerPreview(context, () => client as never);
  registerCommands(context, () => client as never, () => previews.focused()?.uri);
  registerImportMarkdown(context, () => client as never);
  await client.start();
  return { workerSource: created.source, startMilliseconds: Date.now() - started, toldWhatNeedsNode: tellWhatNeedsNode() };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

async function tellWhatNeedsNode(): Promise<boolean> {
  const configFiles = await vscode.workspace.findFiles('**/.postmortemrc.json', '**/node_modules/**', 1);
  if (configFiles.length) void vscode.window.showInformationMessage(NODE_ONLY_MESSAGE);
  return configFiles.length > 0;
}
