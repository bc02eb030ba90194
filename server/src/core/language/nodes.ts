import type {
  ActionItemNode, BulletNode, CalendarDate, RangeEnd, CategoryNode, DateNode, FieldNode, FollowupNoteNode, KeyNode, LocalTimeProblem, Range, TextNode,
  TextPart, TimelineEventNode, TimestampNode, WhyNode, ZoneKind, ZoneNode,
} from './ast';
import type { LineIndex } from './lineIndex';
import type { TimestampScan } from './time';

/**
 * Where a node stands in the text, as two offsets; its LSP range is made the first time someone
 * asks. A large document has tens of thousands of nodes and rules read the ranges of the few they
 * report: three objects per range on every node were most of what the collector had to copy,
 * which is what made analysis time grow faster than the document.
 */
export class Span {
  private cachedRange: Range | undefined = undefined;

  constructor(
    protected readonly index: LineIndex,
    public startOffset: number,
    public endOffset: number,
  ) {}

  get range(): Range {
    return (this.cachedRange ??= this.index.range(this.startOffset, this.endOffset));
  }

  /** Moves the end out to `endOffset` when that lies further. */
  extendTo(endOffset: number): void {
    if (endOffset <= this.endOffset) return;
    this.endOffset = endOffset;
    this.cachedRange = undefined;
  }
}

export class KeySpan extends Span implements KeyNode {
  constructor(index: LineIndex, startOffset: number, endOffset: number, readonly raw: string, readonly name: string) {
    super(index, startOffset, endOffset);
  }
}

/** One line's piece of a text: a part, or a one-line text node standing as its own part. */
export type LinePart = Span & TextPart;

export class TextPartSpan extends Span implements TextPart {
  constructor(index: LineIndex, startOffset: number, endOffset: number, readonly text: string) {
    super(index, startOffset, endOffset);
  }
}

/**
 * Text that may run over continuation lines. While it has one line, which most text has, the
 * node is its own part: one object where a node, a part and an array would be three.
 */
export class TextSpan extends Span implements TextNode, TextPart {
  text: string;
  private lineParts: TextPartSpan[] | undefined = undefined;

  constructor(index: LineIndex, startOffset: number, endOffset: number, text: string) {
    super(index, startOffset, endOffset);
    this.text = text;
  }

  get parts(): LinePart[] {
    return this.lineParts ?? [this];
  }

  /** Whether the text has no continuation line, so the node is its only part. */
  get isOneLine(): boolean {
    return this.lineParts === undefined;
  }

  /** A continuation line: its words join with one space. */
  append(part: TextPartSpan): void {
    this.lineParts ??= [new TextPartSpan(this.index, this.startOffset, this.endOffset, this.text)];
    this.lineParts.push(part);
    this.text = `${this.text} ${part.text}`;
    this.extendTo(part.endOffset);
  }
}

/** `text` with `part` appended, or a new text when there was none. */
function withPart(index: LineIndex, text: TextSpan | undefined, part: TextPartSpan): TextSpan {
  if (!text) return new TextSpan(index, part.startOffset, part.endOffset, part.text);
  text.append(part);
  return text;
}

/**
 * A node that the lines below it continue: their text joins its text, their bullets its bullets,
 * and its end moves out over them.
 */
export interface ContinuedNode extends Span {
  bullets: BulletNode[];
  appendText(part: TextPartSpan): void;
}

export class BulletSpan extends Span implements BulletNode {
  constructor(index: LineIndex, startOffset: number, endOffset: number, readonly text: TextSpan) {
    super(index, startOffset, endOffset);
  }
}

export class ZoneSpan extends Span implements ZoneNode {
  constructor(
    index: LineIndex,
    startOffset: number,
    endOffset: number,
    readonly kind: ZoneKind,
    readonly raw: string,
    public offsetMinutes: number | undefined,
    readonly ambiguous: boolean | undefined,
    readonly region: string | undefined,
  ) {
    super(index, startOffset, endOffset);
  }
}

export class TimestampSpan extends Span implements TimestampNode {
  readonly date: CalendarDate | undefined;
  effectiveDate: CalendarDate | undefined = undefined;
  readonly hour: number;
  readonly minute: number;
  readonly second: number | undefined;
  readonly isoSeparator: boolean;
  readonly twelveHour: boolean;
  readonly approximate: boolean;
  readonly innerMarker: string;
  readonly rangeEnd: RangeEnd | undefined;
  instant: number | undefined = undefined;
  awaitsZoneOf: TimestampNode | undefined = undefined;
  invalidReason: string | undefined;
  localTimeProblem: LocalTimeProblem | undefined = undefined;
  readonly zone: ZoneSpan;
  /** Where the approximate marker starts; the start of the timestamp when there is none. */
  readonly prefixStart: number;
  private readonly dateEnd: number | undefined;
  private readonly timeStart: number;
  private readonly timeEnd: number;

