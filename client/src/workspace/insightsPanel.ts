import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { escapeHtml } from '../../../server/src/render/escape';
import { insightsStyles } from '../../../server/src/render/insightsHtml';
import type { InsightsResult } from './protocol';

export const INSIGHTS_VIEW_TYPE = 'postmortem.insights';

/**
 * The page of the "Postmortem: Open Insights" webview: the server's insights fragment, the
 * report stylesheet with a nonce and the preview's theme bridge (media/preview.css). The policy
 * allows no script at all, so nothing in a document can ever run here.
 */
export function insightsDocument(parts: { cspSource: string; styleUri: string; body: string }): string {
  const nonce = randomBytes(16).toString('base64');
  const source = parts.cspSource.replace(/["'<>;]/g, '');
  const csp = `default-src 'none'; style-src ${source} 'nonce-${nonce}'; img-src ${source} data:`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Postmortem Insights</title>',
    `<style nonce="${nonce}">${insightsStyles()}</style>`,
    `<link rel="stylesheet" href="${escapeHtml(parts.styleUri)}">`,
    '</head>',
    `<body class="pm-preview"><div id="pm-root">${parts.body}</div></body>`,
    '</html>',
  ].join('\n');
}

/** One insights panel for the workspace, shown again when asked twice, refreshed as the index changes. */
export class InsightsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** Increases with every refresh, so a slower, older answer never replaces a newer one. */
  private sequence = 0;
  /** The last page shown, for tests and for the first paint of a restored panel. */
  lastResult: InsightsResult | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly request: () => Promise<InsightsResult>,
  ) {}

  async show(): Promise<void> {
    if (this.panel) {
      this.panel.reveal();
      return this.refresh();
    }
    this.panel = vscode.window.createWebviewPanel(INSIGHTS_VIEW_TYPE, 'Postmortem Insights', vscode.ViewColumn.Active, {
      enableScripts: false,
      enableForms: false,
      enableCommandUris: false,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
    });
    this.panel.onDidDispose(() => (this.panel = undefined));
    return this.refresh();
  }

  get visible(): boolean {
    return !!this.panel;
  }

  async refresh(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const sequence = ++this.sequence;
    const result = await this.request();
    if (sequence !== this.sequence || panel !== this.panel) return;
    this.lastResult = result;
    const body = result.ready ? result.html : '<article class="pm-report"><p class="pm-empty">Indexing postmortems…</p></article>';
    panel.webview.html = insightsDocument({
      cspSource: panel.webview.cspSource,
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'preview.css')).toString(),
      body,
    });
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
