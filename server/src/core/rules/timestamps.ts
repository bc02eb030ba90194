import type { CalendarDate, PostmortemDocument, TimestampNode } from '../language/ast';
import { placeInUtc } from '../language/instants';
import type { LineIndex } from '../language/lineIndex';
import { type LinePart, TimestampSpan } from '../language/nodes';
import { TimestampScan, calendarDateOf, dateToEpochDay, formatUtc, rangeEndInstant, scanTimestamp } from '../language/time';
import { replace } from '../analysis/edits';
import type { Fix } from '../analysis/types';
import { forEachProsePart } from '../analysis/prose';
import type { RuleContext } from './rule';
import { fieldNamed, incidentField } from '../language/queries';
import { monthNumber } from '../import/importTimes';

/** The valid timestamps of each section that has them, in order: the incident's time fields, the timeline's events. */
function timestampsOf(ast: PostmortemDocument): TimestampNode[][] {
  const out: TimestampNode[][] = [];
  for (const section of ast.sections) {
    const stamps: TimestampNode[] = [];
    if (section.name === 'incident') {
      for (const field of section.fields) if (field.timestamp && !field.timestamp.invalidReason) stamps.push(field.timestamp);
    } else if (section.name === 'timeline') {
      for (const event of section.events) if (!event.timestamp.invalidReason) stamps.push(event.timestamp);
    } else {
      continue;
    }
    out.push(stamps);
  }
  return out;
}

/**
 * A time written in a zone other than UTC and the times below it in its section written with
 * no zone, up to the next time that has one (`1:37 PM PDT`, then `1:45 PM`, `2:00 PM`). Reports
 * often give the zone once; a draft may also mix zones. Which one the bare times are in only the
 * authors know, so neither PM010 nor PM011 fixes such a block on its own: each offers
 * `convertAll`, which reads the bare times in the zone above and converts the whole block.
 * Converting the zoned time alone would lose the zone the others may be in.
 */
export interface ZoneBlock {
  zoned: TimestampNode;
  bare: TimestampNode[];
  /** The bare times read in the zoned time's zone (undefined where that gives no instant). */
  readInZone: (TimestampNode | undefined)[];
  /** Every time of the block converted to UTC, the bare ones from the zone above; absent when one cannot be. */
  convertAll?: Fix;
}

function zoneBlocksOf(sections: TimestampNode[][], startedDate: CalendarDate | undefined, lines: LineIndex): ZoneBlock[] {
  const blocks: ZoneBlock[] = [];
  for (const stamps of sections) {
    const borrowed = datesBorrowedAfterFixes(stamps, startedDate);
    const blockOf = new Map<TimestampNode, ZoneBlock>();
    for (const stamp of stamps) {
      // resolveDates decided which zoned time each bare one waits on: the blocks follow it.
      const zoned = stamp.awaitsZoneOf;
      if (!zoned) continue;
      let block = blockOf.get(zoned);
      if (!block) {
        block = { zoned, bare: [], readInZone: [] };
        blockOf.set(zoned, block);
        blocks.push(block);
      }
      block.bare.push(stamp);
      block.readInZone.push(readInZone(lines, stamp, zoned.zone));
    }
    for (const block of blockOf.values()) block.convertAll = convertBlock(block, borrowed[stamps.indexOf(block.zoned)]);
  }
  return blocks;
}

/** The fix that converts a block: each time alone keeps its short form while its UTC date is the one above it. */
function convertBlock(block: ZoneBlock, borrowedBefore: CalendarDate | undefined): Fix | undefined {
  if (!isConvertible(block.zoned) || block.readInZone.some((read) => read === undefined)) return undefined;
  const edits = [utcConversion(block.zoned, borrowedBefore).edits[0]];
  let borrowed = calendarDateOf(block.zoned.instant!);
  for (const read of block.readInZone as TimestampNode[]) {
    edits.push(utcConversion(read, borrowed).edits[0]);
    borrowed = calendarDateOf(read.instant!);
  }
  const others = block.bare.length === 1 ? 'the time below it' : `the ${block.bare.length} times below it`;
  return { title: `Convert “${block.zoned.raw}” and ${others}, read in ${block.zoned.zone.raw}, to UTC`, edits };
}

/** The zone blocks of the analysed document, worked out once for PM010 and PM011. */
export function zoneBlocks(context: RuleContext): ZoneBlock[] {
  return context.shared(zoneBlocksOf, () => zoneBlocksOf(timestampsBySection(context), startedDateAfterFix(context.ast), context.lines));
}

