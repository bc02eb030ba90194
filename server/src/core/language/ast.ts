import type { Range } from 'vscode-languageserver-types';

export type { Range };

/** Every node knows the exact text range it came from, in LSP coordinates. */
export interface AstNode {
  range: Range;
}

/** A key as written (`Started:`), with its canonical lower-case name (`started`). */
export interface KeyNode extends AstNode {
  name: string;
  raw: string;
}

/** A run of text, trimmed, possibly continued on following more-indented lines. */
export interface TextNode extends AstNode {
  /** The text with continuation lines joined by single spaces. */
  text: string;
  /** One entry per source line that contributes to the text. */
  parts: TextPart[];
}

export interface TextPart extends AstNode {
  text: string;
}

/**
 * `region`: an IANA name or a generic region name (`PT`, `Eastern`), whose offset depends on the
 * date; `unknown`: a zone-shaped word (`PTZ`) that names no zone the tools know.
 */
export type ZoneKind = 'utc' | 'offset' | 'abbreviation' | 'region' | 'unknown' | 'none';

export interface ZoneNode extends AstNode {
  kind: ZoneKind;
  raw: string;
  /** Minutes east of UTC; undefined for an ambiguous abbreviation or no zone. */
  offsetMinutes?: number;
  /** Set for abbreviations with more than one common meaning (no automatic conversion). */
  ambiguous?: boolean;
  /** The IANA zone of a `region` zone; its offset is the one in force at the timestamp. */
  region?: string;
}

/** Why a wall-clock time in a region zone names no single instant. */
export type LocalTimeProblem =
  /** The clocks skipped it (spring forward): `before`/`after` are the offsets either side. */
  | { kind: 'gap'; before: number; after: number }
  /** The clocks showed it twice (fall back): both readings, earlier first. */
  | { kind: 'ambiguous'; instants: [number, number]; offsets: [number, number] };

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** The second time of a range (`14:20 - 14:25 UTC`), on the clock and in the zone of the first. */
export interface RangeEnd {
  hour: number;
  minute: number;
  second?: number;
  /** What stands between the two times as written: ` - `, `–`, ` to `. */
  connector: string;
}

export interface TimestampNode extends AstNode {
  raw: string;
  /** The date as written; undefined for a time alone. */
  date?: CalendarDate;
  dateRange?: Range;
  /** The date the timestamp falls on once a time alone has borrowed one. */
  effectiveDate?: CalendarDate;
  hour: number;
  minute: number;
  second?: number;
  /** The time, or both times of a range. */
  timeRange: Range;
  /** A range's second time; the timestamp itself is placed at the first. */
  rangeEnd?: RangeEnd;
  /** `T` between date and time (ISO form) rather than a space. */
  isoSeparator: boolean;
  /** Written on the 12-hour clock (`9:37AM`); `hour` is already 0–23. */
  twelveHour: boolean;
  /** Marked as known only roughly (`~23:25 UTC`, `about 14:30 UTC`). */
  approximate: boolean;
  /** The approximate marker before the timestamp, when there is one; `range` starts after it. */
  approximateRange?: Range;
  /** A marker written between the date and the time (`2017-01-31 ~23:25`), which fixes keep; '' for none. */
  innerMarker: string;
  zone: ZoneNode;
  /** Set when a region zone's wall-clock time was skipped or repeated by a daylight-saving switch. */
  localTimeProblem?: LocalTimeProblem;
  /** Milliseconds since the epoch in UTC; undefined when the date or zone is unknown or invalid. */
  instant?: number;
  /**
   * For a time written without a zone below one written in another zone in its section
   * (`1:37 PM PDT`, then `1:45 PM`): that timestamp. Which zone the time is in only the authors
   * know, so it has no instant until its zone is written (PM010 offers both readings).
   */
  awaitsZoneOf?: TimestampNode;
  /** Why the date or time is impossible (`2025-02-30`, `25:61`), if it is. */
  invalidReason?: string;
}

export interface DateNode extends AstNode {
  raw: string;
  date?: CalendarDate;
  invalidReason?: string;
}

