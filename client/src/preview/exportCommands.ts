import * as vscode from 'vscode';
import { fileExists } from '../fileExists';
import { isPostmortemDocument, openDocument } from './postmortemDocuments';
import type { ReportSource } from './serverReports';

export type ExportFormat = 'md' | 'html';

const FORMAT_NAMES: Record<ExportFormat, string> = { md: 'Markdown', html: 'HTML' };

/** `incident.postmortem` → `incident.md` in the same folder. */
function exportTarget(source: vscode.Uri, format: ExportFormat): vscode.Uri {
  const slash = source.path.lastIndexOf('/');
  const name = source.path.slice(slash + 1).replace(/\.postmortem$/i, '') || 'postmortem';
  return source.with({ path: `${source.path.slice(0, slash + 1)}${name}.${format}`, query: '', fragment: '' });
}

async function documentToExport(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  if (uri) return openDocument(uri) ?? vscode.workspace.openTextDocument(uri);
  const editor = vscode.window.activeTextEditor;
  return editor && isPostmortemDocument(editor.document) ? editor.document : undefined;
}

/**
 * "Postmortem: Export to Markdown/HTML": writes the editor's current text as `NAME.md` or
 * `NAME.html` next to the file (asking before replacing one), then offers to open it.
 */
export async function exportDocument(format: ExportFormat, reports: ReportSource, uri?: vscode.Uri): Promise<void> {
  let document: vscode.TextDocument | undefined;
  try {
    document = await documentToExport(uri);
  } catch {
    void vscode.window.showErrorMessage(`${uri?.toString() ?? 'The file'} cannot be opened for export.`);
    return;
  }
  if (!document) {
    void vscode.window.showInformationMessage(`Open a .postmortem file to export it to ${FORMAT_NAMES[format]}.`);
    return;
  }
  let target: vscode.Uri | undefined;
  if (document.isUntitled) {
    target = await vscode.window.showSaveDialog({ filters: { [FORMAT_NAMES[format]]: [format] } });
    if (!target) return;
  } else {
    target = exportTarget(document.uri, format);
    if (await fileExists(target)) {
      const replace = 'Replace';
      const answer = await vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(target)} already exists. Replace it?`, { modal: true }, replace);
      if (answer !== replace) return;
    }
  }
  const report = await reports(document, format === 'md' ? 'markdown' : 'html');
  if (report.kind !== 'rendered') {
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(document.uri)} cannot be exported. ${report.message}`);
    return;
  }
  const text = report.text;
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  } catch (error) {
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(target)} cannot be written: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const open = 'Open';
  const openInBrowser = 'Open in Browser';
  const choices = format === 'html' ? [openInBrowser, open] : [open];
  const answer = await vscode.window.showInformationMessage(`Exported ${vscode.workspace.asRelativePath(target)}.`, ...choices);
  if (answer === open) await vscode.window.showTextDocument(target);
  else if (answer === openInBrowser) await vscode.env.openExternal(target);
}