/** `timestampsOf` the analysed document, worked out once for the rules that read it. */
export function timestampsBySection(context: RuleContext): TimestampNode[][] {
  return context.shared(timestampsOf, () => timestampsOf(context.ast));
}

const sameDay = (a: CalendarDate, b: CalendarDate | undefined) => b !== undefined && dateToEpochDay(a) === dateToEpochDay(b);

/** Zones a fix converts from: every kind but UTC, none and an unknown word. */
export const CONVERTIBLE_ZONES: readonly string[] = ['offset', 'abbreviation', 'region'];

/** Whether PM011's fix rewrites the timestamp into UTC from the zone written on it. */
export function isConvertible(stamp: TimestampNode): boolean {
  return CONVERTIBLE_ZONES.includes(stamp.zone.kind) && !stamp.zone.ambiguous && stamp.instant !== undefined;
}

/** The date a time alone below the timestamp takes once the timestamp's quick fix is made. */
function dateAfterFix(stamp: TimestampNode): CalendarDate | undefined {
  return isConvertible(stamp) ? calendarDateOf(stamp.instant!) : stamp.date;
}

/** The date `started` has once its fix is made: a time alone at the top of a section takes it. */
export function startedDateAfterFix(ast: PostmortemDocument): CalendarDate | undefined {
  const started = incidentField(ast, 'started')?.timestamp;
  return started && !started.invalidReason && started.date ? dateAfterFix(started) : undefined;
}

/** For each timestamp of a section, the date it would take as a time alone once every fix above it is made. */
export function datesBorrowedAfterFixes(stamps: readonly TimestampNode[], startedDate: CalendarDate | undefined): (CalendarDate | undefined)[] {
  let borrowed = startedDate;
  return stamps.map((stamp) => {
    const before = borrowed;
    borrowed = dateAfterFix(stamp) ?? borrowed;
    return before;
  });
}

/**
 * The timestamp read in a zone written elsewhere (the time above it), with its UTC instant in
 * that zone; undefined when that gives no instant (no date to borrow, an ambiguous zone).
 */
export function readInZone(lines: LineIndex, stamp: TimestampNode, zone: TimestampNode['zone']): TimestampNode | undefined {
  const date = stamp.effectiveDate;
  const scan = new TimestampScan();
  if (!date || zone.ambiguous || !scanTimestamp(lines.text, (stamp as TimestampSpan).prefixStart, scan)) return undefined;
  // A region's offset is the one in force on this timestamp's own date.
  scan.setZone(zone.kind, scan.timeEnd, scan.timeEnd, zone.raw, zone.kind === 'region' ? undefined : zone.offsetMinutes, zone.ambiguous, zone.region);
  const read = new TimestampSpan(lines, scan);
  read.effectiveDate = date;
  placeInUtc(read, date);
  return read.instant === undefined ? undefined : read;
}

/**
 * The fix that writes a timestamp in UTC from the zone it is read in. A time alone keeps its
 * short form only when, once every timestamp above it is in UTC too, the date it borrows is
 * still its UTC date; otherwise it gains a date.
 */
export function utcConversion(stamp: TimestampNode, borrowedAfterFixes: CalendarDate | undefined): Fix {
  const utcDate = calendarDateOf(stamp.instant!);
  const withDate = stamp.date !== undefined || !sameDay(utcDate, borrowedAfterFixes);
  const first = formatUtc(stamp.instant!, { iso: stamp.isoSeparator, withDate, withSeconds: stamp.second !== undefined });
  const end = rangeEndInstant(stamp);
  // A range keeps its connector and is marked UTC once, after its second time.
  const utc = end === undefined ? first : `${first.replace(/ UTC$/, '')}${stamp.rangeEnd!.connector}${formatUtc(end, { iso: false, withDate: false, withSeconds: stamp.rangeEnd!.second !== undefined })}`;
  // A marker between date and time (only a dated timestamp has one) stays there.
  const text = stamp.innerMarker ? utc.replace(' ', ` ${stamp.innerMarker}`) : utc;
  return { title: `Convert to UTC: ${text}`, edits: [replace(stamp.range, text)], isPreferred: true };
}

