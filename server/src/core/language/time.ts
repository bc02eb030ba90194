import type { CalendarDate, ZoneKind } from './ast';
import { GENERIC_REGIONS, knownIanaZone } from './regionZones';

/**
 * Timestamps, dates, zones and durations, parsed once into UTC instants that keep the text they
 * came from. Every rule and every face works from these results.
 */

export interface ZoneInfo {
  /** Minutes east of UTC; undefined when the abbreviation is ambiguous. */
  offsetMinutes?: number;
  ambiguous?: boolean;
  meaning: string;
}

/**
 * Common abbreviations, resolved the way incident responders use them. `IST` is India Standard
 * Time, `BST` British Summer Time, `CST` US Central Standard Time; abbreviations that are common
 * in more than one region at once are ambiguous and never converted automatically.
 */
export const ZONE_ABBREVIATIONS: Readonly<Record<string, ZoneInfo>> = {
  GMT: { offsetMinutes: 0, meaning: 'Greenwich Mean Time' },
  WET: { offsetMinutes: 0, meaning: 'Western European Time' },
  WEST: { offsetMinutes: 60, meaning: 'Western European Summer Time' },
  BST: { offsetMinutes: 60, meaning: 'British Summer Time' },
  CET: { offsetMinutes: 60, meaning: 'Central European Time' },
  CEST: { offsetMinutes: 120, meaning: 'Central European Summer Time' },
  MET: { offsetMinutes: 60, meaning: 'Middle European Time' },
  MEST: { offsetMinutes: 120, meaning: 'Middle European Summer Time' },
  EET: { offsetMinutes: 120, meaning: 'Eastern European Time' },
  EEST: { offsetMinutes: 180, meaning: 'Eastern European Summer Time' },
  MSK: { offsetMinutes: 180, meaning: 'Moscow Time' },
  WAT: { offsetMinutes: 60, meaning: 'West Africa Time' },
  CAT: { offsetMinutes: 120, meaning: 'Central Africa Time' },
  SAST: { offsetMinutes: 120, meaning: 'South Africa Standard Time' },
  EAT: { offsetMinutes: 180, meaning: 'East Africa Time' },
  PKT: { offsetMinutes: 300, meaning: 'Pakistan Standard Time' },
  IST: { offsetMinutes: 330, meaning: 'India Standard Time' },
  NPT: { offsetMinutes: 345, meaning: 'Nepal Time' },
  ICT: { offsetMinutes: 420, meaning: 'Indochina Time' },
  WIB: { offsetMinutes: 420, meaning: 'Western Indonesia Time' },
  SGT: { offsetMinutes: 480, meaning: 'Singapore Time' },
  HKT: { offsetMinutes: 480, meaning: 'Hong Kong Time' },
  AWST: { offsetMinutes: 480, meaning: 'Australian Western Standard Time' },
  JST: { offsetMinutes: 540, meaning: 'Japan Standard Time' },
  KST: { offsetMinutes: 540, meaning: 'Korea Standard Time' },
  ACST: { offsetMinutes: 570, meaning: 'Australian Central Standard Time' },
  ACDT: { offsetMinutes: 630, meaning: 'Australian Central Daylight Time' },
  AEST: { offsetMinutes: 600, meaning: 'Australian Eastern Standard Time' },
  AEDT: { offsetMinutes: 660, meaning: 'Australian Eastern Daylight Time' },
  NZST: { offsetMinutes: 720, meaning: 'New Zealand Standard Time' },
  NZDT: { offsetMinutes: 780, meaning: 'New Zealand Daylight Time' },
  NST: { offsetMinutes: -210, meaning: 'Newfoundland Standard Time' },
  NDT: { offsetMinutes: -150, meaning: 'Newfoundland Daylight Time' },
  ADT: { offsetMinutes: -180, meaning: 'Atlantic Daylight Time' },
  BRT: { offsetMinutes: -180, meaning: 'Brasília Time' },
  ART: { offsetMinutes: -180, meaning: 'Argentina Time' },
  EST: { offsetMinutes: -300, meaning: 'US Eastern Standard Time' },
  EDT: { offsetMinutes: -240, meaning: 'US Eastern Daylight Time' },
  CST: { offsetMinutes: -360, meaning: 'US Central Standard Time' },
  CDT: { offsetMinutes: -300, meaning: 'US Central Daylight Time' },
  MST: { offsetMinutes: -420, meaning: 'US Mountain Standard Time' },
  MDT: { offsetMinutes: -360, meaning: 'US Mountain Daylight Time' },
  PST: { offsetMinutes: -480, meaning: 'US Pacific Standard Time' },
  PDT: { offsetMinutes: -420, meaning: 'US Pacific Daylight Time' },
  AKST: { offsetMinutes: -540, meaning: 'Alaska Standard Time' },
  AKDT: { offsetMinutes: -480, meaning: 'Alaska Daylight Time' },
  HST: { offsetMinutes: -600, meaning: 'Hawaii Standard Time' },
  AST: { ambiguous: true, meaning: 'Atlantic Standard Time (UTC−4) or Arabia Standard Time (UTC+3)' },
  GST: { ambiguous: true, meaning: 'Gulf Standard Time (UTC+4) or South Georgia Time (UTC−2)' },
  SST: { ambiguous: true, meaning: 'Samoa Standard Time (UTC−11) or Singapore Standard Time (UTC+8)' },
  ECT: { ambiguous: true, meaning: 'Ecuador Time (UTC−5) or Eastern Caribbean Time (UTC−4)' },
  CCT: { ambiguous: true, meaning: 'China Coast Time (UTC+8) or Cocos Islands Time (UTC+6:30)' },
  BDT: { ambiguous: true, meaning: 'Bangladesh Time (UTC+6) or Brunei Time (UTC+8)' },
};

