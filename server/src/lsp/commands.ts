import type { WorkspaceEdit } from 'vscode-languageserver';
import { fixAllEdit } from './codeActions';
import type { DocumentAnalyses } from './documents';

/** Server commands, run through `workspace/executeCommand`. */
export const APPLY_ALL_FIXES_COMMAND = 'postmortem.applyAllFixes';

/** The edit "Postmortem: Fix All" asks the client to apply; undefined when nothing needs fixing. */
export function applyAllFixesEdit(documents: DocumentAnalyses, args: unknown[] | undefined): WorkspaceEdit | undefined {
  const uri = args?.[0];
  if (typeof uri !== 'string') return undefined;
  const document = documents.get(uri);
  const edit = document && fixAllEdit(document);
  return edit && document ? { documentChanges: [{ textDocument: { uri, version: document.version }, edits: [edit] }] } : undefined;
}
