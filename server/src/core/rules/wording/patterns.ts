/** Building blocks for the wording regexes: escaping, phrase patterns and match iteration. */

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A user-supplied phrase as a pattern: any run of spaces matches any run of white space, and a
 * word boundary is required only where the phrase starts or ends with a word character, so
 * `@ops` and `5xx` work as well as `human error`.
 */
export function phrasePattern(phrase: string): string {
  const trimmed = phrase.trim();
  const words = trimmed.split(/\s+/).map(escapeRegExp).join('\\s+');
  const head = /^\w/.test(trimmed) ? '\\b' : '';
  const tail = /\w$/.test(trimmed) ? '\\b' : '';
  return `${head}${words}${tail}`;
}

/** A list entry: a regex source, matched case-insensitively. */
export interface PatternEntry {
  pattern: string;
}

/** A case-insensitive global regex for `pattern`, with word boundaries around it unless told otherwise. */
export function wordRegex(pattern: string, wordBounded = true): RegExp {
  return new RegExp(wordBounded ? `\\b(?:${pattern})\\b` : pattern, 'gi');
}

export interface TextMatch {
  start: number;
  end: number;
}

/** The non-overlapping matches of a global regex in `text`, leftmost first, at most `limit` of them. */
export function matchesOf(regex: RegExp, text: string, limit = Infinity): TextMatch[] {
  const out: TextMatch[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m && out.length < limit; m = regex.exec(text)) {
    if (!m[0].length) {
      regex.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}
