import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../core/language/lineIndex';

/**
 * Applies a client's content changes the way the editor applied them. `TextDocument.update` keeps
 * its line table current incrementally, which goes wrong when a change joins or splits a CR LF
 * pair (text ending in CR inserted before an LF, a cut between the two): from then on its
 * positions are a line off, so the next change lands in the wrong place and edits sent back
 * (formatting, fixes) duplicate or drop text. The adversarial suite found this. A document with
 * a CR anywhere, or a change bringing one, is therefore rebuilt from its text; all others take
 * the fast incremental path.
 */
export function updateDocument(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
  if (!document.getText().includes('\r') && !changes.some((change) => change.text.includes('\r'))) return TextDocument.update(document, changes, version);
  let text = document.getText();
  for (const change of changes) {
    if (!('range' in change) || !change.range) {
      text = change.text;
      continue;
    }
    const lines = new LineIndex(text);
    const [start, end] = [lines.offset(change.range.start), lines.offset(change.range.end)].sort((a, b) => a - b);
    text = text.slice(0, start) + change.text + text.slice(end);
  }
  return TextDocument.create(document.uri, document.languageId, version, text);
}