export interface BulletNode extends AstNode {
  text: TextNode;
}

export interface FieldNode extends AstNode {
  key: KeyNode;
  /** Undefined when nothing follows the key. */
  value?: TextNode;
  bullets: BulletNode[];
  /** Set for fields whose value is a timestamp. */
  timestamp?: TimestampNode;
  /** Set for fields whose value is a calendar date. */
  dateValue?: DateNode;
}

export interface TimelineEventNode extends AstNode {
  timestamp: TimestampNode;
  text?: TextNode;
  bullets: BulletNode[];
}

export interface WhyNode extends AstNode {
  key: KeyNode;
  /** The number written after `why`; undefined for `why:` alone. */
  number?: number;
  numberRange?: Range;
  value?: TextNode;
  bullets: BulletNode[];
}

export interface CategoryNode extends AstNode {
  key: KeyNode;
  bullets: BulletNode[];
  /** Text written on the category line itself, if any. */
  value?: TextNode;
}

export interface ActionItemNode extends AstNode {
  id: string;
  idRange: Range;
  title?: TextNode;
  fields: FieldNode[];
  bullets: BulletNode[];
}

export interface FollowupNoteNode extends AstNode {
  date: DateNode;
  text?: TextNode;
  bullets: BulletNode[];
}

export type SectionName =
  | 'summary'
  | 'incident'
  | 'timeline'
  | 'whys'
  | 'factors'
  | 'actions'
  | 'lessons'
  | 'followup'
  | 'notes';

/** A line that does not fit where it stands; rules report these. */
export interface StrayLine extends AstNode {
  kind: 'unknown-key' | 'no-timestamp' | 'no-category' | 'no-date' | 'no-item';
  key?: KeyNode;
  text: string;
}

interface SectionBase extends AstNode {
  header: KeyNode;
  /** The whole header line, for edits that insert after it. */
  headerLineRange: Range;
  /** Text written on the header line after the colon. */
  inlineText?: TextNode;
  stray: StrayLine[];
}

export interface TextSection extends SectionBase {
  name: 'summary' | 'notes';
  text?: TextNode;
}

export interface FieldSection extends SectionBase {
  name: 'incident';
  fields: FieldNode[];
}

export interface TimelineSection extends SectionBase {
  name: 'timeline';
  events: TimelineEventNode[];
}

export interface WhysSection extends SectionBase {
  name: 'whys';
  symptom?: FieldNode;
  whys: WhyNode[];
  rootCause?: FieldNode;
  /** Every keyed entry in source order, including symptom and root cause. */
  entries: (FieldNode | WhyNode)[];
}

export interface CategorySection extends SectionBase {
  name: 'factors' | 'lessons';
  categories: CategoryNode[];
}

export interface ActionsSection extends SectionBase {
  name: 'actions';
  items: ActionItemNode[];
}

export interface FollowupSection extends SectionBase {
  name: 'followup';
  notes: FollowupNoteNode[];
}

export interface UnknownSection extends SectionBase {
  name: 'unknown';
}

export type SectionNode =
  | TextSection
  | FieldSection
  | TimelineSection
  | WhysSection
  | CategorySection
  | ActionsSection
  | FollowupSection
  | UnknownSection;

/**
 * A line the line grammar could not fit, as data (PM001 words the message): `not-a-header` is
 * a line at column 0 that is neither a section header nor a header field, `no-header-above` an
 * indented line with no header above it. The range covers the line's content.
 */
export interface SyntaxErrorNode extends AstNode {
  kind: 'not-a-header' | 'no-header-above';
  /** The line, counted from 0 like every range. */
  line: number;
}

export interface PostmortemDocument extends AstNode {
  /** The `postmortem: TITLE` line. */
  title?: FieldNode;
  /** `id`, `date`, `authors`, `status`, and any unknown column-0 field. */
  headerFields: FieldNode[];
  sections: SectionNode[];
  syntaxErrors: SyntaxErrorNode[];
  comments: Range[];
  /** One entry per line: the offset where the line starts. */
  lineCount: number;
}
