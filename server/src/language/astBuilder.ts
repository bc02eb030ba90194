import type { IToken } from 'chevrotain';
import type { Position } from 'vscode-languageserver-types';
import type {
  ActionItemNode, ActionsSection, BulletNode, CalendarDate, CategoryNode, CategorySection, DateNode,
  FieldNode, FieldSection, FollowupSection, KeyNode, PostmortemDocument, Range, SectionNode, StrayLine,
  TextNode, TextPart, TextSection, TimelineSection, TimestampNode, UnknownSection, WhyNode, WhysSection,
} from './ast';
import { LineIndex } from './lineIndex';
import type { RawBlock, RawLine } from './parser';
import { parseLines } from './parser';
import { parseDate, parseTimestamp, toInstant } from './time';
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

/** A line with the parts that matter for deciding what it means. */
interface Line {
  number: number;
  /** Visual width of the indentation, tabs to the next multiple of four. */
  width: number;
  start: number;
  contentStart: number;
  end: number;
  key?: KeyNode;
  keyToken?: IToken;
  bullet?: IToken;
  /** Text after the key or bullet, trimmed. */
  text?: TextPart;
  /** The whole content of the line after the indentation, trimmed: see `contentOf`. */
  content?: TextPart;
}

/** Where the next continuation line goes. */
interface Entry {
  width: number;
  range: Range;
  appendText(part: TextPart): void;
  bullets: BulletNode[];
  /**
   * Whether a deeper-indented unknown key continues this entry's text. Not for action items and
   * categories, whose deeper lines are fields and bullets: there an unknown key is a typo.
   */
  keysContinue?: boolean;
}

function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

/** Only spaces and tabs are indentation and padding; other white space is text. */
const isBlank = (c: number) => c === 32 || c === 9;
function trimBlanksStart(s: string): string {
  let i = 0;
  while (i < s.length && isBlank(s.charCodeAt(i))) i++;
  return i ? s.slice(i) : s;
}
function trimBlanksEnd(s: string): string {
  let i = s.length;
  while (i > 0 && isBlank(s.charCodeAt(i - 1))) i--;
  return i < s.length ? s.slice(0, i) : s;
}
const trimBlanks = (s: string) => trimBlanksEnd(trimBlanksStart(s));

