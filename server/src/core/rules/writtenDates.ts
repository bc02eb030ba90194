import { replace } from '../analysis/edits';
import type { Fix } from '../analysis/types';
import { leadingDate } from '../import/importTimes';
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
  if (requireTime && !/^[ \t]+~?\d{1,2}:\d{2}/.test(text.slice(length))) return undefined;
  // A note's date is followed by its text, not by a colon (`March 10, 2017: …` → `2017-03-10 …`).
  if (!requireTime && text[length] === ':') length++;
  if (text.slice(0, length) === found.date) return undefined;
  return { title: `Write the date as ${found.date}`, edits: [replace(lines.range(start, start + length), found.date)], isPreferred: true };
}