/**
 * What `scanTimestamp` read: offsets into the scanned text. The AST builder keeps one and reuses
 * it for every line, so reading a timeline allocates nothing but the nodes it keeps.
 */
export class TimestampScan {
  /** Where an approximate marker (`~`, `about`) starts; equal to `start` when there is none. */
  prefixStart = 0;
  /** Start of the date or time itself. */
  start = 0;
  /** End of the whole timestamp, zone included. */
  end = 0;
  date: CalendarDate | undefined = undefined;
  /** End of the date; -1 for a time alone. */
  dateEnd = -1;
  timeStart = 0;
  timeEnd = 0;
  hour = 0;
  minute = 0;
  second: number | undefined = undefined;
  isoSeparator = false;
  /** Written on the 12-hour clock (`9:37AM`); `hour` is already converted to 0–23. */
  twelveHour = false;
  approximate = false;
  /** An approximate marker written between the date and the time (`2017-01-31 ~23:25`), kept by fixes. */
  innerMarker = '';
  zoneKind: ZoneKind = 'none';
  zoneStart = 0;
  zoneEnd = 0;
  zoneRaw = '';
  /** Minutes east of UTC; undefined for an ambiguous abbreviation or no zone. */
  zoneOffsetMinutes: number | undefined = undefined;
  zoneAmbiguous: boolean | undefined = undefined;
  /** The IANA zone of a `region` zone, whose offset depends on the date. */
  zoneRegion: string | undefined = undefined;
  invalidReason: string | undefined = undefined;
  /** The second time of a range (`14:20 - 14:25 UTC`, `2:05–2:10 PM ET`); -1 without one. */
  rangeEndStart = -1;
  rangeEndHour = 0;
  rangeEndMinute = 0;
  rangeEndSecond: number | undefined = undefined;
  rangeEndEnd = -1;
  rangeEndTwelveHour = false;
  /** What stands between the two times of a range as written: ` - `, `–`, ` to `. */
  rangeConnector = '';

