import type { IToken } from 'chevrotain';
import type { PostmortemDocument, SectionNode, SyntaxErrorNode } from '../ast';
import { resolveDates } from '../instants';
import { LineIndex } from '../lineIndex';
import type { TextPartSpan } from '../nodes';
import { type RawBlock, type RawLine, parseLines } from '../parser';
import { HEADER_FIELDS, SECTION_NAMES } from '../vocabulary';
import { readActions } from './actions';
import { readCategories } from './categories';
import { readFollowup } from './followup';
import { readHeaderField } from './headerField';
import { readIncident } from './incident';
import { LineReader, type SectionHead, tokenEnd } from './lineReader';
import { readText } from './text';
import { readTimeline } from './timeline';
import { readUnknown } from './unknown';
import { readWhys } from './whys';

const HEADER_FIELD_NAMES = new Set(HEADER_FIELDS.map((f) => f.name));

export interface BuildResult {
  document: PostmortemDocument;
  index: LineIndex;
}

/**
 * Builds the typed AST from text; never throws on any input. The line grammar (parser.ts) cuts
 * the text into blocks, a column-0 key with the indented lines under it; each block is a header
 * field or a section, and the reader of that section (one file each in this folder) says what
 * its lines mean.
 */
export function buildAst(text: string): BuildResult {
  const index = new LineIndex(text);
  const { blocks, comments, errors } = parseLines(text);
  const reader = new LineReader(index);
  const doc: PostmortemDocument = {
    range: index.range(0, text.length),
    headerFields: [],
    sections: [],
    syntaxErrors: [],
    comments: comments.map((c) => index.range(c.startOffset, c.startOffset + c.image.replace(/[\r\n]+$/, '').length)),
    lineCount: index.lineCount,
  };
  for (const error of errors) {
    const syntaxError = syntaxErrorAt(reader, error.token);
    if (syntaxError) doc.syntaxErrors.push(syntaxError);
  }
  for (const block of blocks) readBlock(reader, doc, block);
  resolveDates(doc);
  return { document: doc, index };
}

/**
 * The line the parser could not fit, as data: PM001 words the message. The parser only ever
 * fails on a line at column 0 that is no key, or on an indented line before the first key.
 */
function syntaxErrorAt(reader: LineReader, token: IToken): SyntaxErrorNode | undefined {
  if (Number.isNaN(token.startOffset) || token.tokenType.name === 'EOF') return undefined;
  const index = reader.index;
  const line = index.lineOf(token.startOffset);
  const start = index.lineStarts[line];
  const end = index.lineEnd(line);
  const contentStart = reader.trimStart(start, end);
  const range = index.range(contentStart, reader.trimEnd(contentStart, end));
  return { kind: contentStart === start ? 'not-a-header' : 'no-header-above', line, range };
}

function blockEnd(block: RawBlock): number {
  const last = block.lines[block.lines.length - 1];
  return last ? tokenEnd(last.text ?? last.key ?? last.bullet ?? last.indent) : tokenEnd(block.text ?? block.key);
}

function readBlock(reader: LineReader, doc: PostmortemDocument, block: RawBlock): void {
  const index = reader.index;
  const key = reader.keyNode(block.key);
  const lines = block.lines;
  const inline = block.text ? reader.part(block.text.startOffset, tokenEnd(block.text)) : undefined;
  const start = block.key.startOffset;
  const end = blockEnd(block);

  if (HEADER_FIELD_NAMES.has(key.name)) {
    const field = readHeaderField(reader, key, start, end, inline, lines);
    if (key.name === 'postmortem' && !doc.title) doc.title = field;
    else doc.headerFields.push(field);
    return;
  }
  const head: SectionHead = {
    header: key,
    headerLineRange: index.range(start, tokenEnd(block.text ?? block.key)),
    range: index.range(start, end),
    stray: [],
    inlineText: inline && reader.textNode(inline),
  };
  doc.sections.push(readSection(reader, head, lines, inline));
}

function readSection(reader: LineReader, head: SectionHead, lines: RawLine[], inline: TextPartSpan | undefined): SectionNode {
  const name = SECTION_NAMES.find((s) => s === head.header.name);
  switch (name) {
    case 'summary':
    case 'notes':
      return readText(reader, head, name, inline, lines);
    case 'incident':
      return readIncident(reader, head, lines);
    case 'timeline':
      return readTimeline(reader, head, lines);
    case 'whys':
      return readWhys(reader, head, lines);
    case 'factors':
    case 'lessons':
      return readCategories(reader, head, name, lines);
    case 'actions':
      return readActions(reader, head, lines);
    case 'followup':
      return readFollowup(reader, head, lines);
    default:
      return readUnknown(head);
  }
}
