/**
 * Text the wording checks never read: code spans, quoted strings (log lines, error messages,
 * words mentioned rather than used) and URLs. They are blanked out with a character that is
 * neither a word character nor white space, so offsets stay the same, no phrase matches inside,
 * and no phrase matches across them.
 */
const SKIPPED = new RegExp(
  [
    '`[^`]*`', // code span
    '"[^"]*"', // straight double quotes
    '“[^”]*”', // typographic double quotes
    '‘[^’]*’(?![\\w])', // typographic single quotes (’ alone is an apostrophe)
    "(?<![\\w'’])'[^']+'(?![\\w])", // straight single quotes that are not apostrophes
    '\\b(?:https?|ftp|file)://\\S+', // URLs
    '\\bwww\\.[^\\s]+',
  ].join('|'),
  'gi',
);

const MAY_HOLD_SKIPPED = /[`"“‘']|:\/\/|www\./i;
const BLANK = '\u0000';

/** `text` with every skipped region replaced by as many blank characters. */
export function blankSkipped(text: string): string {
  if (!MAY_HOLD_SKIPPED.test(text)) return text;
  return text.replace(SKIPPED, (region) => BLANK.repeat(region.length));
}
