import type { IToken } from 'chevrotain';
import type {
  ActionsSection, BulletNode, CalendarDate, CategorySection, DateNode, FieldSection, FollowupSection, PostmortemDocument,
  SectionNode, StrayLine, TextSection, TimelineSection, UnknownSection, WhysSection,
} from './ast';
import { LineIndex } from './lineIndex';
import {
  ActionItemSpan, BulletSpan, CategorySpan, type ContinuedNode, FieldSpan, FollowupNoteSpan, KeySpan, type LinePart, Span, TextPartSpan, TextSpan, TimelineEventSpan,
  TimestampSpan, WhySpan,
} from './nodes';
import type { RawBlock, RawLine } from './parser';
import { parseLines } from './parser';
import { fieldNamed, visualWidth } from './queries';
import { formatOffset, resolveLocalTime } from './regionZones';
import { TimestampScan, formatDate, pad2, parseDate, scanTimestamp, toInstant } from './time';
import {
  ACTION_FIELDS, ACTION_ID, FACTOR_CATEGORIES, HEADER_FIELDS, INCIDENT_FIELDS, LESSON_CATEGORIES, SECTION_NAMES,
  TIMESTAMP_FIELDS, canonicalKey,
} from './vocabulary';

const INCIDENT_FIELD_NAMES = new Set(INCIDENT_FIELDS.map((f) => f.name));
const ACTION_FIELD_NAMES = new Set(ACTION_FIELDS.map((f) => f.name));
const HEADER_FIELD_NAMES = new Set(HEADER_FIELDS.map((f) => f.name));
const FACTOR_NAMES = new Set(FACTOR_CATEGORIES.map((f) => f.name));
const LESSON_NAMES = new Set(LESSON_CATEGORIES.map((f) => f.name));
const WHY_KEY = /^why(?:[ \t]*(\d+))?$/;

/**
 * A line with the parts that matter for deciding what it means. The builder reads every line
 * into the same one (see `line`): nothing here outlives the line, only the nodes made from it.
 */
interface Line {
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
class Entry {
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

function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

/** Only spaces and tabs are indentation and padding; other white space is text. */
const isBlank = (c: number) => c === 32 || c === 9;

export interface BuildResult {
  document: PostmortemDocument;
  index: LineIndex;
}

/** Builds the typed AST from text; never throws on any input. */
export function buildAst(text: string): BuildResult {
  const index = new LineIndex(text);
  const parsed = parseLines(text);
  return { document: new AstBuilder(index).build(parsed.blocks, parsed.comments, parsed.errors), index };
}

class AstBuilder {
  /** Canonical names by key as written: a document repeats a handful of keys thousands of times. */
  private readonly keyNames = new Map<string, string>();
  /** Every timestamp is read into this one scan, then copied into its node. */
  private readonly scan = new TimestampScan();

  constructor(private readonly index: LineIndex) {}

  /** The text between two offsets on one line with blanks trimmed, or undefined when blank. */
  private part(start: number, end: number): TextPartSpan | undefined {
    const from = this.trimStart(start, end);
    const to = this.trimEnd(from, end);
    return from === to ? undefined : new TextPartSpan(this.index, from, to, this.index.text.slice(from, to));
  }

  /** The same as a text node of its own, for text that starts an entry. */
  private text(start: number, end: number): TextSpan | undefined {
    const from = this.trimStart(start, end);
    const to = this.trimEnd(from, end);
    return from === to ? undefined : new TextSpan(this.index, from, to, this.index.text.slice(from, to));
  }

  private trimStart(start: number, end: number): number {
    while (start < end && isBlank(this.index.text.charCodeAt(start))) start++;
    return start;
  }

  private trimEnd(start: number, end: number): number {
    while (end > start && isBlank(this.index.text.charCodeAt(end - 1))) end--;
    return end;
  }

  private textNode(part: TextPartSpan): TextSpan {
    return new TextSpan(this.index, part.startOffset, part.endOffset, part.text);
  }

