import { ZONE_ABBREVIATIONS } from '../language/time';

/**
 * Dates and times as Markdown postmortems write them (`Feb 14, 2025 at 2:30 PM PST`,
 * `2025/02/14 14:30`, `14:30`), rewritten in the forms the language reads: ISO dates, the time
 * as written (the language reads 12-hour clocks and zones itself), the zone kept. Nothing here
 * converts a time: a zone other than UTC stays, and `check` offers its conversion.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** A month's name, full or cut short (`Feb`, `Sept.`), its first three letters captured. */
export const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';

/** 1–12 for the first three letters of a month's name, as `MONTH` captures them. */
export function monthNumber(captured: string): number {
  return MONTHS.indexOf(captured.toLowerCase()) + 1;
}
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';

const ISO_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/;
const MONTH_FIRST = new RegExp(`^${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'i');
const DAY_FIRST = new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})(?!\\d)`, 'i');
const APPROXIMATE = /^(~|≈|±|approx\.?|about|around|circa|ca\.)\s*/i;
/** `14:30`, `9:37 a.m.`, or the hour alone on the 12-hour clock (`11 AM`, `2pm`). */
const CLOCK = /^(?:(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(?!\d)(\s?(?:[ap]\.?m\.?|[AP]M)(?![a-z]))?|(\d{1,2})(\s?(?:[ap]\.?m\.?|[AP]M)(?![a-z])))/i;
const GENERIC_ZONES = new Set(['UTC', 'GMT', 'PT', 'MT', 'CT', 'ET']);

function pad(n: number | string): string {
  return String(n).padStart(2, '0');
}

/** A date at the start of `text` as `YYYY-MM-DD`, and the length it took. */
export function leadingDate(text: string): { date: string; length: number } | undefined {
  let m = ISO_DATE.exec(text);
  if (m) return { date: `${m[1]}-${pad(m[2])}-${pad(m[3])}`, length: m[0].length };
  m = MONTH_FIRST.exec(text);
  if (m) return { date: `${m[3]}-${pad(monthNumber(m[1]))}-${pad(m[2])}`, length: m[0].length };
  m = DAY_FIRST.exec(text);
  if (m) return { date: `${m[3]}-${pad(monthNumber(m[2]))}-${pad(m[1])}`, length: m[0].length };
  return undefined;
}

/** A zone word right after a time: only words the language knows as zones, so `14:30 DB failover` keeps `DB`. */
function leadingZone(text: string): { zone: string; length: number } | undefined {
  const m = /^\s*(?:\(\s*([^)\s]+)\s*\)|(Z(?![A-Za-z0-9])|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?(?![A-Za-z])|[+-]\d{2}:?\d{2}(?!\d)|[A-Z]{2,5}(?![A-Za-z])|[A-Z][a-z]+\/[A-Za-z_]+))/.exec(text);
  if (!m) return undefined;
  const zone = m[1] ?? m[2];
  const word = zone.replace(/[+-].*$/, '');
  const known = GENERIC_ZONES.has(word) || word === 'Z' || word === '' || zone.includes('/') || Object.hasOwn(ZONE_ABBREVIATIONS, word);
  return known ? { zone, length: m[0].length } : undefined;
}

export interface LeadingTime {
  /** The timestamp in the language's form. */
  stamp: string;
  /** The text after it, separators such as ` - ` or `: ` removed. */
  rest: string;
  hasDate: boolean;
  hasZone: boolean;
}

/**
 * A timestamp at the start of `text` (after optional bold or a dash), in the language's form;
 * `defaultZone` is added when the time names none (the zone a table header gives).
 */
export function leadingTime(text: string, options: { defaultZone?: string; date?: string } = {}): LeadingTime | undefined {
  let rest = text.trimStart();
  // `export --format md` shows a time in UTC with the form the authors wrote after it:
  // `12:45 (written 14:45 CEST)`. The written form is the document's; the UTC one is derived.
  const written = /^((?:≈|~)\s*)?[^()]*?\s*\(written ([^()]+)\)\s*/.exec(rest);
  if (written && leadingTime(written[2])) {
    const marker = written[1] && !APPROXIMATE.test(written[2]) ? written[1] : '';
    rest = `${marker}${written[2]} ${rest.slice(written[0].length)}`.trimEnd();
  }
  let approximate = '';
  const approx = APPROXIMATE.exec(rest);
  if (approx) {
    approximate = approx[1];
    rest = rest.slice(approx[0].length);
  }
  let date = '';
  const leading = leadingDate(rest);
  if (leading) {
    date = leading.date;
    rest = rest.slice(leading.length).replace(/^(?:\s*,?\s*(?:at\s+)?|T)/i, '');
  }
  const clock = CLOCK.exec(rest);
  if (!clock) return undefined;
  const [, time = clock[3], meridiem = clock[4]] = clock;
  rest = rest.slice(clock[0].length);
  const zone = leadingZone(rest);
  if (zone) rest = rest.slice(zone.length);
  if (/^[A-Za-z0-9]/.test(rest)) return undefined;
  const zoneText = zone ? zone.zone : options.defaultZone;
  const prefix = approximate ? (approximate.length === 1 ? approximate : `${approximate} `) : '';
  const day = date || options.date;
  const stamp = `${prefix}${day ? `${day} ` : ''}${time}${meridiem ? ` ${meridiem.trim()}` : ''}${zoneText ? (zoneText === 'Z' ? 'Z' : ` ${zoneText}`) : ''}`;
  return { stamp, rest: rest.replace(/^\s*(?:[-–—:|,]\s*)?/, '').trim(), hasDate: !!day, hasZone: !!zoneText };
}
