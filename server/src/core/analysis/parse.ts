import type { PostmortemDocument } from '../language/ast';
import { buildAst } from '../language/sections/document';
import type { LineIndex } from '../language/lineIndex';

/** A document's tree and the index of its lines, without any rule run. */
export interface ParsedDocument {
  ast: PostmortemDocument;
  lines: LineIndex;
}

/**
 * Text in, tree out: for callers that need only the structure (outlines, indexes, digests).
 * A leading byte order mark is dropped; positions refer to the text after it.
 */
export function parse(text: string): ParsedDocument {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { document, index } = buildAst(source);
  return { ast: document, lines: index };
}