  setZone(kind: ZoneKind, start: number, end: number, raw: string, offsetMinutes?: number, ambiguous?: boolean, region?: string): void {
    this.zoneKind = kind;
    this.zoneStart = start;
    this.zoneEnd = end;
    this.zoneRaw = raw;
    this.zoneOffsetMinutes = kind === 'utc' ? 0 : offsetMinutes;
    this.zoneAmbiguous = ambiguous;
    this.zoneRegion = region;
  }
}

const ATTACHED_OFFSET = /([+-])(\d{2}):?(\d{2})?(?![\d:])/y;
const SPACED_ZONE = /[ \t]*\(?([A-Za-z]{1,5})(?:([+-])(\d{1,2})(?::?(\d{2}))?)?\)?(?![A-Za-z0-9/])/y;
/** An IANA name (`America/Los_Angeles`, `Etc/GMT+8`) or a generic region name (`Pacific Time`). */
const REGION_ZONE = /[ \t]*\(?([A-Z][A-Za-z_]*(?:\/[A-Za-z0-9_+-]+)+|[A-Za-z]{2,8}(?:[ \t]+Time)?)\)?(?![A-Za-z0-9/])/y;
/**
 * Capitals shaped like a zone abbreviation (`PTZ`, `XST`): the fix cannot rule them out as a
 * zone, so they are reported as unknown rather than stamped `UTC`. Common capital words that
 * end the same way and often follow a time in a log (`GET /health`) are not zones.
 */
const ZONE_SHAPED = /^[A-Z]{1,3}[TZ]$/;
const NOT_ZONES = new Set(['AT', 'IT', 'GET', 'PUT', 'POST', 'SET', 'NOT', 'BUT', 'OUT', 'LAST', 'EXIT', 'TEXT', 'HOST', 'TEST', 'REST', 'WAIT', 'HALT', 'INIT', 'EDIT', 'QUIT', 'ALT']);
/** `~`, `≈`, `±` or a word that says a time is only roughly known, right before it. */
const APPROXIMATE = /(?:[~≈±][ \t]*|(?:approx\.?|about|around|circa|ca\.)[ \t]+)/iy;

/** The length of an approximate marker (`~`, `about `) at `at`; 0 when there is none. */
export function approximateMarkerLength(text: string, at: number): number {
  APPROXIMATE.lastIndex = at;
  return APPROXIMATE.exec(text) ? APPROXIMATE.lastIndex - at : 0;
}
/** `AM`, `pm`, `a.m.`, after the minutes (or the hour alone) with at most one blank between. */
const MERIDIEM = /[ \t]?([AaPp])\.?[Mm]\.?(?![A-Za-z0-9])/y;
const SPACED_OFFSET = /[ \t]+([+-])(\d{2})(?::?(\d{2}))?(?![\d:A-Za-z])/y;

const isDigit = (c: number) => c >= 48 && c <= 57;

/** The number written with exactly `length` digits at `at`, or -1. */
function digitsAt(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) return -1;
    value = value * 10 + c - 48;
  }
  return value;
}

/** How many digits, at most two, stand at `at`. */
function shortNumberLength(text: string, at: number): number {
  if (!isDigit(text.charCodeAt(at))) return 0;
  return isDigit(text.charCodeAt(at + 1)) ? 2 : 1;
}

/**
 * Reads a timestamp starting at `at` into `into`; false when none stands there. Forms:
 * `YYYY-MM-DD HH:MM`, `YYYY-MM-DDTHH:MM[:SS[.fff]]`, or `HH:MM` alone, then an optional zone.
 * On the 12-hour clock the hour may stand alone (`11 AM`, `2pm`): it is that hour, 0 minutes.
 * The timestamp must end before the line does: nothing here reads past a line break.
 * A scanner rather than a regex: it runs on every timeline line of every analysis.
 */
