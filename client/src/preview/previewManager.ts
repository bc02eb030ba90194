import * as vscode from 'vscode';
import { isPostmortemDocument } from './postmortemDocuments';
import { PREVIEW_VIEW_TYPE, parsePreviewState } from './messages';
import { PostmortemPreview, previewWebviewOptions } from './previewPanel';
import type { ReportSource } from './serverReports';

function topVisibleLine(editor: vscode.TextEditor | undefined): number | undefined {
  return editor?.visibleRanges[0]?.start.line;
}

/**
 * Opens, tracks and restores preview panels. Every preview follows the active `.postmortem`
 * editor, as Markdown's does; after a window reload the serializer brings each one back on the
 * document and line it showed.
 */
export class PreviewManager implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private readonly previews = new Set<PostmortemPreview>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly reports: ReportSource,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor || !isPostmortemDocument(editor.document)) return;
        for (const preview of this.previews) preview.showDocument(editor.document.uri, topVisibleLine(editor));
      }),
    );
  }

  /** The preview that has the focus, if one has: commands then act on its document. */
  focused(): PostmortemPreview | undefined {
    return [...this.previews].find((p) => p.panel.active);
  }

  /** Opens the preview of `uri` (or of the active editor's document), in place or to the side. */
  async open(uri: vscode.Uri | undefined, toSide: boolean): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const target = uri ?? (editor && isPostmortemDocument(editor.document) ? editor.document.uri : undefined);
    if (!target) {
      void vscode.window.showInformationMessage('Open a .postmortem file to preview it.');
      return;
    }
    const line = editor && editor.document.uri.toString() === target.toString() ? topVisibleLine(editor) : undefined;
    const existing = this.previews.values().next().value as PostmortemPreview | undefined;
    if (existing) {
      existing.showDocument(target, line);
      existing.panel.reveal(existing.panel.viewColumn, toSide);
      return;
    }
    const column = toSide ? vscode.ViewColumn.Beside : editor?.viewColumn ?? vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      'Postmortem Preview',
      { viewColumn: column, preserveFocus: toSide },
      previewWebviewOptions(this.extensionUri),
    );
    this.track(new PostmortemPreview(panel, target, this.extensionUri, this.reports, line));
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = parsePreviewState(state);
    if (!saved) {
      // Nothing says what this panel showed; an empty panel would only confuse.
      panel.dispose();
      return;
    }
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(saved.uri, true);
    } catch {
      panel.dispose();
      return;
    }
    this.track(new PostmortemPreview(panel, uri, this.extensionUri, this.reports, saved.line));
  }

  private track(preview: PostmortemPreview): void {
    this.previews.add(preview);
    preview.onDidDispose(() => this.previews.delete(preview));
  }

  dispose(): void {
    for (const preview of [...this.previews]) preview.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
