import type { TextSection } from '../ast';
import type { TextPartSpan } from '../nodes';
import type { RawLine } from '../parser';
import type { LineReader, SectionHead } from './lineReader';

/**
 * `summary:` and `notes:` — free text, which may start on the header line itself. Every line
 * below, whatever it starts with, is more of the text; its lines join with one space.
 *
 * ```
 * summary: Payment processing became slow
 *   and then unresponsive.
 * ```
 */
export function readText(reader: LineReader, head: SectionHead, name: TextSection['name'], inline: TextPartSpan | undefined, lines: RawLine[]): TextSection {
  const section: TextSection = { ...head, name };
  // A node of its own: the header's inline text stays as written while lines below extend this.
  let text = inline && reader.textNode(inline);
  for (const raw of lines) {
    const part = reader.contentOf(reader.line(raw));
    if (text) text.append(part);
    else text = reader.textNode(part);
  }
  section.text = text;
  return section;
}