function visualWidth(indent: string): number {
  let width = 0;
  for (let i = 0; i < indent.length; i++) width = indent.charCodeAt(i) === 9 ? width + 4 - (width % 4) : width + 1;
  return width;
}

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
  constructor(private readonly index: LineIndex) {}

  private part(start: number, raw: string): TextPart | undefined {
    const leading = raw.length - trimBlanksStart(raw).length;
    const trimmed = trimBlanks(raw);
    if (!trimmed) return undefined;
    return { text: trimmed, range: this.index.range(start + leading, start + leading + trimmed.length) };
  }

  /** A node of one part shares that part's range until a continuation line extends it. */
  private textNode(part: TextPart): TextNode {
    return { text: part.text, parts: [part], range: part.range };
  }

  private keyNode(token: IToken): KeyNode {
    const raw = token.image.slice(0, -1).trimEnd();
    return { name: canonicalKey(raw), raw, range: this.index.range(token.startOffset, token.startOffset + raw.length) };
  }

  private line(raw: RawLine): Line {
    const start = raw.indent.startOffset;
    const last = raw.text ?? raw.key ?? raw.bullet ?? raw.indent;
    const head = raw.key ?? raw.bullet;
    return {
      number: this.index.lineOf(start),
      width: visualWidth(raw.indent.image),
      start,
      // The indentation token takes every leading blank, so the content starts right after it.
      contentStart: tokenEnd(raw.indent),
      end: tokenEnd(last),
      key: raw.key ? this.keyNode(raw.key) : undefined,
      keyToken: raw.key,
      bullet: raw.bullet,
      text: head && raw.text ? this.part(raw.text.startOffset, raw.text.image) : undefined,
    };
  }

  /** The whole content of a line as text; made on first use, since most lines never need it. */
  private contentOf(line: Line): TextPart {
    return (line.content ??= this.part(line.contentStart, this.index.text.slice(line.contentStart, line.end))!);
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
    const raw = this.index.lineText(line);
    const leading = raw.length - trimBlanksStart(raw).length;
    const range = this.index.range(start + leading, start + Math.max(leading, trimBlanksEnd(raw).length));
    const message =
      leading === 0
        ? `Line ${line + 1} stands at column 0 but is not a section header or header field: indent it under a section, or make it a header such as \`timeline:\`.`
        : `Line ${line + 1} is indented but no section header stands above it: start the document with \`postmortem: TITLE\` and put this line under a section.`;
    doc.syntaxErrors.push({ range, message });
  }

  private blockRange(block: RawBlock): Range {
    const last = block.lines[block.lines.length - 1];
    const end = last ? tokenEnd(last.text ?? last.key ?? last.bullet ?? last.indent) : tokenEnd(block.text ?? block.key);
    return this.index.range(block.key.startOffset, end);
  }

  /**
   * The block's lines, each made when its section builder reaches it: a line's details are
   * garbage once it is read, and short-lived objects are what the collector handles cheaply.
   */
  private *lines(block: RawBlock): Iterable<Line> {
    for (const raw of block.lines) yield this.line(raw);
  }

  private block(doc: PostmortemDocument, block: RawBlock) {
    const key = this.keyNode(block.key);
    const lines = this.lines(block);
    const inline = block.text ? this.part(block.text.startOffset, block.text.image) : undefined;
    const range = this.blockRange(block);
    const headerEnd = tokenEnd(block.text ?? block.key);
    const headerLineRange = this.index.range(block.key.startOffset, headerEnd);

    if (HEADER_FIELD_NAMES.has(key.name)) {
      const field: FieldNode = { key, value: inline && this.textNode(inline), bullets: [], range };
      const entry = this.fieldEntry(field, -1);
      for (const line of lines) this.continueEntry(entry, line);
      if (key.name === 'date' && field.value) field.dateValue = this.dateValue(field.value);
      if (key.name === 'postmortem' && !doc.title) doc.title = field;
      else doc.headerFields.push(field);
      return;
    }
    const base = { header: key, headerLineRange, range, stray: [] as StrayLine[], inlineText: inline && this.textNode(inline) };
    const name = SECTION_NAMES.find((s) => s === key.name);
    let section: SectionNode;
    switch (name) {
      case 'summary':
      case 'notes':
        section = this.textSection({ ...base, name }, lines);
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

  /** Moves a range's end out to another's; positions are never mutated, so they can be shared. */
  private extend(range: Range, to: Range) {
    if (to.end.line > range.end.line || (to.end.line === range.end.line && to.end.character > range.end.character)) {
      range.end = to.end;
    }
  }

  private appendPart(node: TextNode, part: TextPart) {
    if (node.range === node.parts[0].range) node.range = { start: node.range.start, end: node.range.end };
    node.parts.push(part);
    node.text = `${node.text} ${part.text}`;
    this.extend(node.range, part.range);
  }

  private fieldEntry(field: FieldNode, width: number): Entry {
    return {
      width,
      range: field.range,
      bullets: field.bullets,
      appendText: (part) => (field.value ? this.appendPart(field.value, part) : (field.value = this.textNode(part))),
    };
  }

  private bulletNode(line: Line): BulletNode | undefined {
    const start = line.bullet!.startOffset;
    const text = line.text ?? { text: '', range: this.index.range(tokenEnd(line.bullet!), tokenEnd(line.bullet!)) };
    return { text: this.textNode(text), range: this.index.range(start, line.end) };
  }

  /**
   * Attaches a line that starts no entry of its own to the entry above: a bullet joins its
   * bullets, text continues its last bullet or its value. Returns false with nothing to attach to.
   */
  private continueEntry(entry: Entry | undefined, line: Line): boolean {
    if (!entry) return false;
    const lineRange = this.index.range(line.start, line.end);
    if (line.bullet) {
      entry.bullets.push(this.bulletNode(line)!);
    } else {
      const lastBullet = entry.bullets[entry.bullets.length - 1];
      if (lastBullet && line.width > this.bulletWidth(lastBullet)) this.appendPart(lastBullet.text, this.contentOf(line));
      else entry.appendText(this.contentOf(line));
      if (lastBullet) this.extend(lastBullet.range, lineRange);
    }
    this.extend(entry.range, lineRange);
    return true;
  }

  private bulletWidth(bullet: BulletNode): number {
    return visualWidth(this.index.lineText(bullet.range.start.line).slice(0, bullet.range.start.character));
  }

  private stray(section: { stray: StrayLine[] }, line: Line, kind: StrayLine['kind']) {
    section.stray.push({ kind, key: line.key, text: this.contentOf(line).text, range: this.index.range(line.contentStart, line.end) });
  }

  /**
   * A key line that is not a key here: text when it continues a deeper-indented entry, else a
   * stray key. Returns the entry that following lines attach to; for a stray key that is a
   * throwaway, so the bullets under a misspelt key are not each reported again.
   */
  private unknownKeyLine(section: { stray: StrayLine[] }, entry: Entry | undefined, line: Line): Entry {
    if (entry && entry.keysContinue !== false && line.width > entry.width) {
      this.continueEntry(entry, { ...line, key: undefined, bullet: undefined, text: undefined });
      return entry;
    }
    this.stray(section, line, 'unknown-key');
    return { width: line.width, range: this.index.range(line.start, line.end), bullets: [], appendText: () => undefined };
  }

  private textSection(section: TextSection, lines: Iterable<Line>): TextSection {
    if (section.inlineText) section.text = this.textNode(section.inlineText.parts[0]);
    for (const line of lines) {
      if (section.text) this.appendPart(section.text, this.contentOf(line));
      else section.text = this.textNode(this.contentOf(line));
    }
    return section;
  }

  private incidentSection(section: FieldSection, lines: Iterable<Line>): FieldSection {
    let entry: Entry | undefined;
    for (const line of lines) {
      if (line.key && INCIDENT_FIELD_NAMES.has(line.key.name)) {
        const field = this.field(line);
        section.fields.push(field);
        entry = this.fieldEntry(field, line.width);
      } else if (line.key) {
        entry = this.unknownKeyLine(section, entry, line);
      } else if (!this.continueEntry(entry, line)) {
        this.stray(section, line, 'no-item');
      }
    }
    for (const field of section.fields) {
      if (TIMESTAMP_FIELDS.includes(field.key.name) && field.value) field.timestamp = this.timestamp(field.value.parts[0]);
    }
    return section;
  }

  private field(line: Line): FieldNode {
    return {
      key: line.key!,
      value: line.text && this.textNode(line.text),
      bullets: [],
      range: this.index.range(line.keyToken!.startOffset, line.end),
    };
  }

  private timelineSection(section: TimelineSection, lines: Iterable<Line>): TimelineSection {
    let entry: Entry | undefined;
    for (const line of lines) {
      const content = line.bullet ? '' : this.index.text.slice(line.contentStart, line.end);
      const parsed = line.bullet ? undefined : parseTimestamp(content);
      if (parsed) {
        const contentOffset = line.contentStart;
        const timestamp = this.timestampFrom(content, contentOffset, parsed);
        const rest = this.part(contentOffset + parsed.length, content.slice(parsed.length));
        const event = { timestamp, text: rest && this.textNode(rest), bullets: [], range: { start: timestamp.range.start, end: this.index.position(line.end) } };
        section.events.push(event);
        entry = {
          width: line.width,
          range: event.range,
          bullets: event.bullets,
          appendText: (part) => (event.text ? this.appendPart(event.text, part) : (event.text = this.textNode(part))),
        };
      } else if (!(entry && (line.width > entry.width || line.bullet) && this.continueEntry(entry, line))) {
        this.stray(section, line, 'no-timestamp');
      }
    }
    return section;
  }

  private whysSection(section: WhysSection, lines: Iterable<Line>): WhysSection {
    let entry: Entry | undefined;
    for (const line of lines) {
      const name = line.key?.name;
      const whyMatch = name ? WHY_KEY.exec(name) : null;
      if (whyMatch) {
        const why: WhyNode = {
          key: line.key!,
          number: whyMatch[1] !== undefined ? +whyMatch[1] : undefined,
          value: line.text && this.textNode(line.text),
          bullets: [],
          range: this.index.range(line.keyToken!.startOffset, line.end),
        };
        if (whyMatch[1] !== undefined) {
          const digits = line.key!.raw.search(/\d/);
          const start = this.index.offset(line.key!.range.start) + digits;
          why.numberRange = this.index.range(start, start + whyMatch[1].length);
        }
        section.whys.push(why);
        section.entries.push(why);
        entry = {
          width: line.width,
          range: why.range,
          bullets: why.bullets,
          appendText: (part) => (why.value ? this.appendPart(why.value, part) : (why.value = this.textNode(part))),
        };
      } else if (name === 'symptom' || name === 'root cause') {
        const field = this.field(line);
        if (name === 'symptom') section.symptom ??= field;
        else section.rootCause ??= field;
        section.entries.push(field);
        entry = this.fieldEntry(field, line.width);
      } else if (line.key) {
        entry = this.unknownKeyLine(section, entry, line);
      } else if (!this.continueEntry(entry, line)) {
        this.stray(section, line, 'no-item');
      }
    }
    return section;
  }

  private categorySection(section: CategorySection, lines: Iterable<Line>, names: Set<string>): CategorySection {
    let entry: Entry | undefined;
    for (const line of lines) {
      if (line.key && names.has(line.key.name)) {
        const category: CategoryNode = {
          key: line.key,
          bullets: [],
          value: line.text && this.textNode(line.text),
          range: this.index.range(line.keyToken!.startOffset, line.end),
        };
        section.categories.push(category);
        entry = {
          width: line.width,
          range: category.range,
          bullets: category.bullets,
          appendText: (part) => (category.value ? this.appendPart(category.value, part) : (category.value = this.textNode(part))),
          keysContinue: false,
        };
      } else if (line.key) {
        entry = this.unknownKeyLine(section, entry, line);
      } else if (!this.continueEntry(entry, line)) {
        this.stray(section, line, 'no-category');
      }
    }
    return section;
  }

  private actionsSection(section: ActionsSection, lines: Iterable<Line>): ActionsSection {
    let item: ActionItemNode | undefined;
    let entry: Entry | undefined;
    let itemWidth = -1;
    for (const line of lines) {
      if (line.key && ACTION_ID.test(line.key.raw)) {
        const newItem: ActionItemNode = {
          id: line.key.raw,
          idRange: line.key.range,
          title: line.text && this.textNode(line.text),
          fields: [],
          bullets: [],
          range: this.index.range(line.keyToken!.startOffset, line.end),
        };
        item = newItem;
        itemWidth = line.width;
        section.items.push(newItem);
        entry = {
          width: line.width,
          range: newItem.range,
          bullets: newItem.bullets,
          appendText: (part) => (newItem.title ? this.appendPart(newItem.title, part) : (newItem.title = this.textNode(part))),
          keysContinue: false,
        };
      } else if (line.key && ACTION_FIELD_NAMES.has(line.key.name) && item) {
        const field = this.field(line);
        item.fields.push(field);
        const owner = item;
        entry = this.fieldEntry(field, line.width);
        const extendItem = entry.appendText;
        entry.appendText = (part) => {
          extendItem(part);
          this.extend(owner.range, part.range);
        };
        this.extend(item.range, field.range);
        if (field.key.name === 'due' && field.value) field.dateValue = this.dateValue(field.value);
      } else if (line.key) {
        entry = this.unknownKeyLine(section, entry, line);
      } else if (!this.continueEntry(entry, line)) {
        this.stray(section, line, 'no-item');
      }
      if (item && entry && line.width > itemWidth) this.extend(item.range, { start: item.range.start, end: this.index.position(line.end) });
    }
    return section;
  }

  private followupSection(section: FollowupSection, lines: Iterable<Line>): FollowupSection {
    let entry: Entry | undefined;
    for (const line of lines) {
      const content = line.bullet ? '' : this.index.text.slice(line.contentStart, line.end);
      const parsed = line.bullet ? undefined : parseDate(content);
      if (parsed) {
        const start = line.contentStart;
        const date: DateNode = { raw: content.slice(0, parsed.length), date: parsed.date, invalidReason: parsed.invalidReason, range: this.index.range(start, start + parsed.length) };
        const rest = this.part(start + parsed.length, content.slice(parsed.length));
        const note = { date, text: rest && this.textNode(rest), bullets: [], range: this.index.range(start, line.end) };
        section.notes.push(note);
        entry = {
          width: line.width,
          range: note.range,
          bullets: note.bullets,
          appendText: (part) => (note.text ? this.appendPart(note.text, part) : (note.text = this.textNode(part))),
        };
      } else if (!(entry && (line.width > entry.width || line.bullet) && this.continueEntry(entry, line))) {
        this.stray(section, line, 'no-date');
      }
    }
    return section;
  }

  private dateValue(value: TextNode): DateNode {
    const part = value.parts[0];
    const parsed = parseDate(part.text);
    const start = this.index.offset(part.range.start);
    if (!parsed) return { raw: part.text, range: part.range, invalidReason: `“${part.text}” is not a date in the form YYYY-MM-DD` };
    const rest = trimBlanks(part.text.slice(parsed.length));
    // Text after the date is part of what is wrong, so the range covers it too.
    const range = rest && !parsed.invalidReason ? part.range : this.index.range(start, start + parsed.length);
    return { raw: part.text.slice(0, parsed.length), date: parsed.date, range, invalidReason: parsed.invalidReason ?? (rest ? `unexpected “${rest}” after the date` : undefined) };
  }

  private timestamp(part: TextPart): TimestampNode {
    const start = this.index.offset(part.range.start);
    const parsed = parseTimestamp(part.text);
    if (!parsed) {
      return {
        raw: part.text,
        range: part.range,
        hour: 0,
        minute: 0,
        timeRange: part.range,
        isoSeparator: false,
        zone: { kind: 'none', raw: '', range: { start: part.range.end, end: part.range.end } },
        invalidReason: `“${part.text}” is not a timestamp such as 2025-02-14 14:30 UTC`,
      };
    }
    return this.timestampFrom(part.text, start, parsed);
  }

  private timestampFrom(text: string, start: number, parsed: NonNullable<ReturnType<typeof parseTimestamp>>): TimestampNode {
    const zone = parsed.zone;
    // A timestamp lies on one line and its parts share their ends: one position per offset.
    const line = this.index.lineOf(start);
    const lineStart = this.index.lineStarts[line];
    const at = (offset: number): Position => ({ line, character: start + offset - lineStart });
    const first = at(0);
    const timeEnd = at(parsed.timeEnd);
    const last = parsed.length === parsed.timeEnd ? timeEnd : at(parsed.length);
    return {
      raw: text.slice(0, parsed.length),
      range: { start: first, end: last },
      date: parsed.date,
      dateRange: parsed.dateEnd !== undefined ? { start: first, end: at(parsed.dateEnd) } : undefined,
      hour: parsed.hour,
      minute: parsed.minute,
      second: parsed.second,
      timeRange: { start: parsed.timeStart === 0 ? first : at(parsed.timeStart), end: timeEnd },
      isoSeparator: parsed.isoSeparator,
      zone: {
        kind: zone.kind,
        raw: zone.raw,
        offsetMinutes: zone.kind === 'utc' ? 0 : zone.offsetMinutes,
        ambiguous: zone.ambiguous,
        range: { start: zone.start === parsed.timeEnd ? timeEnd : at(zone.start), end: zone.end === parsed.length ? last : at(zone.end) },
      },
      invalidReason: parsed.invalidReason,
    };
  }

  /**
   * Gives every time alone the date of the timestamp before it in its section (or the date
   * `started` gives), then computes UTC instants. A time without a zone counts as UTC here,
   * which is what its quick fix will make it; an ambiguous zone has no instant.
   */
  private resolveDates(doc: PostmortemDocument) {
    const incident = doc.sections.find((s): s is FieldSection => s.name === 'incident');
    const started = incident?.fields.find((f) => f.key.name === 'started')?.timestamp;
    const startedDate = started && !started.invalidReason ? started.date : undefined;
    const resolveAll = (stamps: TimestampNode[]) => {
      let previous: CalendarDate | undefined = startedDate;
      for (const stamp of stamps) {
        if (stamp.date && !stamp.invalidReason) previous = stamp.date;
        stamp.effectiveDate = stamp.date ?? previous;
        if (stamp.invalidReason || !stamp.effectiveDate) continue;
        const offset = stamp.zone.kind === 'none' ? 0 : stamp.zone.offsetMinutes;
        if (offset === undefined) continue;
        stamp.instant = toInstant(stamp.effectiveDate, stamp.hour, stamp.minute, stamp.second ?? 0, offset);
      }
    };
    for (const section of doc.sections) {
      if (section.name === 'incident') {
        const stamps = section.fields.map((f) => f.timestamp).filter((t): t is TimestampNode => !!t);
        // `started` dates the section even when written below a time alone.
        resolveAll(stamps);
      } else if (section.name === 'timeline') {
        resolveAll(section.events.map((e) => e.timestamp));
      }
    }
  }
}
