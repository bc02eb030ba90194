import type { CancellationToken, DocumentFormattingParams, TextEdit } from 'vscode-languageserver';
import { analyze } from '../core/analysis/analyze';
import type { Analysis } from '../core/analysis/types';
import { indentWidth } from '../core/language/queries';
import type { BulletNode, KeyNode, PostmortemDocument, Range, SectionNode, TextNode } from '../core/language/ast';
import { LineIndex } from '../core/language/lineIndex';
import type { AnalyzedDocument } from './documents';
import { documentEdit } from './textDiff';

const INDENT = '  ';
/** Spaces between the longest timestamp (or follow-up date) and the text column. */
const GAP = 2;

/**
 * What a line is, for the lines the formatter understands. Lines without a role (comments,
 * stray lines, syntax errors, unknown sections) keep their text and lose only trailing blanks.
 */
type Role =
  | { kind: 'key'; level: number; key: KeyNode; canonical: boolean }
  | { kind: 'aligned'; level: number; head: Range; column: number }
  | { kind: 'bullet'; level: number; dash: number }
  | { kind: 'text'; level: number };

export function formatting(document: AnalyzedDocument, _params: DocumentFormattingParams, token: CancellationToken): TextEdit[] {
  if (token.isCancellationRequested) return [];
  const edit = documentEdit(document.document, formatPostmortem(document.analysis));
  return edit ? [edit] : [];
}

/**
 * The canonical layout: lower-case keys (action IDs as written), two spaces per level, timeline
 * text in one column (one for events with a date, one for times alone), one blank line between
 * sections, no trailing blanks, one final line break. Only white space and the case of keys
 * change, so no word is lost.
 *
 * Lines the formatter does not understand (syntax errors, unknown sections) keep their depth
 * relative to the line above that it does understand; when even that would change what the
 * document means (what it reports), or formatting the result would change it again, the text is
 * left as it is: a formatter that rewrites a broken document into a different one loses text.
 */
export function formatPostmortem(analysis: Analysis): string {
  const formatted = layout(analysis);
  if (formatted === analysis.lines.text) return formatted;
  const after = analyze(formatted, MEANING_OPTIONS);
  const unchanged = layout(after) === formatted && meaning(after) === meaning(analyze(analysis.lines.text, MEANING_OPTIONS));
  return unchanged ? formatted : analysis.lines.text;
}

/** The same rules and date for the text before and after, whatever the document's configuration. */
const MEANING_OPTIONS = { config: {}, today: '2000-01-01' };

/** Node properties that say where (or how a key was cased), not what. */
const POSITIONAL_KEY = /^(raw|lineCount)$|(range|offset|start|end)$/i;

/**
 * What a document says, apart from where and in which case its keys are written: its tree
 * without positions, and its diagnostics without positions.
 */
function meaning(analysis: Analysis): string {
  const tree = JSON.stringify(analysis.ast, (key, value: unknown) => (value instanceof LineIndex || POSITIONAL_KEY.test(key) ? undefined : value));
  return `${tree}\n${analysis.diagnostics.map((d) => `${d.code} ${d.severity} ${d.message}`).sort().join('\n')}`;
}

function layout(analysis: Analysis): string {
  const { ast, lines } = analysis;
  const roles = new LineRoles(ast).roles;
  const sectionStarts = sectionStartLines(ast, lines);
  const out: string[] = [];
  let blankPending = false;
  /** The indentation of the last understood line, before and after. */
  let context = { before: 0, after: 0 };
  for (let line = 0; line < lines.lineCount; line++) {
    const role = roles.get(line);
    const original = lines.lineText(line);
    let text: string;
    if (role) {
      text = render(original, role);
      context = { before: indentWidth(original), after: role.level * INDENT.length };
    } else {
      text = reindented(original.trimEnd(), context);
      // A line at column 0 (an unknown section, a stray line) is where the lines below it hang from.
      if (text && indentWidth(text) === 0) context = { before: 0, after: 0 };
    }
    if (!text) {
      blankPending = out.length > 0;
      continue;
    }
    if ((sectionStarts.has(line) || blankPending) && out.length) out.push('');
    blankPending = false;
    out.push(text);
  }
  return out.length ? out.join(lines.eol) + lines.eol : '';
}

/** A line without a role, moved as far as the understood line above it moved (never to column 0). */
function reindented(lineText: string, context: { before: number; after: number }): string {
  const width = indentWidth(lineText);
  if (width === 0 || !lineText.trim()) return lineText;
  return ' '.repeat(Math.max(1, width - context.before + context.after)) + lineText.trimStart();
}

