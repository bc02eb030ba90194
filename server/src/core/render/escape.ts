/**
 * Escaping for everything that comes from a document. The renderer never writes document text
 * into HTML any other way, so no text can become markup, whatever it holds.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // The HTML parser turns NUL into U+FFFD anyway; doing it here keeps text and DOM identical.
  '\u0000': '\uFFFD',
};

const HTML_SPECIAL = /[&<>"'\u0000]/g;

/** Text for element content and for quoted attribute values alike. */
export function escapeHtml(text: string): string {
  // Most text needs no escaping; testing first spares a copy of every string.
  HTML_SPECIAL.lastIndex = 0;
  return HTML_SPECIAL.test(text) ? text.replace(HTML_SPECIAL, (c) => HTML_ESCAPES[c]) : text;
}

/**
 * The URL to link to when `text` is an absolute `http:` or `https:` URL, normalised by the URL
 * parser (so it holds no quotes, spaces or control characters); undefined for anything else,
 * including `javascript:`, `data:` and look-alike schemes.
 */
export function httpUrl(text: string): string | undefined {
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!url.hostname) return undefined;
  return url.href;
}

/** The first whitespace-separated word of `text` that is an http(s) URL, with its position. */
export function findHttpUrl(text: string): { url: string; start: number; end: number } | undefined {
  const word = /\S+/g;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const candidate = trimTrailingPunctuation(m[0]);
    const url = httpUrl(candidate);
    if (url) return { url, start: m.index, end: m.index + candidate.length };
  }
  return undefined;
}

/**
 * Trailing punctuation usually ends the sentence around a link, not the link: `(see https://x/a).`
 * A closing parenthesis stays when the link opened one, as in `https://x/wiki/A_(b)`.
 */
function trimTrailingPunctuation(word: string): string {
  let end = word.length;
  for (;;) {
    const last = word[end - 1];
    if (last && '.,;:!?]\'"'.includes(last)) end--;
    else if (last === ')' && count(word, '(', end) < count(word, ')', end)) end--;
    else return word.slice(0, end);
  }
}

function count(text: string, character: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (text[i] === character) n++;
  return n;
}

/**
 * Characters a terminal or a log reader would act on instead of showing: C0 and C1 controls
 * (escape sequences, line breaks that would forge another `file:line:col` record), DEL, the
 * Unicode line separators, and the bidirectional overrides that can make text read backwards.
 */
const TERMINAL_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED_CONTROLS: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

/** Text for a terminal line: every control character shown escaped (`\e`, `\n`, `\x07`, `\u202e`). */
export function escapeForTerminal(text: string): string {
  TERMINAL_CONTROLS.lastIndex = 0;
  if (!TERMINAL_CONTROLS.test(text)) return text;
  return text.replace(TERMINAL_CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return NAMED_CONTROLS[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}
