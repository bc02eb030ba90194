import { EmbeddedActionsParser, IToken, IRecognitionException } from 'chevrotain';
import { allTokens, Bullet, Indent, Key, scanText, Text, TopKey } from './tokens';

/** One indented line: a key, a bullet or plain text, then the rest of the line. */
export interface RawLine {
  indent: IToken;
  key?: IToken;
  bullet?: IToken;
  text?: IToken;
}

/** A column-0 key with the indented lines under it: a header field or a section. */
export interface RawBlock {
  key: IToken;
  text?: IToken;
  lines: RawLine[];
}

/**
 * The grammar only knows the line structure: blocks headed at column 0 and indented lines
 * under them. What a line means depends on its section and is decided by the AST builder,
 * which keeps the grammar tiny and lets recovery resynchronize on every column-0 key.
 */
export class PostmortemParser extends EmbeddedActionsParser {
  /**
   * `validate` checks the grammar for ambiguities and unreachable rules as it is built: a test
   * does it once (test/unit/parser.test.ts), so every start-up of the command line need not.
   */
  constructor({ validate = false } = {}) {
    super(allTokens, { recoveryEnabled: true, maxLookahead: 2, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  public document = this.RULE('document', (): RawBlock[] => {
    const blocks: RawBlock[] = [];
    this.MANY(() => {
      blocks.push(this.SUBRULE(this.block));
    });
    return blocks;
  });

  private block = this.RULE('block', (): RawBlock => {
    const key = this.CONSUME(TopKey);
    const text = this.OPTION(() => this.CONSUME(Text));
    const lines: RawLine[] = [];
    this.MANY(() => {
      lines.push(this.SUBRULE(this.line));
    });
    return { key, text, lines };
  });

  // The line rule runs once per line: its alternatives and options are built once, not per call.
  private readonly lineHeads = [{ ALT: () => this.CONSUME(Key) }, { ALT: () => this.CONSUME(Bullet) }];
  private readonly lineHead = () => this.OR(this.lineHeads);
  private readonly lineText = () => this.CONSUME(Text);

  private line = this.RULE('line', (): RawLine => {
    const indent = this.CONSUME(Indent);
    const head = this.OPTION(this.lineHead);
    const text = this.OPTION2(this.lineText);
    if (!head) return { indent, text };
    return head.tokenType === Key ? { indent, key: head, text } : { indent, bullet: head, text };
  });
}

/** Built once: Chevrotain's self-analysis is the expensive part of a parser's life. */
const parser = new PostmortemParser();

export interface ParseOutput {
  blocks: RawBlock[];
  comments: IToken[];
  errors: IRecognitionException[];
}

export function parseLines(text: string): ParseOutput {
  const scanned = scanText(text);
  parser.input = scanned.tokens;
  const blocks = parser.document() ?? [];
  const errors = parser.errors;
  // The parser lives on between analyses: it must not keep this document's tokens alive.
  parser.input = [];
  // Recovery can yield partial results that hold undefined entries for the failed subrule.
  return {
    blocks: blocks.filter((block) => block && block.key && !isInserted(block.key)).map(cleanBlock),
    comments: scanned.comments,
    errors,
  };
}

function isInserted(token: IToken): boolean {
  return token.isInsertedInRecovery === true || Number.isNaN(token.startOffset);
}

const isWhole = (line: RawLine | undefined) => !!line && !!line.indent && !isInserted(line.indent);

function cleanBlock(block: RawBlock): RawBlock {
  const lines = block.lines ?? [];
  return {
    key: block.key,
    text: block.text && !isInserted(block.text) ? block.text : undefined,
    // Recovery rarely leaves a partial line: keep the parser's array unless it did.
    lines: lines.every(isWhole) ? lines : lines.filter(isWhole),
  };
}
