import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { exportDocument } from './exportCommands';
import { PREVIEW_VIEW_TYPE } from './messages';
import { PreviewManager } from './previewManager';
import { serverReports } from './serverReports';

/**
 * The preview and export commands, and the serializer that restores previews after a reload.
 * Commands take the file's URI when run from a menu, else the focused preview's document, else
 * the active editor's. Both ask the language server (`client`, which a restart replaces) for the
 * report.
 */
export function registerPreview(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): PreviewManager {
  const reports = serverReports(client);
  const manager = new PreviewManager(context.extensionUri, reports);
  context.subscriptions.push(
    manager,
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, manager),
    vscode.commands.registerCommand('postmortem.openPreview', (uri?: vscode.Uri) => manager.open(asUri(uri), false)),
    vscode.commands.registerCommand('postmortem.openPreviewToSide', (uri?: vscode.Uri) => manager.open(asUri(uri), true)),
    vscode.commands.registerCommand('postmortem.exportMarkdown', (uri?: vscode.Uri) => exportDocument('md', reports, asUri(uri) ?? manager.focused()?.uri)),
    vscode.commands.registerCommand('postmortem.exportHtml', (uri?: vscode.Uri) => exportDocument('html', reports, asUri(uri) ?? manager.focused()?.uri)),
    vscode.commands.registerCommand('postmortem.showSource', async () => {
      const preview = manager.focused();
      if (preview) await preview.openSource();
      else void vscode.window.showInformationMessage('Postmortem: Open Source works from a focused preview.');
    }),
  );
  return manager;
}

/** Keybindings and the command palette pass no argument (or something else); menus pass the URI. */
function asUri(value: unknown): vscode.Uri | undefined {
  return value instanceof vscode.Uri ? value : undefined;
}
