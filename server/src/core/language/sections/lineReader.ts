import type { IToken } from 'chevrotain';
import type { BulletNode, DateNode, StrayLine, UnknownSection } from '../ast';
import type { LineIndex } from '../lineIndex';
import { BulletSpan, type ContinuedNode, FieldSpan, KeySpan, type LinePart, Span, TextPartSpan, TextSpan, TimestampSpan } from '../nodes';
import type { RawLine } from '../parser';
import { visualWidth } from '../queries';
import { TimestampScan, parseDate, scanTimestamp } from '../time';
import { canonicalKey } from '../vocabulary';

/** The longest label read as a would-be key (`labelKey`): longer text ending in a colon is a sentence. */
const MAX_LABEL_LENGTH = 48;
const MAX_LABEL_WORDS = 7;

/** A field value that is a date alone, or a date and a zone: `2022-04-18`, `2022-04-18 UTC`. */
const DAY_WITHOUT_TIME = /^(\d{4}-\d{1,2}-\d{1,2})(?:[ \t]+[A-Za-z]{1,5})?$/;

/** What every section has before its reader reads its lines: the header and where it stands. */
export type SectionHead = Omit<UnknownSection, 'name'>;

/**
 * A line with the parts that matter for deciding what it means. The reader reads every line
 * into the same one (see `LineReader.line`): nothing here outlives the line, only the nodes made
 * from it.
 */
export interface Line {
  /** Visual width of the indentation, tabs to the next multiple of four. */
  width: number;
  start: number;
  contentStart: number;
  end: number;
  key: KeySpan | undefined;
  keyToken: IToken | undefined;
  bullet: IToken | undefined;
  /** Text after the key or bullet, trimmed. */
  text: TextSpan | undefined;
  /** The whole content of the line after the indentation, trimmed: see `contentOf`. */
  content: TextPartSpan | undefined;
}

/**
 * Where the next continuation line goes. One per section, moved from entry to entry as the
 * section's lines are read: nothing is allocated per entry.
 */
export class Entry {
  node: ContinuedNode | undefined = undefined;
  width = -1;
  /**
   * Whether a deeper-indented unknown key continues this entry's text. Not for action items and
   * categories, whose deeper lines are fields and bullets: there an unknown key is a typo.
   */
  keysContinue = true;
  /** The action item a field belongs to: the field's text moves the item's end out too. */
  owner: Span | undefined = undefined;

  moveTo(node: ContinuedNode, width: number, keysContinue = true, owner?: Span): void {
    this.node = node;
    this.width = width;
    this.keysContinue = keysContinue;
    this.owner = owner;
  }
}

/** What the lines under an unknown key attach to: kept nowhere, so they are not reported again. */
class DiscardedEntry extends Span implements ContinuedNode {
  bullets: BulletNode[] = [];

  appendText(): void {}
}

export function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

/** Only spaces and tabs are indentation and padding; other white space is text. */
const isBlank = (c: number) => c === 32 || c === 9;

/**
 * What every section reader shares, one per document: reading a parsed line into `Line`, text
 * and key nodes, and the continuation of an entry by the lines below it (bullets, deeper text,
 * unknown keys). The section readers in this folder say only what a line means in their section.
 */
export class LineReader {
  /** Canonical names by key as written: a document repeats a handful of keys thousands of times. */
  private readonly keyNames = new Map<string, string>();
  /** Every timestamp is read into this one scan, then copied into its node. */
  readonly scan = new TimestampScan();
  private readonly current: Line = {
    width: 0,
    start: 0,
    contentStart: 0,
    end: 0,
    key: undefined,
    keyToken: undefined,
    bullet: undefined,
    text: undefined,
    content: undefined,
  };

  constructor(readonly index: LineIndex) {}

  /** The text between two offsets on one line with blanks trimmed, or undefined when blank. */
  part(start: number, end: number): TextPartSpan | undefined {
    const from = this.trimStart(start, end);
    const to = this.trimEnd(from, end);
    return from === to ? undefined : new TextPartSpan(this.index, from, to, this.index.text.slice(from, to));
  }

