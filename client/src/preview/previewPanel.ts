import * as vscode from 'vscode';
import { httpUrl } from '../../../server/src/core/render/escape';
import { openDocument } from './postmortemDocuments';
import { parseFromWebview, type FromWebviewMessage, type ToWebviewMessage } from './messages';
import type { ReportSource } from './serverReports';
import { createNonce, placeholderDocument, webviewDocument } from './webviewDocument';

/** Typing schedules an update at most this long after the first keystroke: ≤ 300 ms, even mid-burst. */
const UPDATE_DELAY_MS = 250;
/** After one side scrolls the other, the echo of that scroll is ignored for this long. */
const SCROLL_ECHO_MS = 300;
/**
 * A click in the page gives the keyboard back to the editor, but the workbench may take note of
 * the click's own focus only afterwards and make the preview's group active again: for this long
 * after a click, that is undone once.
 */
const CLICK_FOCUS_MS = 2_000;

/** The webview may load only the extension's `media` folder, and run only its one script. */
export function previewWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableForms: false,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
    enableFindWidget: true,
  };
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}

function sameUri(a: vscode.Uri, b: vscode.Uri): boolean {
  return a.toString() === b.toString();
}

/**
 * One preview panel. It shows one document at a time, re-renders it as it changes (throttled,
 * newest version only), follows the editor's scrolling and lets the editor follow its own.
 */