/** A time followed by something other than `UTC`/`Z` that may be a zone: capitals, a region name, a sign. */
const MAYBE_ZONED_TIME = /(?:\d:\d\d(?::\d\d)?(?:\.\d+)?[ \t]?(?:[AaPp]\.?[Mm]\.?)?|\d[ \t]?[AaPp]\.?[Mm]\.?(?![A-Za-z0-9]))[ \t]*\(?(?!(?:UTC|Z)(?![+\-\w]))(?:[A-Z]{2,5}(?![a-z])|[A-Z][a-z]+(?:\/|[ \t]+Time\b)|(?:Pacific|Mountain|Central|Eastern)\b|[+-]\d)/;

/** A time in running text, optionally after a date: `9:37AM`, `2017-02-28 17:37`, `11 AM`. */
const PROSE_TIME = /(?<![\d:.])(?:\d{4}-\d{1,2}-\d{1,2}[ T])?\d{1,2}(?::\d{2}|[ \t]?[AaPp]\.?[Mm]\.?(?![A-Za-z0-9]))/g;

/**
 * The start of a range right before an hour alone (`2-3 PM ET`, `between 2 and 3 PM ET`): the
 * first number is no time of its own, so converting the second alone would leave `2-22:00 UTC`.
 */
const HOUR_RANGE_START = /\d(?::\d\d)?[ \t]*(?:[AaPp]\.?[Mm]\.?)?[ \t]*(?:-|–|—|to|and|until|till|through|thru)[ \t]*$/;

/**
 * A zoned time in prose, and the zone-less time that opens its range when the authors wrote one
 * zone for two times: `between 2:05 PM and 3:40 PM Eastern`, `2:05–3:40 PM ET`.
 */
export interface ProseTimestamp {
  stamp: TimestampNode;
  /** The first time of the range, read in the same zone (and, when it has none, the same half of the day). */
  rangeStart?: TimestampNode;
}

/** A zone-less time right before a range word and the zoned time: `2:05 PM and `, `2:05–`. */
const RANGE_START = /(?<![\d:.])\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?[ \t]*(?:-|–|—|to|and|until|till|through|thru)[ \t]*$/;

/** A day named in running text: `October 29`, `Oct. 29th, 2021`, `29 October`, `2021-10-29`. Month names in capitals, so "may 2" is no date. */
const MONTH_NAME = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?';
const NAMED_DAY = new RegExp(
  `\\b(?:${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])(?:,?\\s+(\\d{4}))?|(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAME}(?:,?\\s+(\\d{4}))?|(\\d{4})-(\\d{1,2})-(\\d{1,2})(?![\\d:]))`,
  'g',
);

/** The end of a sentence: not the dot of `a.m.` or of a month cut short (`Oct. 29`). */
const SENTENCE_END = /(?<![AaPp]\.?[Mm]|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|ca))[.!?;](?=\s+[A-Z]|\s*$)/g;

/** Where the sentence around `at` starts and ends in `text`. */
function sentenceAround(text: string, at: number): [number, number] {
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    if (m.index >= at) return [start, m.index];
    start = m.index + 1;
  }
  return [start, text.length];
}

/**
 * The day the time's own sentence names nearest to it (`Around 11 AM PT on October 29`), the
 * year from `started` when it gives none; undefined when it names no day that exists.
 */
function namedDayNear(text: string, at: number, startedDate: CalendarDate | undefined): CalendarDate | undefined {
  const [start, end] = sentenceAround(text, at);
  const sentence = text.slice(start, end);
  let nearest: CalendarDate | undefined;
  let distance = Infinity;
  NAMED_DAY.lastIndex = 0;
  for (let m = NAMED_DAY.exec(sentence); m; m = NAMED_DAY.exec(sentence)) {
    const [, month1, day1, year1, day2, month2, year2, isoYear, isoMonth, isoDay] = m;
    const year = Number(isoYear ?? year1 ?? year2 ?? startedDate?.year);
    const month = isoMonth ? Number(isoMonth) : monthNumber(month1 ?? month2);
    const day = Number(isoDay ?? day1 ?? day2);
    const exists = Number.isInteger(year) && new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day && day >= 1;
    const away = Math.abs(start + m.index - at);
    if (exists && away < distance) {
      nearest = { year, month, day };
      distance = away;
    }
  }
  return nearest;
}

/**
 * Times written with an explicit zone other than UTC in the authors' prose (`At 9:37AM PST, …`).
 * A time alone takes the day its sentence names nearest to it (`at 5 PM PT on October 29`), else
 * the date of `started`. Offsets count only where they cannot be a range of
 * times (`10:00-12:00`): after `UTC`/`GMT` or on a full ISO date-time.
 */
