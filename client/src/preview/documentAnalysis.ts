import * as vscode from 'vscode';
import { analyze } from '../../../server/src/analysis/analyze';
import { loadConfigFor } from '../../../server/src/analysis/configFile';
import type { Analysis } from '../../../server/src/analysis/types';

export const POSTMORTEM_LANGUAGE_ID = 'postmortem';

export function isPostmortemDocument(document: vscode.TextDocument): boolean {
  return document.languageId === POSTMORTEM_LANGUAGE_ID || document.uri.path.endsWith('.postmortem');
}

/**
 * Analyses the editor's current text (saved or not) with the configuration the language server
 * and the command line use for the file: the nearest `.postmortemrc.json`.
 */
export function analyzeDocument(document: vscode.TextDocument): Analysis {
  const config = document.uri.scheme === 'file' ? loadConfigFor(document.uri.fsPath).config : {};
  return analyze(document.getText(), { config });
}

/** The open document for a URI, if VS Code has it loaded. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}
