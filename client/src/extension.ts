import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { registerImportMarkdown } from './importMarkdownCommand';
import { createLanguageClient } from './languageClient';
import { registerPreview } from './preview/registerPreview';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = createLanguageClient(context);
  registerCommands(context, () => client!);
  registerPreview(context);
  registerImportMarkdown(context);
  // Trust changes what the server may read (.postmortemrc.json), so it starts again with it.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => restart(context)));
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

async function restart(context: vscode.ExtensionContext) {
  await client?.stop();
  client = createLanguageClient(context);
  await client.start();
}