function render(lineText: string, role: Role): string {
  const indent = INDENT.repeat(role.level);
  switch (role.kind) {
    case 'key': {
      const rest = lineText.slice(role.key.range.end.character + 1).trim();
      return `${indent}${role.canonical ? role.key.name : role.key.raw}:${rest ? ` ${rest}` : ''}`;
    }
    case 'aligned': {
      const head = lineText.slice(role.head.start.character, role.head.end.character);
      const rest = lineText.slice(role.head.end.character).trim();
      return `${indent}${head}${rest ? ' '.repeat(Math.max(GAP, role.column - head.length)) + rest : ''}`;
    }
    case 'bullet': {
      const rest = lineText.slice(role.dash + 1).trim();
      return `${indent}-${rest ? ` ${rest}` : ''}`;
    }
    case 'text':
      return `${indent}${lineText.trim()}`;
  }
}

/** Section header lines, moved up over the column-0 comments written right above them. */
function sectionStartLines(ast: PostmortemDocument, lines: LineIndex): Set<number> {
  const starts = new Set<number>();
  for (const section of ast.sections) {
    let line = section.range.start.line;
    while (line > 0 && lines.lineText(line - 1).startsWith('#')) line--;
    starts.add(line);
  }
  return starts;
}

/** The role of every line the formatter understands, from the AST. */
class LineRoles {
  readonly roles = new Map<number, Role>();

  constructor(ast: PostmortemDocument) {
    for (const field of [ast.title, ...ast.headerFields]) if (field) this.entry(field.key, 0, true, field.value, field.bullets);
    for (const section of ast.sections) this.section(section);
  }

  private set(line: number, role: Role) {
    if (!this.roles.has(line)) this.roles.set(line, role);
  }

  /** A keyed entry: its key line at `level`, its continuation lines and bullets one level deeper. */
  private entry(key: KeyNode, level: number, canonical: boolean, value: TextNode | undefined, bullets: BulletNode[]) {
    this.set(key.range.start.line, { kind: 'key', level, key, canonical });
    this.body(value, bullets, level + 1, key.range.start.line);
  }

  /** Lines below an entry's first line: text that continues it, bullets, and the bullets' own continuations. */
  private body(value: TextNode | undefined, bullets: BulletNode[], level: number, firstLine: number) {
    this.continuation(value, level, firstLine);
    for (const bullet of bullets) {
      this.set(bullet.range.start.line, { kind: 'bullet', level, dash: bullet.range.start.character });
      this.continuation(bullet.text, level + 1, bullet.range.start.line);
    }
  }

  private continuation(value: TextNode | undefined, level: number, firstLine: number) {
    for (const part of value?.parts ?? []) if (part.range.start.line !== firstLine) this.set(part.range.start.line, { kind: 'text', level });
  }

  private aligned(head: Range, column: number, text: TextNode | undefined, bullets: BulletNode[]) {
    this.set(head.start.line, { kind: 'aligned', level: 1, head, column });
    this.body(text, bullets, 2, head.start.line);
  }

  private section(section: SectionNode) {
    if (section.name === 'unknown') return;
    const headerLine = section.header.range.start.line;
    this.set(headerLine, { kind: 'key', level: 0, key: section.header, canonical: true });
    switch (section.name) {
      case 'summary':
      case 'notes':
        this.continuation(section.text, 1, headerLine);
        break;
      case 'incident':
        for (const field of section.fields) this.entry(field.key, 1, true, field.value, field.bullets);
        break;
      case 'timeline': {
        // Times alone are not padded to the width of a full date: each kind has its own column.
        const column = (dated: boolean) => Math.max(0, ...section.events.filter((e) => (e.timestamp.dateRange !== undefined) === dated).map((e) => e.timestamp.raw.length)) + GAP;
        const columns = { dated: column(true), timeOnly: column(false) };
        for (const event of section.events) this.aligned(event.timestamp.range, event.timestamp.dateRange !== undefined ? columns.dated : columns.timeOnly, event.text, event.bullets);
        break;
      }
      case 'whys':
        for (const item of section.entries) this.entry(item.key, 1, true, item.value, item.bullets);
        break;
      case 'factors':
      case 'lessons':
        for (const category of section.categories) this.entry(category.key, 1, true, category.value, category.bullets);
        break;
      case 'actions':
        for (const item of section.items) {
          this.entry({ name: item.id, raw: item.id, range: item.idRange }, 1, false, item.title, item.bullets);
          for (const field of item.fields) this.entry(field.key, 2, true, field.value, field.bullets);
        }
        break;
      case 'followup': {
        const column = Math.max(0, ...section.notes.map((n) => n.date.raw.length)) + GAP;
        for (const note of section.notes) this.aligned(note.date.range, column, note.text, []);
        break;
      }
    }
  }
}
