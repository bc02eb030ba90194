import type { WhysSection } from '../ast';
import { WhySpan } from '../nodes';
import type { RawLine } from '../parser';
import { Entry, type LineReader, type SectionHead } from './lineReader';

const WHY_KEY = /^why(?:[ \t]*(\d+))?$/;

/**
 * `whys:` — one causal chain: `symptom:`, then `why N:` lines (N = 1, 2, …), each with
 * optional `- ` bullets, then `root cause:`. The header line may carry the chain's title.
 *
 * ```
 * whys: Backups were never restored
 *   symptom: the restore took nine hours
 *   why 1: the backup was written but never read back
 *     - no drill had ever restored one
 *   root cause: nobody owned the restore path
 * ```
 *
 * `why:` with no number is a why too. The first `symptom` and `root cause` are the chain's;
 * every keyed line stays in `entries` in source order. Text and bullets under an entry continue
 * it, and so does another key indented deeper; any other key is a stray `unknown-key` line, and
 * text with no entry above a stray `no-item` line.
 */
export function readWhys(reader: LineReader, head: SectionHead, lines: RawLine[]): WhysSection {
  const section: WhysSection = { ...head, name: 'whys', whys: [], entries: [] };
  const index = reader.index;
  const entry = new Entry();
  for (const raw of lines) {
    const line = reader.line(raw);
    const name = line.key?.name;
    const whyMatch = name ? WHY_KEY.exec(name) : null;
    if (whyMatch) {
      const key = line.key!;
      const number = whyMatch[1] !== undefined ? +whyMatch[1] : undefined;
      const why = new WhySpan(index, line.keyToken!.startOffset, line.end, key, number, line.text);
      if (whyMatch[1] !== undefined) {
        const start = key.startOffset + key.raw.search(/\d/);
        why.numberRange = index.range(start, start + whyMatch[1].length);
      }
      section.whys.push(why);
      section.entries.push(why);
      entry.moveTo(why, line.width);
    } else if (name === 'symptom' || name === 'root cause') {
      const field = reader.field(line);
      if (name === 'symptom') section.symptom ??= field;
      else section.rootCause ??= field;
      section.entries.push(field);
      entry.moveTo(field, line.width);
    } else if (line.key) {
      reader.unknownKeyLine(section, entry, line);
    } else if (!reader.continueEntry(entry, line)) {
      reader.stray(section, line, 'no-item');
    }
  }
  return section;
}
