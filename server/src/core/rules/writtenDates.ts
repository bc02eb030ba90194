import { replace } from '../analysis/edits';
import type { Fix } from '../analysis/types';
import { leadingDate, MONTH, monthNumber } from '../import/importTimes';
import { formatDate } from '../language/time';
import { approximateMarkerLength } from '../language/time';
import type { Range } from '../language/ast';
import type { LineIndex } from '../language/lineIndex';

/** `, at` or ` at` between a written date and its time (`February 28, 2017 at 9:37 AM`). */
const AT = /^,?[ \t]+at(?=[ \t])/i;

/**
 * The fix for a date written as people write it in reports (`February 28, 2017`, `28 Feb 2017`,
 * `Tue, Feb 28, 2017 at`, `2017/02/28`): the ISO date in its place, the rest kept. A time and
 * zone after it are then read as usual, and their own fixes (PM010, PM011) follow.
 */
export function isoDateFix(lines: LineIndex, range: Range, requireTime: boolean): Fix | undefined {
  // A rough time keeps its marker before the date (`~Oct 31, 2021 4:27 PM` → `~2021-10-31 4:27 PM`).
  const start = lines.offset(range.start) + approximateMarkerLength(lines.text, lines.offset(range.start));
  const text = lines.text.slice(start, lines.offset(range.end));
  const found = leadingDate(text);
  if (!found) return undefined;
  let length = found.length;
  const at = AT.exec(text.slice(length));
  if (at) length += at[0].length;
  if (requireTime && !/^[ \t]+~?\d{1,2}(?::\d{2}|[ \t]?[AaPp]\.?[Mm]\.?(?![A-Za-z0-9]))/.test(text.slice(length))) return undefined;
  // A note's date is followed by its text, not by a colon (`March 10, 2017: …` → `2017-03-10 …`).
  if (!requireTime && text[length] === ':') length++;
  if (text.slice(0, length) === found.date) return undefined;
  return { title: `Write the date as ${found.date}`, edits: [replace(lines.range(start, start + length), found.date)], isPreferred: true };
}

/** `by`/`end of` before a period a due date names: `end of Q2 2022`, `by June 2022`. */
const BY = '(?:(?:by|before)\\s+)?(?:(?:the\\s+)?end\\s+of\\s+)?';
const QUARTER = new RegExp(`^${BY}(?:Q([1-4])[\\s-]*(\\d{4})|(\\d{4})[\\s-]*Q([1-4]))$`, 'i');
const MONTH_OF_YEAR = new RegExp(`^${BY}(${MONTH}),?\\s+(\\d{4})$`, 'i');

/**
 * The fix for a due date written as a calendar quarter or a month (`Q2 2022`, `end of June
 * 2022`): the period's last day, which is what such a deadline means. Fiscal quarters (`Q2
 * FY23`) depend on the organisation and get no fix.
 */
export function periodEndFix(lines: LineIndex, range: Range): Fix | undefined {
  const text = lines.text.slice(lines.offset(range.start), lines.offset(range.end)).trim();
  let year: number;
  let month: number;
  let period: string;
  const quarter = QUARTER.exec(text);
  const monthOfYear = quarter ? null : MONTH_OF_YEAR.exec(text);
  if (quarter) {
    const q = Number(quarter[1] ?? quarter[4]);
    year = Number(quarter[2] ?? quarter[3]);
    month = q * 3;
    period = `Q${q} ${year}`;
  } else if (monthOfYear) {
    year = Number(monthOfYear[3]);
    month = monthNumber(monthOfYear[2]);
    period = `${monthOfYear[1]} ${year}`;
  } else {
    return undefined;
  }
  const last = new Date(Date.UTC(year, month, 0));
  const date = formatDate({ year, month, day: last.getUTCDate() });
  return { title: `Write the due date as ${date}, the last day of ${period}`, edits: [replace(range, date)], isPreferred: true };
}
