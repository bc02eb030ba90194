/**
 * A cheap first pass over a line: which list entries could match at all. Every entry names
 * anchor words, at least one of which any of its matches contains as a whole word; an entry
 * whose anchors are absent from a line is not tried on it. Most lines of a postmortem hold no
 * anchor, so a large document costs one character loop per line instead of dozens of regex scans.
 *
 * Words are runs of ASCII letters and digits, compared lower-case through a 32-bit FNV-1a hash:
 * a collision only sends a line on to the exact regexes, it never hides a match.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** For each ASCII code, its lower-case form if it is a letter or a digit, else 0. */
const WORD_CODE = new Uint8Array(128);
for (let c = 48; c <= 57; c++) WORD_CODE[c] = c;
for (let c = 97; c <= 122; c++) WORD_CODE[c] = c;
for (let c = 65; c <= 90; c++) WORD_CODE[c] = c + 32;

/** The words of `text` as the scanner sees them. */
export function anchorWords(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** Keys are kept to 30 bits so V8 stores them as small integers, which keeps map look-ups fast. */
const KEY_MASK = 0x3fffffff;
/** A bit per 16-bit hash slot: most words are rejected by this table without a map look-up. */
const FILTER_BITS = 1 << 16;

function hashWord(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  return hash & KEY_MASK;
}

export class AnchorIndex {
  private readonly entriesByHash = new Map<number, number[]>();
  private readonly filter = new Uint32Array(FILTER_BITS / 32);
  /** Per entry, the number of the last scan that listed it, so a scan lists each entry once. */
  private readonly listedIn: number[] = [];
  private scans = 0;

  /** Makes every word of `words` an anchor of entry number `entry`. */
  add(words: string, entry: number): void {
    this.listedIn[entry] = 0;
    for (const word of anchorWords(words)) {
      const hash = hashWord(word);
      this.filter[(hash & 0xffff) >>> 5] |= 1 << (hash & 31);
      const entries = this.entriesByHash.get(hash);
      if (!entries) this.entriesByHash.set(hash, [entry]);
      else if (!entries.includes(entry)) entries.push(entry);
    }
  }

  /** The entries whose anchors occur in `line`, each once; undefined when there are none. */
  scan(line: string): number[] | undefined {
    const filter = this.filter;
    let found: number[] | undefined;
    let hash = FNV_OFFSET;
    let inWord = false;
    const length = line.length;
    for (let i = 0; i < length; i++) {
      const c = line.charCodeAt(i);
      const code = c < 128 ? WORD_CODE[c] : 0;
      if (code !== 0) {
        hash = Math.imul(hash ^ code, FNV_PRIME);
        inWord = true;
      } else if (inWord) {
        const key = hash & KEY_MASK;
        if (filter[(key & 0xffff) >>> 5] & (1 << (key & 31))) found = this.collect(key, found);
        hash = FNV_OFFSET;
        inWord = false;
      }
    }
    if (inWord) {
      const key = hash & KEY_MASK;
      if (filter[(key & 0xffff) >>> 5] & (1 << (key & 31))) found = this.collect(key, found);
    }
    if (found) this.scans++;
    return found;
  }

  /** Adds the entries of the word with hash `key` to `found`, unless this scan listed them already. */
  private collect(key: number, found: number[] | undefined): number[] | undefined {
    const entries = this.entriesByHash.get(key);
    if (!entries) return found;
    const scan = this.scans + 1;
    const out = found ?? [];
    for (const entry of entries) {
      if (this.listedIn[entry] === scan) continue;
      this.listedIn[entry] = scan;
      out.push(entry);
    }
    return out;
  }
}
