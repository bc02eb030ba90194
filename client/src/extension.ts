import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { registerImportMarkdown } from './importMarkdownCommand';
import { createLanguageClient } from './languageClient';
import { registerPreview } from './preview/registerPreview';
import { registerWorkspaceViews, type WorkspaceViews } from './workspace/registerWorkspaceViews';

let client: LanguageClient | undefined;
let workspaceViews: WorkspaceViews | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ workspaceViews: WorkspaceViews }> {
  client = createLanguageClient(context);
  const previews = registerPreview(context, () => client);
  registerCommands(context, () => client!, () => previews.focused()?.uri);
  workspaceViews = registerWorkspaceViews(context, () => client!);
  workspaceViews.attach(client);
  registerImportMarkdown(context, () => client);
  // Trust changes what the server may read (.postmortemrc.json), so it starts again with it.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => restart(context)));
  await client.start();
  return { workspaceViews };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

async function restart(context: vscode.ExtensionContext) {
  await client?.stop();
  client = createLanguageClient(context);
  workspaceViews?.attach(client);
  await client.start();
}
