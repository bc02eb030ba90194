import { createToken, Lexer, TokenType } from 'chevrotain';

/**
 * The language is line oriented, so every token pattern knows where in its line it may start:
 * at column 0, right after the indentation (the "content start"), or anywhere after that.
 * Sticky regexes keep each attempt O(match length).
 */

function isLineStart(text: string, offset: number): boolean {
  if (offset === 0) return true;
  const previous = text.charCodeAt(offset - 1);
  return previous === 10 /* \n */ || previous === 13 /* \r */;
}

function isContentStart(text: string, offset: number): boolean {
  let i = offset - 1;
  if (i < 0) return false;
  const first = text.charCodeAt(i);
  if (first !== 32 && first !== 9) return false;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
    i--;
  }
  return true;
}

function stickyMatcher(source: RegExp, where: (text: string, offset: number) => boolean) {
  const regex = new RegExp(source.source, 'y');
  return (text: string, offset: number): RegExpExecArray | null => {
    if (!where(text, offset)) return null;
    regex.lastIndex = offset;
    return regex.exec(text);
  };
}

/** A key: up to four words ending in a colon that is followed by white space or the line end. */
const KEY = /[A-Za-z][A-Za-z0-9_-]*(?:[ \t]+[A-Za-z0-9_-]+){0,3}:(?=[ \t]|\r|\n|$)/;

export const BlankLine = createToken({
  name: 'BlankLine',
  pattern: { exec: stickyMatcher(/[ \t]*(?:\r\n|\r|\n)|[ \t]+$/, isLineStart) },
  line_breaks: true,
  group: Lexer.SKIPPED,
});

export const CommentLine = createToken({
  name: 'CommentLine',
  pattern: { exec: stickyMatcher(/[ \t]*#[^\r\n]*(?:\r\n|\r|\n)?/, isLineStart) },
  line_breaks: true,
  group: 'comments',
});

export const Indent = createToken({
  name: 'Indent',
  pattern: { exec: stickyMatcher(/[ \t]+/, isLineStart) },
  line_breaks: false,
});

/** A key at column 0: a section header or a header field. */
export const TopKey = createToken({
  name: 'TopKey',
  pattern: { exec: stickyMatcher(KEY, isLineStart) },
  line_breaks: false,
});

/** Any other line at column 0: a syntax error the parser recovers from. */
export const TopText = createToken({
  name: 'TopText',
  pattern: { exec: stickyMatcher(/[^\r\n]+/, isLineStart) },
  line_breaks: false,
});

export const Key = createToken({
  name: 'Key',
  pattern: { exec: stickyMatcher(KEY, isContentStart) },
  line_breaks: false,
});

export const Bullet = createToken({
  name: 'Bullet',
  pattern: { exec: stickyMatcher(/-(?=[ \t]|\r|\n|$)/, isContentStart) },
  line_breaks: false,
});

export const Text = createToken({ name: 'Text', pattern: /[^\r\n]+/, line_breaks: false });

/** Line breaks carry no meaning of their own: every other token knows whether it starts a line. */
export const Newline = createToken({ name: 'Newline', pattern: /\r\n|\r|\n/, line_breaks: true, group: Lexer.SKIPPED });

export const allTokens: TokenType[] = [BlankLine, CommentLine, Indent, TopKey, TopText, Key, Bullet, Text, Newline];

export const postmortemLexer = new Lexer(allTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: false,
  skipValidations: true,
});
