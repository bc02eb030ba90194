import type { TextNode } from '../language/ast';
import type { LineText } from './actionItems';

/**
 * Free text (`summary:`, `notes:`) as blocks: a blank line starts a paragraph, lines starting
 * with `- ` form a list, and a line indented past a list item's dash continues that item.
 * Continuation lines join with a space, as everywhere else.
 */
export type TextBlock = { kind: 'paragraph'; text: string; line: number } | { kind: 'list'; items: LineText[]; line: number };

const BULLET = /^-[ \t]+/;

export function textBlocks(text: TextNode | undefined): TextBlock[] {
  if (!text) return [];
  const blocks: TextBlock[] = [];
  let previousLine = Number.NEGATIVE_INFINITY;
  let itemColumn = -1;
  for (const part of text.parts) {
    const line = part.range.start.line;
    const column = part.range.start.character;
    const adjacent = line === previousLine + 1;
    const current = blocks[blocks.length - 1];
    previousLine = part.range.end.line;
    if (BULLET.test(part.text)) {
      const item = { text: part.text.replace(BULLET, ''), line };
      if (current?.kind === 'list' && adjacent) current.items.push(item);
      else blocks.push({ kind: 'list', items: [item], line });
      itemColumn = column;
    } else if (current?.kind === 'list' && adjacent && column > itemColumn) {
      const last = current.items[current.items.length - 1];
      last.text = `${last.text} ${part.text}`;
    } else if (current?.kind === 'paragraph' && adjacent) {
      current.text = `${current.text} ${part.text}`;
    } else {
      blocks.push({ kind: 'paragraph', text: part.text, line });
    }
  }
  return blocks;
}