export function proseTimestampsOf(ast: PostmortemDocument, lines: LineIndex): ProseTimestamp[] {
  const started = ast.sections.find((s) => s.name === 'incident');
  const startedStamp = started?.name === 'incident' ? fieldNamed(started.fields, 'started')?.timestamp : undefined;
  const startedDate: CalendarDate | undefined = startedStamp && !startedStamp.invalidReason ? startedStamp.date : undefined;
  const found: ProseTimestamp[] = [];
  const scan = new TimestampScan();
  forEachProsePart(ast, (_kind, part) => {
    // Most prose holds no time, and most times are written in UTC: one test rules a line out.
    if (!MAYBE_ZONED_TIME.test(part.text)) return;
    // Every part is a span of the document; its offset needs no LSP range.
    const base = (part as LinePart).startOffset;
    PROSE_TIME.lastIndex = 0;
    for (let m = PROSE_TIME.exec(part.text); m; m = PROSE_TIME.exec(part.text)) {
      if (!scanTimestamp(lines.text, base + m.index, scan)) continue;
      const kind = scan.zoneKind;
      const zoned = kind === 'abbreviation' || kind === 'region' || (kind === 'offset' && (/^(UTC|GMT)/i.test(scan.zoneRaw) || scan.isoSeparator));
      if (!zoned || scan.invalidReason) continue;
      const head = part.text.slice(0, m.index);
      const before = RANGE_START.exec(head);
      if (!before && !m[0].includes(':') && HOUR_RANGE_START.test(head)) continue;
      const stamp = new TimestampSpan(lines, scan);
      const date = stamp.date ?? namedDayNear(part.text, m.index, startedDate) ?? startedDate;
      stamp.effectiveDate = date;
      if (date) placeInUtc(stamp, date);
      const rangeStart = before ? rangeStartOf(lines, base + before.index, stamp) : undefined;
      found.push(rangeStart ? { stamp, rangeStart } : { stamp });
      PROSE_TIME.lastIndex = Math.max(PROSE_TIME.lastIndex, scan.end - base);
    }
  });
  return found;
}

/**
 * The first time of a range read in the zone of its end. Without `AM`/`PM` of its own it takes
 * the end's half of the day, or the other half when that would put it after the end
 * (`11:50 to 12:10 PM` starts at 11:50 AM); past the end on the same date, it is the day before.
 */
function rangeStartOf(lines: LineIndex, at: number, end: TimestampSpan): TimestampSpan | undefined {
  const scan = new TimestampScan();
  if (!scanTimestamp(lines.text, at, scan) || scan.invalidReason) return undefined;
  // In `10:00-12:00 PST` the dash and the second time read as an offset; here they close the range.
  const dashRead = scan.zoneKind === 'offset' && !/^(UTC|GMT)/i.test(scan.zoneRaw) && !scan.isoSeparator;
  if (scan.zoneKind !== 'none' && !dashRead) return undefined;
  scan.end = scan.timeEnd;
  if (end.twelveHour && !scan.twelveHour) {
    if (scan.hour < 1 || scan.hour > 12) return undefined;
    const morning = scan.hour % 12;
    const sameHalf = end.hour >= 12 ? morning + 12 : morning;
    const minutes = (h: number) => h * 60 + scan.minute;
    scan.hour = minutes(sameHalf) <= end.hour * 60 + end.minute ? sameHalf : end.hour >= 12 ? morning : morning + 12;
  }
  scan.setZone(end.zone.kind, scan.timeEnd, scan.timeEnd, end.zone.raw, end.zone.offsetMinutes, end.zone.ambiguous, end.zone.region);
  const start = new TimestampSpan(lines, scan);
  let date = start.date ?? end.effectiveDate;
  if (!date) return start;
  if (!start.date && start.hour * 60 + start.minute > end.hour * 60 + end.minute) date = calendarDateOf(Date.UTC(date.year, date.month - 1, date.day) - 86_400_000);
  start.effectiveDate = date;
  placeInUtc(start, date);
  return start;
}

/** `proseTimestampsOf` the analysed document, worked out once. */
export function proseTimestamps(context: RuleContext): ProseTimestamp[] {
  return context.shared(proseTimestampsOf, () => proseTimestampsOf(context.ast, context.lines));
}