export class PostmortemPreview implements vscode.Disposable {
  private resource: vscode.Uri;
  /** The source line at the top of the preview, last we heard. */
  private line: number | undefined;
  private renderedUri: string | undefined;
  private renderedVersion: number | undefined;
  /** Whether the page holds the script that accepts update messages. */
  private pageLoaded = false;
  private updateTimer: ReturnType<typeof setTimeout> | undefined;
  /** Increases with every update started, so a slower, older one never overwrites a newer one. */
  private updateSequence = 0;
  private editorScrolledAt = 0;
  private previewScrolledAt = 0;
  private focusReturnedAt = 0;
  private visible: boolean;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly onDidDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDidDisposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    resource: vscode.Uri,
    private readonly extensionUri: vscode.Uri,
    private readonly reports: ReportSource,
    line?: number,
  ) {
    this.resource = resource;
    this.line = line;
    this.visible = panel.visible;
    panel.webview.options = previewWebviewOptions(extensionUri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((data: unknown) => this.onMessage(parseFromWebview(data))),
      // Without retainContextWhenHidden the page is rebuilt when shown again: give it the latest text.
      panel.onDidChangeViewState(({ webviewPanel }) => {
        const shownAgain = webviewPanel.visible && !this.visible;
        this.visible = webviewPanel.visible;
        if (shownAgain) void this.update(true);
        if (webviewPanel.active && Date.now() - this.focusReturnedAt < CLICK_FOCUS_MS) {
          this.focusReturnedAt = 0;
          void this.focusEditor();
        }
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (sameUri(event.document.uri, this.resource)) this.scheduleUpdate();
      }),
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (sameUri(document.uri, this.resource)) this.scheduleUpdate();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => this.onEditorScrolled(event)),
    );
    void this.update(true);
  }

  get uri(): vscode.Uri {
    return this.resource;
  }

  /** Shows another document, starting at `line` (the top of its editor). */
  showDocument(uri: vscode.Uri, line?: number): void {
    if (sameUri(uri, this.resource)) return;
    this.resource = uri;
    this.line = line;
    this.renderedVersion = undefined;
    void this.update(false, line ?? 0);
  }

  private scheduleUpdate(): void {
    // A hidden preview is rebuilt with the latest text when it is shown again.
    if (this.updateTimer || !this.panel.visible) return;
    this.updateTimer = setTimeout(() => {
      this.updateTimer = undefined;
      void this.update(false);
    }, UPDATE_DELAY_MS);
  }

  private async update(reloadPage: boolean, startLine?: number): Promise<void> {
    const sequence = ++this.updateSequence;
    const resource = this.resource;
    let document = openDocument(resource);
    if (!document) {
      try {
        document = await vscode.workspace.openTextDocument(resource);
      } catch {
        if (!this.disposed && sequence === this.updateSequence) this.showMessage(`${fileName(resource)} cannot be opened; it may have been moved or deleted.`);
        return;
      }
    }
    if (this.disposed || sequence !== this.updateSequence) return;
    const key = resource.toString();
    if (!reloadPage && this.pageLoaded && this.renderedUri === key && this.renderedVersion === document.version) return;

    const report = await this.reports(document, 'preview');
    if (this.disposed || sequence !== this.updateSequence) return;
    if (report.kind !== 'rendered') {
      this.renderedVersion = undefined;
      this.showMessage(report.message);
      return;
    }
    // The version the server rendered: a change it had not seen yet brings its own update.
    const { version, text: html } = report;
    this.panel.title = `Preview ${fileName(resource)}`;
    if (reloadPage || !this.pageLoaded || !this.panel.visible) {
      this.panel.webview.html = this.page(html, key, version);
      this.pageLoaded = true;
    } else {
      this.post({ type: 'update', uri: key, version, html, ...(startLine !== undefined ? { line: startLine } : {}) });
    }
    this.renderedUri = key;
    this.renderedVersion = version;
  }

  private page(body: string, uri: string, version: number): string {
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    return webviewDocument({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
      body,
      title: this.panel.title,
      settings: { uri, version, ...(this.line !== undefined ? { line: this.line } : {}) },
    });
  }

  private showMessage(message: string): void {
    const webview = this.panel.webview;
    this.pageLoaded = false;
    webview.html = placeholderDocument({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'preview.css')).toString(),
      title: this.panel.title,
      message,
    });
  }

  private post(message: ToWebviewMessage): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  private onEditorScrolled(event: vscode.TextEditorVisibleRangesChangeEvent): void {
    if (!sameUri(event.textEditor.document.uri, this.resource) || !event.visibleRanges.length) return;
    if (Date.now() - this.editorScrolledAt < SCROLL_ECHO_MS) return;
    const line = event.visibleRanges[0].start.line;
    this.line = line;
    this.previewScrolledAt = Date.now();
    this.post({ type: 'scrollToLine', uri: this.resource.toString(), line });
  }

  private onMessage(message: FromWebviewMessage | undefined): void {
    if (!message) return;
    switch (message.type) {
      case 'revealLine':
        if (message.uri !== this.resource.toString()) return;
        this.line = message.line;
        if (Date.now() - this.previewScrolledAt < SCROLL_ECHO_MS) return;
        this.scrollEditors(message.line);
        return;
      case 'showSource':
        if (message.uri === this.resource.toString()) void this.showSource(Math.floor(message.line), message.focus);
        return;
      case 'focusEditor':
        if (message.uri === this.resource.toString()) void this.focusEditor(true);
        return;
      case 'openLink':
        void this.openLink(message.href);
        return;
    }
  }

  private scrollEditors(line: number): void {
    const whole = Math.floor(line);
    for (const editor of vscode.window.visibleTextEditors) {
      if (!sameUri(editor.document.uri, this.resource)) continue;
      this.editorScrolledAt = Date.now();
      editor.revealRange(new vscode.Range(whole, 0, whole, 0), vscode.TextEditorRevealType.AtTop);
    }
  }

  private async showSource(line: number, focus: boolean): Promise<void> {
    let editor = vscode.window.visibleTextEditors.find((e) => sameUri(e.document.uri, this.resource));
    // A single click moves a visible editor; opening a hidden one takes a double click.
    if (!editor && !focus) return;
    if (!editor || focus) {
      editor = await vscode.window.showTextDocument(this.resource, {
        viewColumn: editor?.viewColumn ?? vscode.ViewColumn.Beside,
        preserveFocus: !focus,
      });
    }
    const position = new vscode.Position(line, 0);
    editor.selection = new vscode.Selection(position, position);
    this.editorScrolledAt = Date.now();
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    // The click focused the webview; the author is writing in the editor, so the focus goes back.
    if (!focus) await this.focus(editor, true);
  }

  private async focus(editor: vscode.TextEditor, afterClick: boolean): Promise<void> {
    if (afterClick) this.focusReturnedAt = Date.now();
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
  }

  /** Gives the focus back to the visible editor of the previewed document, if there is one. */
  private async focusEditor(afterClick = false): Promise<void> {
    const editor = vscode.window.visibleTextEditors.find((e) => sameUri(e.document.uri, this.resource));
    if (editor) await this.focus(editor, afterClick);
  }

  /** "Open Source" in the preview's title bar: the document in an editor, focused. */
  async openSource(): Promise<void> {
    const editor = vscode.window.visibleTextEditors.find((e) => sameUri(e.document.uri, this.resource));
    await vscode.window.showTextDocument(this.resource, { viewColumn: editor?.viewColumn ?? vscode.ViewColumn.Beside, preserveFocus: false });
  }

  private async openLink(href: string): Promise<void> {
    // The page is not trusted: only http(s) URLs leave the editor, and VS Code asks before
    // opening a domain the user has not trusted.
    const url = httpUrl(href);
    if (url) await vscode.env.openExternal(vscode.Uri.parse(url, true));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.updateTimer) clearTimeout(this.updateTimer);
    this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.onDidDisposeEmitter.fire();
    this.onDidDisposeEmitter.dispose();
  }
}
