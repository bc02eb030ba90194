import type { Position } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Test documents mark cursor positions with `|`: `withCursors('  sev|')` gives the text without
 * the markers and one position per marker, in order.
 */
export function withCursors(marked: string): { text: string; cursors: Position[] } {
  const [first, ...rest] = marked.split('|');
  const offsets: number[] = [];
  let text = first;
  for (const part of rest) {
    offsets.push(text.length);
    text += part;
  }
  const document = TextDocument.create('file:///cursor', 'postmortem', 1, text);
  return { text, cursors: offsets.map((o) => document.positionAt(o)) };
}