  /** `scan` read this timestamp from the document's text. */
  constructor(index: LineIndex, scan: TimestampScan) {
    super(index, scan.start, scan.end);
    this.date = scan.date;
    this.hour = scan.hour;
    this.minute = scan.minute;
    this.second = scan.second;
    this.isoSeparator = scan.isoSeparator;
    this.twelveHour = scan.twelveHour;
    this.approximate = scan.approximate;
    this.innerMarker = scan.innerMarker;
    this.rangeEnd = scan.rangeEndStart < 0 ? undefined : { hour: scan.rangeEndHour, minute: scan.rangeEndMinute, second: scan.rangeEndSecond, connector: scan.rangeConnector };
    this.prefixStart = scan.prefixStart;
    this.invalidReason = scan.invalidReason;
    this.dateEnd = scan.dateEnd < 0 ? undefined : scan.dateEnd;
    this.timeStart = scan.timeStart;
    this.timeEnd = scan.timeEnd;
    this.zone = new ZoneSpan(index, scan.zoneStart, scan.zoneEnd, scan.zoneKind, scan.zoneRaw, scan.zoneOffsetMinutes, scan.zoneAmbiguous, scan.zoneRegion);
  }

  get raw(): string {
    return this.index.text.slice(this.startOffset, this.endOffset);
  }

  get dateRange(): Range | undefined {
    return this.dateEnd === undefined ? undefined : this.index.range(this.startOffset, this.dateEnd);
  }

  get timeRange(): Range {
    return this.index.range(this.timeStart, this.timeEnd);
  }

  get approximateRange(): Range | undefined {
    return this.approximate ? this.index.range(this.prefixStart, this.startOffset) : undefined;
  }
}

/** A key with its text and bullets: a field, a why, a category. The lines below continue its value. */
abstract class KeyedSpan extends Span implements ContinuedNode {
  readonly bullets: BulletNode[] = [];

  constructor(index: LineIndex, startOffset: number, endOffset: number, readonly key: KeyNode, public value: TextSpan | undefined) {
    super(index, startOffset, endOffset);
  }

  appendText(part: TextPartSpan): void {
    this.value = withPart(this.index, this.value, part);
  }
}

export class FieldSpan extends KeyedSpan implements FieldNode {
  timestamp: TimestampNode | undefined = undefined;
  dateValue: DateNode | undefined = undefined;
}

export class TimelineEventSpan extends Span implements ContinuedNode, TimelineEventNode {
  readonly bullets: BulletNode[] = [];

  constructor(index: LineIndex, endOffset: number, readonly timestamp: TimestampSpan, public text: TextSpan | undefined) {
    super(index, timestamp.prefixStart, endOffset);
  }

  appendText(part: TextPartSpan): void {
    this.text = withPart(this.index, this.text, part);
  }
}

export class WhySpan extends KeyedSpan implements WhyNode {
  numberRange: Range | undefined = undefined;

  constructor(index: LineIndex, startOffset: number, endOffset: number, key: KeyNode, readonly number: number | undefined, value: TextSpan | undefined) {
    super(index, startOffset, endOffset, key, value);
  }
}

export class CategorySpan extends KeyedSpan implements CategoryNode {}

export class ActionItemSpan extends Span implements ContinuedNode, ActionItemNode {
  readonly bullets: BulletNode[] = [];
  readonly fields: FieldNode[] = [];
  readonly id: string;

  constructor(index: LineIndex, startOffset: number, endOffset: number, private readonly key: KeyNode, public title: TextSpan | undefined) {
    super(index, startOffset, endOffset);
    this.id = key.raw;
  }

  get idRange(): Range {
    return this.key.range;
  }

  appendText(part: TextPartSpan): void {
    this.title = withPart(this.index, this.title, part);
  }
}

export class FollowupNoteSpan extends Span implements ContinuedNode, FollowupNoteNode {
  readonly bullets: BulletNode[] = [];

  constructor(index: LineIndex, startOffset: number, endOffset: number, readonly date: DateNode, public text: TextSpan | undefined) {
    super(index, startOffset, endOffset);
  }

  appendText(part: TextPartSpan): void {
    this.text = withPart(this.index, this.text, part);
  }
}
