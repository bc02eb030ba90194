import { createToken, Lexer, TokenType } from 'chevrotain';

/**
 * The language is line oriented, so every token knows where in its line it may start: at
 * column 0, right after the indentation (the "content start"), or anywhere after that. The
 * matchers are small scanners rather than regexes: they run once or more per line of every
 * keystroke's analysis, and a scanner allocates nothing but the token's text.
 */

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;

const isBlank = (c: number) => c === SPACE || c === TAB;
const isLineBreak = (c: number) => c === LF || c === CR;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** Letters, digits, `_` and `-`: what a word of a key is made of. */
const isKeyChar = (c: number) => isLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === 45;

function isLineStart(text: string, offset: number): boolean {
  return offset === 0 || isLineBreak(text.charCodeAt(offset - 1));
}

function isContentStart(text: string, offset: number): boolean {
  let i = offset - 1;
  if (i < 0 || !isBlank(text.charCodeAt(i))) return false;
  while (i >= 0 && isBlank(text.charCodeAt(i))) i--;
  return i < 0 || isLineBreak(text.charCodeAt(i));
}

function skipBlanks(text: string, i: number): number {
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  return i;
}

function lineEnd(text: string, i: number): number {
  while (i < text.length && !isLineBreak(text.charCodeAt(i))) i++;
  return i;
}

function afterLineBreak(text: string, i: number): number {
  if (text.charCodeAt(i) === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  return text.charCodeAt(i) === LF ? i + 1 : i;
}

const sliceOf = (text: string, start: number, end: number) => text.slice(start, end);

/**
 * Chevrotain reads only `[0]` of a match, at once, so one array per token type is reused.
 * `image` gives the token's text; it must be exactly the text between the two offsets.
 */
function matcher(scan: (text: string, offset: number) => number, image = sliceOf) {
  const match = [''] as unknown as RegExpExecArray;
  return (text: string, offset: number): RegExpExecArray | null => {
    const end = scan(text, offset);
    if (end <= offset) return null;
    match[0] = image(text, offset, end);
    return match;
  };
}

const NO_MATCH = -1;

/** A key: up to four words ending in a colon followed by white space or the line end. */
function scanKey(text: string, offset: number): number {
  if (!isLetter(text.charCodeAt(offset))) return NO_MATCH;
  let i = offset + 1;
  while (isKeyChar(text.charCodeAt(i))) i++;
  for (let words = 1; words < 4; words++) {
    const next = skipBlanks(text, i);
    if (next === i || !isKeyChar(text.charCodeAt(next))) break;
    i = next;
    while (isKeyChar(text.charCodeAt(i))) i++;
  }
  if (text.charCodeAt(i) !== 58 /* : */) return NO_MATCH;
  const after = text.charCodeAt(i + 1);
  return i + 1 === text.length || isBlank(after) || isLineBreak(after) ? i + 1 : NO_MATCH;
}

export const BlankLine = createToken({
  name: 'BlankLine',
  pattern: {
    exec: matcher((text, offset) => {
      if (!isLineStart(text, offset)) return NO_MATCH;
      const i = skipBlanks(text, offset);
      if (i === text.length) return i;
      return isLineBreak(text.charCodeAt(i)) ? afterLineBreak(text, i) : NO_MATCH;
    }),
  },
  line_breaks: true,
  group: Lexer.SKIPPED,
});

export const CommentLine = createToken({
  name: 'CommentLine',
  pattern: {
    exec: matcher((text, offset) => {
      if (!isLineStart(text, offset)) return NO_MATCH;
      const i = skipBlanks(text, offset);
      return text.charCodeAt(i) === 35 /* # */ ? afterLineBreak(text, lineEnd(text, i)) : NO_MATCH;
    }),
  },
  line_breaks: true,
  group: 'comments',
});

/** A document indents with a few runs of spaces: one shared string for each, not one per line. */
const SPACE_RUNS = Array.from({ length: 17 }, (_, n) => ' '.repeat(n));

function indentImage(text: string, start: number, end: number): string {
  let spaces = end - start < SPACE_RUNS.length;
  for (let i = start; spaces && i < end; i++) spaces = text.charCodeAt(i) === SPACE;
  return spaces ? SPACE_RUNS[end - start] : text.slice(start, end);
}

export const Indent = createToken({
  name: 'Indent',
  pattern: { exec: matcher((text, offset) => (isLineStart(text, offset) ? skipBlanks(text, offset) : NO_MATCH), indentImage) },
  line_breaks: false,
});

/** A key at column 0: a section header or a header field. */
export const TopKey = createToken({
  name: 'TopKey',
  pattern: { exec: matcher((text, offset) => (isLineStart(text, offset) ? scanKey(text, offset) : NO_MATCH)) },
  line_breaks: false,
});

/** Any other line at column 0: a syntax error the parser recovers from. */
export const TopText = createToken({
  name: 'TopText',
  pattern: { exec: matcher((text, offset) => (isLineStart(text, offset) ? lineEnd(text, offset) : NO_MATCH)) },
  line_breaks: false,
});

export const Key = createToken({
  name: 'Key',
  pattern: { exec: matcher((text, offset) => (isContentStart(text, offset) ? scanKey(text, offset) : NO_MATCH)) },
  line_breaks: false,
});

export const Bullet = createToken({
  name: 'Bullet',
  pattern: {
    exec: matcher((text, offset) => {
      if (text.charCodeAt(offset) !== 45 /* - */ || !isContentStart(text, offset)) return NO_MATCH;
      const after = text.charCodeAt(offset + 1);
      return offset + 1 === text.length || isBlank(after) || isLineBreak(after) ? offset + 1 : NO_MATCH;
    }),
  },
  line_breaks: false,
});

/** The rest of a line. */
export const Text = createToken({ name: 'Text', pattern: { exec: matcher(lineEnd) }, line_breaks: false });

/** Line breaks carry no meaning of their own: every other token knows whether it starts a line. */
export const Newline = createToken({ name: 'Newline', pattern: { exec: matcher(afterLineBreak) }, line_breaks: true, group: Lexer.SKIPPED });

export const allTokens: TokenType[] = [BlankLine, CommentLine, Indent, TopKey, TopText, Key, Bullet, Text, Newline];

export const postmortemLexer = new Lexer(allTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: false,
  skipValidations: true,
});
