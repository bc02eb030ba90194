import { isUtf8 } from 'node:buffer';
import type { Range } from 'vscode-languageserver-types';
import { LineIndex } from '../core/language/lineIndex';
import { firstInvalidUtf8Offset } from './utf8';

const BOM = '\ufeff';

/** A file read as the language reads it: UTF-8, the byte order mark kept apart. */
export type ReadDocument =
  | { kind: 'text'; bom: boolean; text: string }
  /** Not UTF-8: the range of the first byte that cannot be decoded, and what to do. */
  | { kind: 'not-utf8'; range: Range; message: string };

/** Decodes a file's bytes; never throws. */
export function decodeDocument(bytes: Uint8Array): ReadDocument {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The engine's own check first: it is many times faster than the scan that finds where.
  const invalidAt = isUtf8(buffer) ? -1 : firstInvalidUtf8Offset(buffer);
  if (invalidAt >= 0) return notUtf8(buffer, invalidAt);
  const decoded = buffer.toString('utf8');
  const bom = decoded.startsWith(BOM);
  return { kind: 'text', bom, text: bom ? decoded.slice(1) : decoded };
}

function notUtf8(bytes: Buffer, invalidAt: number): ReadDocument {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  let prefix = bytes.subarray(0, invalidAt).toString('utf8');
  if (prefix.startsWith(BOM)) prefix = prefix.slice(1);
  const lines = new LineIndex(prefix);
  const start = lines.position(prefix.length);
  const byte = bytes[invalidAt].toString(16).toUpperCase().padStart(2, '0');
  const message = utf16
    ? 'The file is UTF-16 text; save it as UTF-8 to check it.'
    : `The file is not UTF-8 text (byte 0x${byte} cannot be decoded); save it as UTF-8 to check it.`;
  return { kind: 'not-utf8', range: { start, end: { line: start.line, character: start.character + 1 } }, message };
}

/** Puts the byte order mark back, if the file had one. */
export function encodeDocument(text: string, bom: boolean): string {
  return bom ? BOM + text : text;
}
