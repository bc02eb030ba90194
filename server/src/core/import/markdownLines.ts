import { visualWidth } from '../language/queries';
import { sectionOfHeading } from './templateWords';

/**
 * Markdown read the way the importer needs it: line by line, each line classified, with its
 * 0-based line number and its raw text kept so that anything the importer cannot place is
 * copied verbatim. Not a full CommonMark parser: postmortems use headings, lists, tables,
 * paragraphs and the odd code block, and every line that is none of those is still text.
 */

export type MarkdownLine =
  | { kind: 'heading'; line: number; raw: string; level: number; text: string }
  | { kind: 'item'; line: number; raw: string; depth: number; ordered: boolean; number?: number; text: string }
  | { kind: 'text'; line: number; raw: string; text: string }
  | { kind: 'table'; line: number; raw: string; header: string[]; rows: TableRow[]; lines: string[] }
  | { kind: 'code'; line: number; raw: string; lines: string[] }
  | { kind: 'blank'; line: number; raw: string }
  | { kind: 'rule'; line: number; raw: string };

export interface TableRow {
  line: number;
  raw: string;
  cells: string[];
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const LIST_ITEM = /^([ \t]*)(?:([-*+•])|(\d{1,3})[.)])(?:[ \t]+(.*))?$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const STARTS_ENTRY = /^(?:\*\*|__)?[^:*_|]{1,60}?(?:\*\*|__)?\s*:(?:\s|\*|$)|^(?:\*\*|__)?(?:~|≈|about |around )?(?:\d{1,2}:\d{2}|\d{4}[-/.]\d{1,2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d)/i;
const TABLE_SEPARATOR = /^[ \t]*\|?[ \t]*:?-{1,}:?[ \t]*(\|[ \t]*:?-{1,}:?[ \t]*)*\|?[ \t]*$/;

/** Splits a table row into its cells; `\|` stays inside a cell. */
export function tableCells(row: string): string[] {
  let text = row.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && text[i + 1] === '|') {
      current += '\\|';
      i++;
    } else if (text[i] === '|') {
      cells.push(current.trim());
      current = '';
    } else {
      current += text[i];
    }
  }
  cells.push(current.trim());
  return cells;
}

function isTableStart(lines: readonly string[], i: number): boolean {
  return lines[i].includes('|') && i + 1 < lines.length && lines[i + 1].includes('-') && TABLE_SEPARATOR.test(lines[i + 1]) && lines[i + 1].includes('|');
}

/** Classifies every line of a Markdown document; tables and code blocks become one entry each. */
export function readMarkdownLines(source: string): MarkdownLine[] {
  const lines = source.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const out: MarkdownLine[] = [];
  // Indentation of the list items seen so far in the current list, to number their depth.
  const listIndents: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (!raw.trim()) {
      out.push({ kind: 'blank', line: i, raw });
      continue;
    }
    const fence = FENCE.exec(raw);
    if (fence) {
      const block = [raw];
      let j = i + 1;
      while (j < lines.length && !lines[j].trimStart().startsWith(fence[1])) block.push(lines[j++]);
      if (j < lines.length) block.push(lines[j]);
      out.push({ kind: 'code', line: i, raw, lines: block });
      i = Math.min(j, lines.length - 1);
      continue;
    }
    const heading = ATX_HEADING.exec(raw);
    if (heading) {
      listIndents.length = 0;
      out.push({ kind: 'heading', line: i, raw, level: heading[1].length, text: (heading[2] ?? '').trim() });
      continue;
    }
    if (isTableStart(lines, i)) {
      listIndents.length = 0;
      const rows: TableRow[] = [];
      const header = tableCells(raw);
      let j = i + 2;
      while (j < lines.length && lines[j].trim() && lines[j].includes('|')) {
        rows.push({ line: j, raw: lines[j], cells: tableCells(lines[j]) });
        j++;
      }
      out.push({ kind: 'table', line: i, raw, header, rows, lines: lines.slice(i, j) });
      i = j - 1;
      continue;
    }
    const next = lines[i + 1];
    const previous = out[out.length - 1];
    if (next !== undefined && SETEXT_UNDERLINE.test(next) && !LIST_ITEM.test(raw) && (!previous || previous.kind === 'blank' || previous.kind === 'heading')) {
      listIndents.length = 0;
      out.push({ kind: 'heading', line: i, raw: `${raw}\n${next}`, level: next.trim().startsWith('=') ? 1 : 2, text: raw.trim() });
      i++;
      continue;
    }
    if (THEMATIC_BREAK.test(raw)) {
      out.push({ kind: 'rule', line: i, raw });
      continue;
    }
    const item = LIST_ITEM.exec(raw);
    if (item) {
      const indent = visualWidth(item[1]);
      while (listIndents.length && listIndents[listIndents.length - 1] > indent) listIndents.pop();
      if (!listIndents.length || listIndents[listIndents.length - 1] < indent) listIndents.push(indent);
      out.push({
        kind: 'item', line: i, raw, depth: listIndents.length - 1, ordered: item[3] !== undefined,
        number: item[3] === undefined ? undefined : Number(item[3]), text: (item[4] ?? '').trim(),
      });
      continue;
    }
    const text = raw.trim().replace(/^>[ \t]?/, '').trim();
    // A line that goes on from the one above (no blank between; indented under a list item)
    // belongs to the same paragraph or item, unless it starts an entry of its own: `Label:
    // value`, a time or a date, or the name of a section (the template pasted without its marks).
    const continues = previous?.kind === 'text' || (previous?.kind === 'item' && /^[ \t]/.test(raw));
    if (continues && !STARTS_ENTRY.test(text) && !sectionOfHeading(text)) {
      previous.raw += `\n${raw}`;
      previous.text += ` ${text}`;
      continue;
    }
    out.push({ kind: 'text', line: i, raw, text });
  }
  return out;
}

/**
 * Markdown inline syntax taken off a piece of text so that it reads as the words it shows:
 * emphasis marks, backslash escapes, `<br>` and links. Code spans keep their backticks, which
 * the postmortem language shows as code too.
 */
export function plainText(markdown: string): string {
  let text = markdown.replace(/<br\s*\/?>/gi, ' ');
  // [text](url): the link text, and the address when it says something the text does not.
  text = text.replace(/\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (_whole, label: string, url: string) => {
    const shown = unescapeMarkdown(label);
    return shown === url || !url ? shown : `${label} (${url})`;
  });
  text = text.replace(/(^|[^\\*])\*\*(?=\S)(.+?)\*\*/g, '$1$2').replace(/(^|[^\\_\w])__(?=\S)(.+?)__(?!\w)/g, '$1$2');
  text = text.replace(/(^|[^\\*\w])\*(?=\S)([^*]+?)\*(?!\w)/g, '$1$2').replace(/(^|[^\\_\w])_(?=\S)([^_]+?)_(?!\w)/g, '$1$2');
  text = text.replace(/~~(?=\S)(.+?)~~/g, '$1');
  return unescapeMarkdown(text).replace(/[ \t]+/g, ' ').trim();
}

/** `\*` → `*`: the escapes `export --format md` writes, and any other ASCII punctuation escape. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/**
 * Splits a table cell at its `<br>` line breaks, each part as plain text; ` • ` starts a bullet
 * (`export --format md` writes the bullets under a row into its cell that way).
 */
export function cellLines(cell: string): string[] {
  return cell.split(/<br\s*\/?>|(?= • )/i).map(plainText).filter(Boolean);
}
