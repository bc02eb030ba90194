import * as vscode from 'vscode';
import { exportDocument } from './exportCommands';
import { PREVIEW_VIEW_TYPE } from './messages';
import { PreviewManager } from './previewManager';

/**
 * The preview and export commands, and the serializer that restores previews after a reload.
 * Commands take the file's URI when run from a menu, else use the active editor.
 */
export function registerPreview(context: vscode.ExtensionContext): void {
  const manager = new PreviewManager(context.extensionUri);
  context.subscriptions.push(
    manager,
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, manager),
    vscode.commands.registerCommand('postmortem.openPreview', (uri?: vscode.Uri) => manager.open(asUri(uri), false)),
    vscode.commands.registerCommand('postmortem.openPreviewToSide', (uri?: vscode.Uri) => manager.open(asUri(uri), true)),
    vscode.commands.registerCommand('postmortem.exportMarkdown', (uri?: vscode.Uri) => exportDocument('md', asUri(uri))),
    vscode.commands.registerCommand('postmortem.exportHtml', (uri?: vscode.Uri) => exportDocument('html', asUri(uri))),
  );
}

/** Keybindings and the command palette pass no argument (or something else); menus pass the URI. */
function asUri(value: unknown): vscode.Uri | undefined {
  return value instanceof vscode.Uri ? value : undefined;
}