  /** The same as a text node of its own, for text that starts an entry. */
  text(start: number, end: number): TextSpan | undefined {
    const from = this.trimStart(start, end);
    const to = this.trimEnd(from, end);
    return from === to ? undefined : new TextSpan(this.index, from, to, this.index.text.slice(from, to));
  }

  trimStart(start: number, end: number): number {
    while (start < end && isBlank(this.index.text.charCodeAt(start))) start++;
    return start;
  }

  trimEnd(start: number, end: number): number {
    while (end > start && isBlank(this.index.text.charCodeAt(end - 1))) end--;
    return end;
  }

  textNode(part: TextPartSpan): TextSpan {
    return new TextSpan(this.index, part.startOffset, part.endOffset, part.text);
  }

  keyNode(token: IToken): KeySpan {
    const raw = token.image.slice(0, -1).trimEnd();
    let name = this.keyNames.get(raw);
    if (name === undefined) this.keyNames.set(raw, (name = canonicalKey(raw)));
    return new KeySpan(this.index, token.startOffset, token.startOffset + raw.length, raw, name);
  }

  /**
   * A line of plain text that reads as a label, `What didn't go so well:`: short and ending in a
   * colon, yet no key, since a key has at most four words of letters, digits, `-` and `_`. Its
   * key node covers the label without the colon.
   */
  labelKey(line: Line): KeySpan | undefined {
    if (line.key || line.bullet) return undefined;
    const content = this.contentOf(line).text;
    if (!content.endsWith(':') || content.length > MAX_LABEL_LENGTH || content.split(/\s+/).length > MAX_LABEL_WORDS) return undefined;
    const raw = content.slice(0, -1).trimEnd();
    return raw ? new KeySpan(this.index, line.contentStart, line.contentStart + raw.length, raw, canonicalKey(raw)) : undefined;
  }

  /** Reads `raw` into the reader's one line, which the section reader reads before the next. */
  line(raw: RawLine): Line {
    const line = this.current;
    const head = raw.key ?? raw.bullet;
    line.width = visualWidth(raw.indent.image);
    line.start = raw.indent.startOffset;
    // The indentation token takes every leading blank, so the content starts right after it.
    line.contentStart = tokenEnd(raw.indent);
    line.end = tokenEnd(raw.text ?? head ?? raw.indent);
    line.key = raw.key ? this.keyNode(raw.key) : undefined;
    line.keyToken = raw.key;
    line.bullet = raw.bullet;
    line.text = head && raw.text ? this.text(raw.text.startOffset, tokenEnd(raw.text)) : undefined;
    line.content = undefined;
    return line;
  }

  /** The whole content of a line as text; made on first use, since most lines never need it. */
  contentOf(line: Line): TextPartSpan {
    return (line.content ??= this.part(line.contentStart, line.end)!);
  }

  /** A `key: value` line as a field; the lines below may continue it. */
  field(line: Line): FieldSpan {
    return new FieldSpan(this.index, line.keyToken!.startOffset, line.end, line.key!, line.text);
  }

  private bulletNode(line: Line): BulletSpan {
    const bulletEnd = tokenEnd(line.bullet!);
    const text = line.text ?? new TextSpan(this.index, bulletEnd, bulletEnd, '');
    return new BulletSpan(this.index, line.bullet!.startOffset, line.end, text);
  }

  /**
   * Attaches a line that starts no entry of its own to the entry above: a bullet joins its
   * bullets, text continues its last bullet or its value. Returns false with nothing to attach to.
   */
  continueEntry(entry: Entry, line: Line): boolean {
    const node = entry.node;
    if (!node) return false;
    if (line.bullet) {
      node.bullets.push(this.bulletNode(line));
    } else {
      const bullets = node.bullets;
      // Every bullet in the tree is made by bulletNode.
      const lastBullet = bullets[bullets.length - 1] as BulletSpan | undefined;
      const part = this.contentOf(line);
      if (lastBullet && line.width > this.bulletWidth(lastBullet)) {
        lastBullet.text.append(part);
      } else {
        node.appendText(part);
        entry.owner?.extendTo(part.endOffset);
      }
      lastBullet?.extendTo(line.end);
    }
    node.extendTo(line.end);
    return true;
  }