export function scanTimestamp(text: string, at: number, into: TimestampScan): boolean {
  const prefixStart = at;
  const first = text.charCodeAt(at);
  // Only a marker's first letter leads to the regex: a timeline line mostly starts with a digit.
  if (first === 126 || first === 0x2248 || first === 0xb1 || first === 97 || first === 65 || first === 99 || first === 67) {
    APPROXIMATE.lastIndex = at;
    if (APPROXIMATE.exec(text)) at = APPROXIMATE.lastIndex;
  }
  let i = at;
  let innerMarker = '';
  let date: CalendarDate | undefined;
  let dateEnd = -1;
  let isoSeparator = false;
  const year = digitsAt(text, at, 4);
  if (year >= 0 && text.charCodeAt(at + 4) === 45 /* - */) {
    const monthLength = shortNumberLength(text, at + 5);
    const dayAt = at + 5 + monthLength + 1;
    const dayLength = monthLength && text.charCodeAt(dayAt - 1) === 45 ? shortNumberLength(text, dayAt) : 0;
    if (dayLength) {
      const end = dayAt + dayLength;
      const separator = text.charCodeAt(end);
      let timeAt = -1;
      if (separator === 84 /* T */) timeAt = end + 1;
      else if (separator === 32 || separator === 9) {
        timeAt = end;
        while (text.charCodeAt(timeAt) === 32 || text.charCodeAt(timeAt) === 9) timeAt++;
      }
      if (timeAt < 0) return false;
      // People also mark the time rather than the whole timestamp: `2017-01-31 ~23:25 UTC`.
      APPROXIMATE.lastIndex = timeAt;
      if (separator !== 84 && APPROXIMATE.exec(text)) {
        innerMarker = text.slice(timeAt, APPROXIMATE.lastIndex);
        timeAt = APPROXIMATE.lastIndex;
      }
      date = { year, month: digitsAt(text, at + 5, monthLength), day: digitsAt(text, dayAt, dayLength) };
      dateEnd = end;
      isoSeparator = separator === 84;
      i = timeAt;
    }
  }
  const timeStart = i;
  const hourLength = shortNumberLength(text, i);
  if (!hourLength) return false;
  const hour = digitsAt(text, i, hourLength);
  let minute = 0;
  let second: number | undefined;
  if (text.charCodeAt(i + hourLength) === 58 /* : */) {
    i += hourLength + 1;
    minute = digitsAt(text, i, 2);
    if (minute < 0) return false;
    i += 2;
    if (text.charCodeAt(i) === 58 && digitsAt(text, i + 1, 2) >= 0) {
      second = digitsAt(text, i + 1, 2);
      i += 3;
      if (text.charCodeAt(i) === 46 /* . */ && isDigit(text.charCodeAt(i + 1))) {
        i++;
        while (isDigit(text.charCodeAt(i))) i++;
      }
    }
  } else {
    // The hour alone is a time only on the 12-hour clock, as reports write it: `11 AM`, `2pm`.
    if (hour < 1 || hour > 12) return false;
    MERIDIEM.lastIndex = i + hourLength;
    if (!MERIDIEM.test(text)) return false;
    i += hourLength;
  }
  // A bare number followed by more digits ("123:45", "14:305") is not a time.
  if (isDigit(text.charCodeAt(i))) return false;
  let twelveHour = false;
  let hour24 = hour;
  let meridiemReason: string | undefined;
  // The regex runs only where an `a` or `p` follows: after most times comes ` UTC`.
  const next = text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 ? text.charCodeAt(i + 1) : text.charCodeAt(i);
  MERIDIEM.lastIndex = i;
  const meridiem = (next | 32) === 97 || (next | 32) === 112 ? MERIDIEM.exec(text) : null;
  if (meridiem) {
    twelveHour = true;
    i = MERIDIEM.lastIndex;
    const pm = meridiem[1] === 'p' || meridiem[1] === 'P';
    if (hour < 1 || hour > 12) meridiemReason = `hour ${hour} does not exist on the 12-hour clock`;
    else hour24 = (hour % 12) + (pm ? 12 : 0);
  }
  into.rangeEndStart = -1;
  if (!isoSeparator && scanRangeEnd(text, i, date !== undefined, into)) {
    // One zone and, without its own AM/PM, one half of the day for both times of the range.
    if (into.rangeEndTwelveHour && !twelveHour && hour >= 1 && hour <= 12) {
      const morning = hour % 12;
      const end = into.rangeEndHour * 60 + into.rangeEndMinute;
      const sameHalf = into.rangeEndHour >= 12 ? morning + 12 : morning;
      hour24 = sameHalf * 60 + minute <= end ? sameHalf : sameHalf >= 12 ? morning : morning + 12;
    }
    twelveHour ||= into.rangeEndTwelveHour;
    i = into.rangeEndEnd;
  }
  scanZone(text, i, into);
  into.prefixStart = prefixStart;
  into.approximate = prefixStart !== at || innerMarker !== '';
  into.innerMarker = innerMarker;
  into.twelveHour = twelveHour;
  into.start = at;
  into.end = Math.max(i, into.zoneEnd);
  into.date = date;
  into.dateEnd = dateEnd;
  into.timeStart = timeStart;
  into.timeEnd = i;
  into.hour = hour24;
  into.minute = minute;
  into.second = second;
  into.isoSeparator = isoSeparator;
  into.invalidReason = (date && invalidDateReason(date)) || meridiemReason || invalidTimeReason(hour, minute, second);
  return true;
}

