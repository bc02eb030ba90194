import * as vscode from 'vscode';
import { insightsDocument } from './insightsDocument';
import type { InsightsResult } from './protocol';

export const INSIGHTS_VIEW_TYPE = 'postmortem.insights';

/** One insights panel for the workspace, shown again when asked twice, refreshed as the index changes. */
export class InsightsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** Increases with every refresh, so a slower, older answer never replaces a newer one. */
  private sequence = 0;
  private latest: Promise<void> = Promise.resolve();
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

  /** Shows the workspace's figures again; resolves once the newest refresh under way has shown its page. */
  refresh(): Promise<void> {
    const run = this.render(++this.sequence);
    this.latest = run;
    return run;
  }

  private async render(sequence: number): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const result = await this.request();
    if (panel !== this.panel) return;
    // A newer refresh started meanwhile: its answer is the one to show, so wait for it instead.
    if (sequence !== this.sequence) return this.latest;
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
