import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';

/**
 * The language is line oriented: what a token is depends only on where in its line it starts (at
 * column 0, right after the indentation, or after a key or bullet). One pass over each line makes
 * its tokens (see `scanText`); Chevrotain's parser reads them. Chevrotain's own lexer tried nine
 * matchers at every token, and building it cost a tenth of a command's start-up: see
 * docs/decisions.md.
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

/** What the grammar reads: the scanner below makes these, so they need no pattern of their own. */
const tokenType = (name: string) => createToken({ name, pattern: Lexer.NA });

/** Indentation: every leading blank of an indented line. */
export const Indent = tokenType('Indent');
/** A key at column 0: a section header or a header field. */
export const TopKey = tokenType('TopKey');
/** Any other line at column 0: a syntax error the parser recovers from. */
export const TopText = tokenType('TopText');
/** A key right after the indentation. */
export const Key = tokenType('Key');
/** A `-` right after the indentation, followed by a blank or the line end. */
export const Bullet = tokenType('Bullet');
/** The rest of a line after a key or bullet, or the whole content of an indented line. */
export const Text = tokenType('Text');
/** A line whose first non-blank is `#`, line break included: kept apart from the tokens. */
export const CommentLine = tokenType('CommentLine');

export const allTokens: TokenType[] = [Indent, TopKey, TopText, Key, Bullet, Text, CommentLine];

/** A document indents with a few runs of spaces: one shared string for each, not one per line. */
const SPACE_RUNS = Array.from({ length: 17 }, (_, n) => ' '.repeat(n));

function indentImage(text: string, start: number, end: number): string {
  let spaces = end - start < SPACE_RUNS.length;
  for (let i = start; spaces && i < end; i++) spaces = text.charCodeAt(i) === SPACE;
  return spaces ? SPACE_RUNS[end - start] : text.slice(start, end);
}

export interface ScannedText {
  tokens: IToken[];
  comments: IToken[];
}

/**
 * Splits a document into the grammar's tokens, one line at a time. What a token is depends only
 * on where in its line it starts, so each line is read once, left to right: blank lines and line
 * breaks make no token, a comment line makes one of its own, a column-0 line a `TopKey` (and its
 * `Text`) or a `TopText`, and an indented line an `Indent`, then a `Key` or `Bullet`, then `Text`.
 * Every character of a line belongs to one of these, so scanning cannot fail. Tokens carry only
 * their text and start, as Chevrotain's lexer makes them with `positionTracking: 'onlyOffset'`.
 */
export function scanText(text: string): ScannedText {
  const tokens: IToken[] = [];
  const comments: IToken[] = [];
  const push = (list: IToken[], type: TokenType, image: string, startOffset: number) =>
    list.push({ image, startOffset, tokenTypeIdx: type.tokenTypeIdx!, tokenType: type } as IToken);
  let start = 0;
  while (start < text.length) {
    const end = lineEnd(text, start);
    const next = afterLineBreak(text, end);
    const content = skipBlanks(text, start);
    if (content === end) {
      // A blank line.
    } else if (text.charCodeAt(content) === 35 /* # */) {
      push(comments, CommentLine, text.slice(start, next), start);
    } else if (content === start) {
      const keyEnd = scanKey(text, start);
      if (keyEnd === NO_MATCH) push(tokens, TopText, text.slice(start, end), start);
      else {
        push(tokens, TopKey, text.slice(start, keyEnd), start);
        if (keyEnd < end) push(tokens, Text, text.slice(keyEnd, end), keyEnd);
      }
    } else {
      push(tokens, Indent, indentImage(text, start, content), start);
      let rest = content;
      const keyEnd = scanKey(text, content);
      if (keyEnd !== NO_MATCH) {
        push(tokens, Key, text.slice(content, keyEnd), content);
        rest = keyEnd;
      } else if (text.charCodeAt(content) === 45 /* - */ && (content + 1 === end || isBlank(text.charCodeAt(content + 1)))) {
        push(tokens, Bullet, '-', content);
        rest = content + 1;
      }
      if (rest < end) push(tokens, Text, text.slice(rest, end), rest);
    }
    start = next;
  }
  return { tokens, comments };
}