  private keyNode(token: IToken): KeySpan {
    const raw = token.image.slice(0, -1).trimEnd();
    let name = this.keyNames.get(raw);
    if (name === undefined) this.keyNames.set(raw, (name = canonicalKey(raw)));
    return new KeySpan(this.index, token.startOffset, token.startOffset + raw.length, raw, name);
  }

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

  /** Reads `raw` into the builder's one line, which the section builders read before the next. */
  private line(raw: RawLine): Line {
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
  private contentOf(line: Line): TextPartSpan {
    return (line.content ??= this.part(line.contentStart, line.end)!);
  }

  build(blocks: RawBlock[], comments: IToken[], errors: { token: IToken; message: string }[]): PostmortemDocument {
    const doc: PostmortemDocument = {
      range: this.index.range(0, this.index.text.length),
      headerFields: [],
      sections: [],
      syntaxErrors: [],
      comments: comments.map((c) => this.index.range(c.startOffset, c.startOffset + c.image.replace(/[\r\n]+$/, '').length)),
      lineCount: this.index.lineCount,
    };
    for (const error of errors) this.syntaxError(doc, error.token);
    for (const block of blocks) this.block(doc, block);
    this.resolveDates(doc);
    return doc;
  }

  private syntaxError(doc: PostmortemDocument, token: IToken) {
    if (Number.isNaN(token.startOffset) || token.tokenType.name === 'EOF') return;
    const line = this.index.lineOf(token.startOffset);
    const start = this.index.lineStarts[line];
    const end = this.index.lineEnd(line);
    const contentStart = this.trimStart(start, end);
    const range = this.index.range(contentStart, this.trimEnd(contentStart, end));
    const message =
      contentStart === start
        ? `Line ${line + 1} stands at column 0 but is not a section header or header field: indent it under a section, or make it a header such as \`timeline:\`.`
        : `Line ${line + 1} is indented but no section header stands above it: start the document with \`postmortem: TITLE\` and put this line under a section.`;
    doc.syntaxErrors.push({ range, message });
  }

  private blockEnd(block: RawBlock): number {
    const last = block.lines[block.lines.length - 1];
    return last ? tokenEnd(last.text ?? last.key ?? last.bullet ?? last.indent) : tokenEnd(block.text ?? block.key);
  }

  private block(doc: PostmortemDocument, block: RawBlock) {
    const key = this.keyNode(block.key);
    const lines = block.lines;
    const inline = block.text ? this.part(block.text.startOffset, tokenEnd(block.text)) : undefined;
    const start = block.key.startOffset;
    const end = this.blockEnd(block);

    if (HEADER_FIELD_NAMES.has(key.name)) {
      const field = new FieldSpan(this.index, start, end, key, inline && this.textNode(inline));
      const entry = new Entry();
      entry.moveTo(field, -1);
      for (const raw of lines) this.continueEntry(entry, this.line(raw));
      if (key.name === 'date' && field.value) field.dateValue = this.dateValue(field.value.parts[0]);
      if (key.name === 'postmortem' && !doc.title) doc.title = field;
      else doc.headerFields.push(field);
      return;
    }
    const base = {
      header: key,
      headerLineRange: this.index.range(start, tokenEnd(block.text ?? block.key)),
      range: this.index.range(start, end),
      stray: [] as StrayLine[],
      inlineText: inline && this.textNode(inline),
    };
    const name = SECTION_NAMES.find((s) => s === key.name);
    let section: SectionNode;
    switch (name) {
      case 'summary':
      case 'notes':
        section = this.textSection({ ...base, name }, lines, inline);
        break;
      case 'incident':
        section = this.incidentSection({ ...base, name, fields: [] }, lines);
        break;
      case 'timeline':
        section = this.timelineSection({ ...base, name, events: [] }, lines);
        break;
      case 'whys':
        section = this.whysSection({ ...base, name, whys: [], entries: [] }, lines);
        break;
      case 'factors':
        section = this.categorySection({ ...base, name, categories: [] }, lines, FACTOR_NAMES);
        break;
      case 'lessons':
        section = this.categorySection({ ...base, name, categories: [] }, lines, LESSON_NAMES);
        break;
      case 'actions':
        section = this.actionsSection({ ...base, name, items: [] }, lines);
        break;
      case 'followup':
        section = this.followupSection({ ...base, name, notes: [] }, lines);
        break;
      default:
        section = { ...base, name: 'unknown' } as UnknownSection;
    }
    doc.sections.push(section);
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
  private continueEntry(entry: Entry, line: Line): boolean {
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

  private bulletWidth(bullet: BulletSpan): number {
    const lineStart = this.index.lineStarts[this.index.lineOf(bullet.startOffset)];
    return visualWidth(this.index.text.slice(lineStart, bullet.startOffset));
  }

  private stray(section: { stray: StrayLine[] }, line: Line, kind: StrayLine['kind']) {
    section.stray.push({ kind, key: line.key, text: this.contentOf(line).text, range: this.index.range(line.contentStart, line.end) });
  }

  /**
   * A key line that is not a key here: text when it continues a deeper-indented entry, else a
   * stray key. The entry then moves to what following lines attach to; for a stray key that is a
   * throwaway, so the bullets under a misspelt key are not each reported again.
   */
  private unknownKeyLine(section: { stray: StrayLine[] }, entry: Entry, line: Line): void {
    if (entry.node && entry.keysContinue && line.width > entry.width) {
      this.continueEntry(entry, { ...line, key: undefined, bullet: undefined, text: undefined });
      return;
    }
    this.stray(section, line, 'unknown-key');
    entry.moveTo(new DiscardedEntry(this.index, line.start, line.end), line.width);
  }

  private textSection(section: TextSection, lines: RawLine[], inline: TextPartSpan | undefined): TextSection {
    // A node of its own: the header's inline text stays as written while lines below extend this.
    let text = inline && this.textNode(inline);
    for (const raw of lines) {
      const part = this.contentOf(this.line(raw));
      if (text) text.append(part);
      else text = this.textNode(part);
    }
    section.text = text;
    return section;
  }

  private incidentSection(section: FieldSection, lines: RawLine[]): FieldSection {
    const fields: FieldSpan[] = [];
    const entry = new Entry();
    for (const raw of lines) {
      const line = this.line(raw);
      if (line.key && INCIDENT_FIELD_NAMES.has(line.key.name)) {
        const field = this.field(line);
        fields.push(field);
        entry.moveTo(field, line.width);
      } else if (line.key) {
        this.unknownKeyLine(section, entry, line);
      } else if (!this.continueEntry(entry, line)) {
        this.stray(section, line, 'no-item');
      }
    }
    for (const field of fields) {
      if (TIMESTAMP_FIELDS.includes(field.key.name) && field.value) field.timestamp = this.timestamp(field.value.parts[0]);
    }
    section.fields = fields;
    return section;
  }

  private field(line: Line): FieldSpan {
    return new FieldSpan(this.index, line.keyToken!.startOffset, line.end, line.key!, line.text);
  }

  private timelineSection(section: TimelineSection, lines: RawLine[]): TimelineSection {
    const entry = new Entry();
    for (const raw of lines) {
      const line = this.line(raw);
      if (!line.bullet && scanTimestamp(this.index.text, line.contentStart, this.scan)) {
        const timestamp = new TimestampSpan(this.index, this.scan);
        const event = new TimelineEventSpan(this.index, line.end, timestamp, this.text(timestamp.endOffset, line.end));
        section.events.push(event);
        entry.moveTo(event, line.width);
      } else if (!(entry.node && (line.width > entry.width || line.bullet) && this.continueEntry(entry, line))) {
        this.stray(section, line, 'no-timestamp');
      }
    }
    return section;
  }

  private whysSection(section: WhysSection, lines: RawLine[]): WhysSection {
    const entry = new Entry();
    for (const raw of lines) {
      const line = this.line(raw);
      const name = line.key?.name;
      const whyMatch = name ? WHY_KEY.exec(name) : null;
      if (whyMatch) {
        const key = line.key!;
        const number = whyMatch[1] !== undefined ? +whyMatch[1] : undefined;
        const why = new WhySpan(this.index, line.keyToken!.startOffset, line.end, key, number, line.text);
        if (whyMatch[1] !== undefined) {
          const start = key.startOffset + key.raw.search(/\d/);
          why.numberRange = this.index.range(start, start + whyMatch[1].length);
        }
        section.whys.push(why);
        section.entries.push(why);
        entry.moveTo(why, line.width);
      } else if (name === 'symptom' || name === 'root cause') {
        const field = this.field(line);
        if (name === 'symptom') section.symptom ??= field;
        else section.rootCause ??= field;
        section.entries.push(field);
        entry.moveTo(field, line.width);
      } else if (line.key) {
        this.unknownKeyLine(section, entry, line);
      } else if (!this.continueEntry(entry, line)) {
        this.stray(section, line, 'no-item');
      }
    }
    return section;
  }

  private categorySection(section: CategorySection, lines: RawLine[], names: Set<string>): CategorySection {
    const entry = new Entry();
    for (const raw of lines) {
      const line = this.line(raw);
      if (line.key && names.has(line.key.name)) {
        const category = new CategorySpan(this.index, line.keyToken!.startOffset, line.end, line.key, line.text);
        section.categories.push(category);
        entry.moveTo(category, line.width, false);
      } else if (line.key) {
        this.unknownKeyLine(section, entry, line);
      } else if (!this.continueEntry(entry, line)) {
        this.stray(section, line, 'no-category');
      }
    }
    return section;
  }

  private actionsSection(section: ActionsSection, lines: RawLine[]): ActionsSection {
    let item: ActionItemSpan | undefined;
    const entry = new Entry();
    let itemWidth = -1;
    for (const raw of lines) {
      const line = this.line(raw);
      if (line.key && ACTION_ID.test(line.key.raw)) {
        item = new ActionItemSpan(this.index, line.keyToken!.startOffset, line.end, line.key, line.text);
        itemWidth = line.width;
        section.items.push(item);
        entry.moveTo(item, line.width, false);
      } else if (line.key && ACTION_FIELD_NAMES.has(line.key.name) && item) {
        const field = this.field(line);
        item.fields.push(field);
        entry.moveTo(field, line.width, true, item);
        item.extendTo(field.endOffset);
        if (field.key.name === 'due' && field.value) field.dateValue = this.dateValue(field.value.parts[0]);
      } else if (line.key) {
        this.unknownKeyLine(section, entry, line);
      } else if (!this.continueEntry(entry, line)) {
        this.stray(section, line, 'no-item');
      }
      if (item && entry.node && line.width > itemWidth) item.extendTo(line.end);
    }
    return section;
  }

  private followupSection(section: FollowupSection, lines: RawLine[]): FollowupSection {
    const entry = new Entry();
    for (const raw of lines) {
      const line = this.line(raw);
      const content = line.bullet ? '' : this.index.text.slice(line.contentStart, line.end);
      const parsed = line.bullet ? undefined : parseDate(content);
      if (parsed) {
        const start = line.contentStart;
        const date: DateNode = { raw: content.slice(0, parsed.length), date: parsed.date, invalidReason: parsed.invalidReason, range: this.index.range(start, start + parsed.length) };
        const note = new FollowupNoteSpan(this.index, start, line.end, date, this.text(start + parsed.length, line.end));
        section.notes.push(note);
        entry.moveTo(note, line.width);
      } else if (!(entry.node && (line.width > entry.width || line.bullet) && this.continueEntry(entry, line))) {
        this.stray(section, line, 'no-date');
      }
    }
    return section;
  }

  private dateValue(part: LinePart): DateNode {
    const parsed = parseDate(part.text);
    if (!parsed) return { raw: part.text, range: part.range, invalidReason: `“${part.text}” is not a date in the form YYYY-MM-DD` };
    const start = part.startOffset;
    const restStart = this.trimStart(start + parsed.length, part.endOffset);
    const rest = this.index.text.slice(restStart, this.trimEnd(restStart, part.endOffset));
    // Text after the date is part of what is wrong, so the range covers it too.
    const range = rest && !parsed.invalidReason ? part.range : this.index.range(start, start + parsed.length);
    return { raw: part.text.slice(0, parsed.length), date: parsed.date, range, invalidReason: parsed.invalidReason ?? (rest ? `unexpected “${rest}” after the date` : undefined) };
  }

  private timestamp(part: LinePart): TimestampSpan {
    if (scanTimestamp(this.index.text, part.startOffset, this.scan)) return new TimestampSpan(this.index, this.scan);
    // Not a timestamp: the whole value is what is wrong, with no zone at its end.
    const invalid = new TimestampScan();
    invalid.prefixStart = invalid.start = invalid.timeStart = part.startOffset;
    invalid.end = invalid.timeEnd = invalid.zoneStart = invalid.zoneEnd = part.endOffset;
    invalid.invalidReason = `“${part.text}” is not a timestamp such as 2025-02-14 14:30 UTC`;
    return new TimestampSpan(this.index, invalid);
  }

  /**
   * Gives every time alone the date of the timestamp before it in its section (or the date
   * `started` gives), then computes UTC instants. A time without a zone counts as UTC here,
   * which is what its quick fix will make it; an ambiguous zone has no instant.
   */
  private resolveDates(doc: PostmortemDocument) {
    const incident = doc.sections.find((s): s is FieldSection => s.name === 'incident');
    const started = (incident && fieldNamed(incident.fields, 'started'))?.timestamp;
    const startedDate = started && !started.invalidReason ? started.date : undefined;
    const resolveAll = (stamps: TimestampSpan[]) => {
      let previous: CalendarDate | undefined = startedDate;
      for (const stamp of stamps) {
        if (stamp.date && !stamp.invalidReason) previous = stamp.date;
        stamp.effectiveDate = stamp.date ?? previous;
        if (!stamp.invalidReason && stamp.effectiveDate) placeInUtc(stamp, stamp.effectiveDate);
      }
    };
    for (const section of doc.sections) {
      if (section.name === 'incident') {
        const stamps = section.fields.map((f) => f.timestamp).filter((t): t is TimestampSpan => !!t);
        // `started` dates the section even when written below a time alone.
        resolveAll(stamps);
      } else if (section.name === 'timeline') {
        resolveAll(section.events.map((e) => e.timestamp as TimestampSpan));
      }
    }
  }
}

/**
 * Gives a timestamp on a known date its UTC instant. A time without a zone counts as UTC, which
 * is what its quick fix will make it; an ambiguous or unknown zone has no instant. A region zone
 * takes the offset in force at that moment; a wall time a daylight-saving switch skipped is
 * invalid, and one it repeated is left without an instant rather than silently given either.
 */
export function placeInUtc(stamp: TimestampSpan, date: CalendarDate): void {
  const zone = stamp.zone;
  if (zone.kind === 'region' && zone.region) {
    const local = resolveLocalTime(zone.region, date, stamp.hour, stamp.minute, stamp.second ?? 0);
    if (local.kind === 'exact') {
      zone.offsetMinutes = local.offsetMinutes;
      stamp.instant = local.instant;
      return;
    }
    stamp.localTimeProblem = local;
    if (local.kind === 'gap') {
      stamp.invalidReason = `${formatDate(date)} ${pad2(stamp.hour)}:${pad2(stamp.minute)} did not happen in ${zone.region}: the clocks went from ${formatOffset(local.before)} to ${formatOffset(local.after)} and skipped it`;
    }
    return;
  }
  const offset = zone.kind === 'none' ? 0 : zone.offsetMinutes;
  if (offset !== undefined) stamp.instant = toInstant(date, stamp.hour, stamp.minute, stamp.second ?? 0, offset);
}