const RANGE_END = /([ \t]*)(-|–|—|to(?![A-Za-z]))([ \t]*)(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])([ \t]?([AaPp])\.?[Mm]\.?(?![A-Za-z0-9]))?/y;

/**
 * The second time of a range after the first (`14:20 - 14:25`, `2:05–2:10 PM`, `9:00 to 17:00`).
 * A hyphen written tight after a dated time may be its offset (`2025-02-14 14:30-08:00`, as in
 * logs): there it reads as a range only with a zone after the second time or an offset no clock
 * has. After a time alone (`10:00-12:00`) it is a range.
 */
function scanRangeEnd(text: string, at: number, dated: boolean, into: TimestampScan): boolean {
  RANGE_END.lastIndex = at;
  const m = RANGE_END.exec(text);
  if (!m) return false;
  const [, spaceBefore, connector, spaceAfter, hours, minutes, seconds, meridiem, half] = m;
  const hour = Number(hours);
  const minute = Number(minutes);
  const end = at + m[0].length;
  if (connector === 'to' && (!spaceBefore || !spaceAfter)) return false;
  if (connector === '-' && dated && !(spaceBefore && spaceAfter) && hour * 60 + minute <= 14 * 60) {
    const probe = new TimestampScan();
    scanZone(text, end, probe);
    if (probe.zoneKind === 'none') return false;
  }
  const twelveHour = meridiem !== undefined;
  if (twelveHour ? hour < 1 || hour > 12 : hour > 23) return false;
  if (minute > 59 || (seconds !== undefined && Number(seconds) > 59)) return false;
  into.rangeEndStart = at + spaceBefore.length + connector.length + spaceAfter.length;
  into.rangeEndEnd = end;
  into.rangeEndHour = twelveHour ? (hour % 12) + (half === 'p' || half === 'P' ? 12 : 0) : hour;
  into.rangeEndMinute = minute;
  into.rangeEndSecond = seconds === undefined ? undefined : Number(seconds);
  into.rangeEndTwelveHour = twelveHour;
  into.rangeConnector = spaceBefore + connector + spaceAfter;
  return true;
}

/** Whether `text` has no letter or digit at `at`: the end of a word. */
function wordEndsAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122));
}

