import type { Position, TextEdit } from 'vscode-languageserver-types';

/**
 * One edit that turns `previous` into `next`: the span between the common prefix and the common
 * suffix. Editors keep the cursor and the undo stack tidy with a small edit, and a single edit
 * cannot overlap itself. The cut never splits a CRLF or a surrogate pair.
 */
export function minimalEdit(previous: string, next: string, positionAt: (offset: number) => Position): TextEdit | undefined {
  if (previous === next) return undefined;
  const limit = Math.min(previous.length, next.length);
  let prefix = 0;
  while (prefix < limit && previous.charCodeAt(prefix) === next.charCodeAt(prefix)) prefix++;
  while (prefix > 0 && splitsPair(previous, prefix)) prefix--;
  let suffix = 0;
  while (suffix < limit - prefix && previous.charCodeAt(previous.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)) suffix++;
  while (suffix > 0 && splitsPair(previous, previous.length - suffix)) suffix--;
  return {
    range: { start: positionAt(prefix), end: positionAt(previous.length - suffix) },
    newText: next.slice(prefix, next.length - suffix),
  };
}

/** Whether a cut at `offset` falls inside `\r\n` or inside a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return (before === 13 && after === 10) || (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
}

/**
 * The edit that turns the document into `analysedResult`, a text derived from the analysed text.
 * The analysis drops a leading byte order mark; the document keeps it, so it is kept here too.
 */
export function documentEdit(document: { getText(): string; positionAt(offset: number): Position }, analysedResult: string): TextEdit | undefined {
  const text = document.getText();
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  return minimalEdit(text, bom + analysedResult, (offset) => document.positionAt(offset));
}
