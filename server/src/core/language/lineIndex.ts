import type { Position, Range } from 'vscode-languageserver-types';

/** Maps offsets to LSP positions (0-based line, UTF-16 character) and back. */
export class LineIndex {
  /** Offsets at which each line starts. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      // The common case: LF only, found by the engine's own search.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The line of the last lookup: the AST builder asks in document order, so it is usually right. */
  private lastLine = 0;

  lineOf(offset: number): number {
    const starts = this.lineStarts;
    const hint = this.lastLine;
    if (offset >= starts[hint] && (hint + 1 === starts.length || offset < starts[hint + 1])) return hint;
    if (hint + 2 <= starts.length && offset >= starts[hint + 1] && (hint + 2 === starts.length || offset < starts[hint + 2])) {
      return (this.lastLine = hint + 1);
    }
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return (this.lastLine = low);
  }

  position(offset: number): Position {
    const line = this.lineOf(offset);
    return { line, character: offset - this.lineStarts[line] };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** Offset of a position, clamped to the document and to the end of its line. */
  offset(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[position.line];
    return Math.min(lineStart + Math.max(0, position.character), this.lineEnd(position.line));
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    while (end > this.lineStarts[line] && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  /** The line break the document uses (its first one), for edits that insert lines; CR alone too. */
  get eol(): string {
    if (this.lineStarts.length < 2) return '\n';
    const end = this.lineStarts[1];
    return this.text.charCodeAt(end - 1) === 13 ? '\r' : this.text.charCodeAt(end - 2) === 13 ? '\r\n' : '\n';
  }
}