function scanZone(text: string, at: number, into: TimestampScan): void {
  // The common case first: " UTC" after the time.
  if (text.startsWith(' UTC', at) && wordEndsAt(text, at + 4) && text[at + 4] !== '+' && text[at + 4] !== '-') {
    return into.setZone('utc', at + 1, at + 4, 'UTC');
  }
  if ((text[at] === 'Z' || text[at] === 'z') && wordEndsAt(text, at + 1)) {
    return into.setZone('utc', at, at + 1, text[at]);
  }
  ATTACHED_OFFSET.lastIndex = at;
  let m = ATTACHED_OFFSET.exec(text);
  if (m) return into.setZone('offset', at, at + m[0].length, m[0], offsetMinutes(m[1], m[2], m[3]));
  SPACED_OFFSET.lastIndex = at;
  m = SPACED_OFFSET.exec(text);
  // Apart from the time, "+50" is more likely a count than an offset: real offsets stay within 14 hours.
  if (m && +m[2] <= 14) {
    const start = at + m[0].length - m[0].trimStart().length;
    return into.setZone('offset', start, at + m[0].length, m[0].trim(), offsetMinutes(m[1], m[2], m[3]));
  }
  into.setZone('none', at, at, '');
  if (scanRegion(text, at, into)) return;
  SPACED_ZONE.lastIndex = at;
  m = SPACED_ZONE.exec(text);
  if (!m) return;
  const word = m[1].toUpperCase();
  const start = at + m[0].length - m[0].trimStart().length;
  const end = at + m[0].length;
  const raw = text.slice(start, end);
  if (word === 'UTC' || word === 'Z' || word === 'GMT') {
    if (m[2]) return into.setZone('offset', start, end, raw, offsetMinutes(m[2], m[3], m[4]));
    if (word === 'GMT') return into.setZone('abbreviation', start, end, raw, 0);
    return into.setZone('utc', start, end, raw);
  }
  if (m[2]) return;
  // Abbreviations are written in capitals; "14:30 db failover" names no zone.
  const info = m[1] === word ? ZONE_ABBREVIATIONS[word] : undefined;
  if (info) into.setZone('abbreviation', start, end, raw, info.offsetMinutes, info.ambiguous);
  else if (m[1] === word && ZONE_SHAPED.test(word) && !NOT_ZONES.has(word)) into.setZone('unknown', start, end, raw);
}

/** A zone written as an IANA name or a generic region name; false when none stands at `at`. */
function scanRegion(text: string, at: number, into: TimestampScan): boolean {
  const c = text.charCodeAt(at);
  if (c !== 32 && c !== 9 && c !== 40 /* ( */) return false;
  REGION_ZONE.lastIndex = at;
  const m = REGION_ZONE.exec(text);
  if (!m) return false;
  const name = m[1];
  const start = at + m[0].length - m[0].trimStart().length;
  const end = at + m[0].length;
  if (name.includes('/')) {
    const zone = knownIanaZone(name);
    if (zone) into.setZone('region', start, end, text.slice(start, end), undefined, undefined, zone);
    else into.setZone('unknown', start, end, text.slice(start, end));
    return true;
  }
  // `PT`, `ET` in capitals; `Pacific`, `Eastern` as a word, with or without ` Time`.
  const word = name.replace(/[ \t]+Time$/, '');
  const key = word.length === 2 ? word : word[0] === word[0].toUpperCase() && word.slice(1) === word.slice(1).toLowerCase() ? word.toUpperCase() : '';
  const generic = GENERIC_REGIONS[key];
  if (!generic) return false;
  into.setZone('region', start, end, text.slice(start, end), undefined, undefined, generic.zone);
  return true;
}

function offsetMinutes(sign: string, hours: string, minutes?: string): number {
  return (+hours * 60 + (minutes ? +minutes : 0)) * (sign === '-' ? -1 : 1);
}

const DATE_ONLY = /(\d{4})-(\d{1,2})-(\d{1,2})(?![\d:])/y;

export interface ParsedDate {
  length: number;
  date: CalendarDate;
  invalidReason?: string;
}