  /**
   * For sections whose entries start with a value rather than a key (an event's timestamp, a
   * note's date): a line continues the entry above when it is indented deeper or is a bullet.
   */
  continueDeeper(entry: Entry, line: Line): boolean {
    return !!entry.node && (line.width > entry.width || !!line.bullet) && this.continueEntry(entry, line);
  }

  private bulletWidth(bullet: BulletSpan): number {
    const lineStart = this.index.lineStarts[this.index.lineOf(bullet.startOffset)];
    return visualWidth(this.index.text.slice(lineStart, bullet.startOffset));
  }

  /** Keeps a line that does not fit where it stands, for the rules to report. */
  stray(section: SectionHead, line: Line, kind: StrayLine['kind']): void {
    section.stray.push({ kind, key: line.key, text: this.contentOf(line).text, range: this.index.range(line.contentStart, line.end) });
  }

  /**
   * A key line that is not a key here: text when it continues a deeper-indented entry, else a
   * stray key. The entry then moves to what following lines attach to; for a stray key that is a
   * throwaway, so the bullets under a misspelt key are not each reported again.
   */
  unknownKeyLine(section: SectionHead, entry: Entry, line: Line): void {
    if (entry.node && entry.keysContinue && line.width > entry.width) {
      this.continueEntry(entry, { ...line, key: undefined, bullet: undefined, text: undefined });
      return;
    }
    this.stray(section, line, 'unknown-key');
    entry.moveTo(new DiscardedEntry(this.index, line.start, line.end), line.width);
  }

  /** A field's value read as a `YYYY-MM-DD` date, with what is wrong when it is not one. */
  dateValue(part: LinePart): DateNode {
    const parsed = parseDate(part.text);
    if (!parsed) return { raw: part.text, range: part.range, invalidReason: `“${part.text}” is not a date in the form YYYY-MM-DD` };
    const start = part.startOffset;
    const restStart = this.trimStart(start + parsed.length, part.endOffset);
    const rest = this.index.text.slice(restStart, this.trimEnd(restStart, part.endOffset));
    // Text after the date is part of what is wrong, so the range covers it too.
    const range = rest && !parsed.invalidReason ? part.range : this.index.range(start, start + parsed.length);
    return { raw: part.text.slice(0, parsed.length), date: parsed.date, range, invalidReason: parsed.invalidReason ?? (rest ? `unexpected “${rest}” after the date` : undefined) };
  }

  /** A field's value read as a timestamp, or the whole value marked invalid when it is not one. */
  timestampValue(part: LinePart): TimestampSpan {
    if (scanTimestamp(this.index.text, part.startOffset, this.scan)) return new TimestampSpan(this.index, this.scan);
    // Not a timestamp: the whole value is what is wrong, with no zone at its end.
    const invalid = new TimestampScan();
    invalid.prefixStart = invalid.start = invalid.timeStart = part.startOffset;
    invalid.end = invalid.timeEnd = invalid.zoneStart = invalid.zoneEnd = part.endOffset;
    // A day without its time (`resolved: 2022-04-18 UTC`) is how long incidents are often closed.
    const day = DAY_WITHOUT_TIME.exec(part.text)?.[1];
    invalid.invalidReason = day
      ? `“${part.text}” gives the day but not the time of day: write it such as ${day} 14:30 UTC, or ${day} ~14:30 UTC when only roughly known`
      : `“${part.text}” is not a timestamp such as 2025-02-14 14:30 UTC`;
    return new TimestampSpan(this.index, invalid);
  }
}