/** Parses a `YYYY-MM-DD` date at the very start of `text`. */
export function parseDate(text: string): ParsedDate | undefined {
  DATE_ONLY.lastIndex = 0;
  const m = DATE_ONLY.exec(text);
  if (!m) return undefined;
  const date = { year: +m[1], month: +m[2], day: +m[3] };
  return { length: m[0].length, date, invalidReason: invalidDateReason(date) };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

function invalidDateReason(date: CalendarDate): string | undefined {
  if (date.month < 1 || date.month > 12) return `month ${date.month} does not exist`;
  if (date.day < 1 || date.day > daysInMonth(date.year, date.month)) {
    return `${formatDate(date)} does not exist`;
  }
  return undefined;
}

function invalidTimeReason(hour: number, minute: number, second?: number): string | undefined {
  if (hour > 23) return `hour ${hour} does not exist`;
  if (minute > 59) return `minute ${minute} does not exist`;
  if (second !== undefined && second > 59) return `second ${second} does not exist`;
  return undefined;
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function formatDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}`;
}

export function dateToEpochDay(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / 86_400_000;
}

/** Milliseconds since the epoch for a wall-clock time at a given offset east of UTC. */
export function toInstant(date: CalendarDate, hour: number, minute: number, second: number, offsetMinutes: number): number {
  return Date.UTC(date.year, date.month - 1, date.day, hour, minute, second) - offsetMinutes * 60_000;
}

export function calendarDateOf(instant: number): CalendarDate {
  const d = new Date(instant);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function parseIsoDay(text: string): CalendarDate | undefined {
  const parsed = parseDate(text.trim());
  if (!parsed || parsed.invalidReason || parsed.length !== text.trim().length) return undefined;
  return parsed.date;
}

export interface TimestampStyle {
  iso: boolean;
  withDate: boolean;
  withSeconds: boolean;
}

/** Writes an instant in UTC in the style of the timestamp it replaces. */
export function formatUtc(instant: number, style: TimestampStyle): string {
  const d = new Date(instant);
  const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}${style.withSeconds ? `:${pad2(d.getUTCSeconds())}` : ''}`;
  const date = formatDate(calendarDateOf(instant));
  if (style.iso) return `${date}T${time}Z`;
  return style.withDate ? `${date} ${time} UTC` : `${time} UTC`;
}

/** The instant a range ends: the first time that the second one's clock shows, at most a day on. */
export function rangeEndInstant(stamp: { instant?: number; hour: number; minute: number; second?: number; rangeEnd?: { hour: number; minute: number; second?: number } }): number | undefined {
  if (stamp.instant === undefined || !stamp.rangeEnd) return undefined;
  const secondsOf = (t: { hour: number; minute: number; second?: number }) => t.hour * 3600 + t.minute * 60 + (t.second ?? 0);
  const seconds = (secondsOf(stamp.rangeEnd) - secondsOf(stamp) + 86_400) % 86_400;
  return stamp.instant + seconds * 1000;
}

/** Minutes as a signed offset from `started`: `+0:12`, `-0:05`, `+26:00`. */
export function formatClockOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(Math.round(minutes));
  return `${sign}${Math.floor(abs / 60)}:${pad2(abs % 60)}`;
}

const DURATION = /^(?:(\d+)\s*d(?:ays?)?)?\s*(?:(\d+)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in(?:utes?|s)?)?)?\s*(?:(\d+)\s*s(?:ec(?:onds?|s)?)?)?$/i;

/** Parses `45m`, `1h 30m`, `1h30m`, `90s`, `2d 4h` into seconds. */
export function parseDurationSeconds(text: string): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const m = DURATION.exec(trimmed);
  if (!m || (!m[1] && !m[2] && !m[3] && !m[4])) return undefined;
  return (+(m[1] ?? 0) * 24 * 60 + +(m[2] ?? 0) * 60 + +(m[3] ?? 0)) * 60 + +(m[4] ?? 0);
}

/** Writes seconds in the duration form the language uses: `45m`, `1h 30m`, `2d 4h`, `90s`. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds < 60 * 60 && seconds % 60 !== 0) return `${seconds}s`;
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const parts: string[] = [];
  if (days) parts.push(`${days}d`);
  if (hours) parts.push(`${hours}h`);
  if (minutes || parts.length === 0) parts.push(`${minutes}m`);
  return parts.join(' ');
}

/** `12m`, `1h 5m`: a span for humans in hovers and metrics. */
export function formatMinutes(minutes: number): string {
  return formatDuration(minutes * 60);
}
