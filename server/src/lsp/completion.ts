import type { CancellationToken, CompletionItem, CompletionParams, Range } from 'vscode-languageserver';
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind } from 'vscode-languageserver';
import type { ActionsSection, PostmortemDocument, SectionNode } from '../core/language/ast';
import { formatDate, parseIsoDay, dateToEpochDay, calendarDateOf, pad2 } from '../core/language/time';
import type { Term } from '../core/language/vocabulary';
import {
  ACTION_FIELDS, ACTION_STATUSES, DOCUMENT_STATUSES, FACTOR_CATEGORIES, HEADER_FIELDS, INCIDENT_FIELDS, INCIDENT_TYPES,
  LESSON_CATEGORIES, PRIORITIES, SECTIONS, TIMESTAMP_FIELDS, WHYS_KEYS, findTerm, severityTerms,
} from '../core/language/vocabulary';
import { actionField } from '../core/language/queries';
import { PROSE_PLACEHOLDERS, escapeSnippetText, templateSnippet, templateText } from '../core/template/postmortemTemplate';
import { blockAt } from './astQueries';
import { indentWidth } from '../core/language/queries';
import type { AnalyzedDocument } from './documents';

export interface CompletionEnvironment {
  /** The `@handle`s of the `owner:`/`authors:` fields in the workspace, and the configured people. */
  handles(): string[];
  /** Milliseconds since the epoch: the time a new timeline line starts with. */
  now(): number;
  /** Whether the client inserts snippets (tab stops); without, items insert plain text. */
  snippets: boolean;
}

/** Characters after which the editor asks for completion without being told to. */
export const COMPLETION_TRIGGERS = [':', ' ', '@'];

const DAY_MS = 86_400_000;
const KEY_VALUE = /^([ \t]*)([A-Za-z][\w -]*?):([ \t]*)([^:]*)$/;
const PARTIAL_KEY = /^[ \t]+([A-Za-z][\w -]*)?$/;
const PARTIAL_TOP_KEY = /^([A-Za-z][\w ]*)?$/;
const PARTIAL_TIMESTAMP = /^[ \t]+[\d:TZ -]*$/;

/** What the cursor stands in: the line up to the cursor and where replacements start. */
interface Cursor {
  line: number;
  character: number;
  before: string;
  ast: PostmortemDocument;
  today: string;
  /** The configured severity scale, most severe first. */
  severities: readonly string[];
}

/**
 * Context-aware completion: section headers at column 0, the keys the current section or action
 * item still lacks, values after keys that take a fixed set, owners, the next action ID, the
 * current UTC time on a timeline line and due dates.
 */
export function completion(document: AnalyzedDocument, params: CompletionParams, token: CancellationToken, environment: CompletionEnvironment): CompletionItem[] {
  const { analysis } = document;
  const { line } = params.position;
  if (token.isCancellationRequested || line < 0 || line >= analysis.lines.lineCount) return [];
  const lineText = analysis.lines.lineText(line);
  const character = Math.max(0, Math.min(params.position.character, lineText.length));
  const before = lineText.slice(0, character);
  if (/^[ \t]*#/.test(before)) return [];
  const cursor: Cursor = { line, character, before, ast: analysis.ast, today: analysis.today, severities: analysis.config.severities };

  const keyValue = KEY_VALUE.exec(before);
  if (!/^[ \t]/.test(before)) {
    if (keyValue) return headerValues(cursor, keyValue, environment);
    if (!PARTIAL_TOP_KEY.test(before)) return [];
    return isEmptyBesides(analysis.lines, line) ? [templateItem(cursor, environment)] : topLevelKeys(cursor);
  }
  const block = blockAt(analysis.ast, line);
  if (!block || block.kind === 'header' || block.line === line) return [];
  const section = block.section;
  if (keyValue) return fieldValues(cursor, section, keyValue, environment);
  if (section.name === 'timeline' && PARTIAL_TIMESTAMP.test(before)) return [currentTime(cursor, environment.now())];
  if (section.name === 'followup' && PARTIAL_TIMESTAMP.test(before)) return [dateItem(replaceFrom(cursor, contentStart(before)), analysis.today, 0, 'today', { suffix: '  ' })];
  if (PARTIAL_KEY.test(before)) return sectionKeys(cursor, section, environment);
  return [];
}

/** Whether every line but `line` is blank or a comment: where a whole postmortem can start. */
function isEmptyBesides(lines: AnalyzedDocument['analysis']['lines'], line: number): boolean {
  for (let i = 0; i < lines.lineCount; i++) if (i !== line && !/^\s*(#.*)?$/.test(lines.lineText(i))) return false;
  return true;
}

/** The whole template, as "Postmortem: New Postmortem" inserts it, in an empty document only. */
function templateItem(cursor: Cursor, environment: CompletionEnvironment): CompletionItem {
  return {
    label: 'postmortem',
    kind: CompletionItemKind.Snippet,
    detail: 'the postmortem template',
    documentation: markdown('A whole blameless postmortem: header, every required section and field, with tab stops. Placeholders left in are reported (PM006).'),
    filterText: 'postmortem template',
    ...(environment.snippets ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
    textEdit: { range: replaceFrom(cursor, 0), newText: environment.snippets ? templateSnippet() : templateText(new Date(environment.now())) },
  };
}

function replaceFrom(cursor: Cursor, start: number): Range {
  return { start: { line: cursor.line, character: start }, end: { line: cursor.line, character: cursor.character } };
}

function contentStart(before: string): number {
  return before.length - before.trimStart().length;
}

function markdown(value: string) {
  return { kind: MarkupKind.Markdown, value };
}

function keyItems(cursor: Cursor, terms: readonly Term[], kind: CompletionItemKind, suffix: string): CompletionItem[] {
  const range = replaceFrom(cursor, contentStart(cursor.before));
  return terms.map((term, index) => ({
    label: term.name,
    kind,
    documentation: markdown(term.description),
    sortText: pad2(index),
    textEdit: { range, newText: `${term.name}${suffix}` },
  }));
}

function topLevelKeys(cursor: Cursor): CompletionItem[] {
  const present = new Set(cursor.ast.sections.map((s) => s.header.name));
  const items = keyItems(cursor, SECTIONS.filter((s) => !present.has(s.name)), CompletionItemKind.Module, ':');
  const inHeader = cursor.ast.sections.every((s) => s.range.start.line > cursor.line);
  if (!inHeader) return items;
  // Above the first section the header fields still missing come first.
  const fields = new Set([cursor.ast.title, ...cursor.ast.headerFields].map((f) => f?.key.name));
  const header = keyItems(cursor, HEADER_FIELDS.filter((f) => !fields.has(f.name)), CompletionItemKind.Property, ': ');
  for (const item of header) item.sortText = `a${item.sortText}`;
  for (const item of items) item.sortText = `b${item.sortText}`;
  return [...header, ...items];
}

function headerValues(cursor: Cursor, match: RegExpExecArray, environment: CompletionEnvironment): CompletionItem[] {
  const key = match[2].toLowerCase();
  if (key === 'status') return valueItems(cursor, match, DOCUMENT_STATUSES);
  if (key === 'authors') return authorItems(cursor, match, environment.handles());
  if (key === 'date') return [dateItem(valueRange(cursor, match), cursor.today, 0, 'today', { prefix: spaceNeeded(match) })];
  return [];
}

function sectionKeys(cursor: Cursor, section: SectionNode, environment: CompletionEnvironment): CompletionItem[] {
  switch (section.name) {
    case 'incident': {
      const present = new Set(section.fields.map((f) => f.key.name));
      return keyItems(cursor, INCIDENT_FIELDS.filter((f) => !present.has(f.name)), CompletionItemKind.Property, ': ');
    }
    case 'whys': {
      const numbers = section.whys.map((w) => w.number ?? 0);
      const next = Math.max(section.whys.length, ...numbers) + 1;
      const why = findTerm(WHYS_KEYS, 'why')!;
      const terms = [
        ...(section.symptom ? [] : [findTerm(WHYS_KEYS, 'symptom')!]),
        { name: `why ${next}`, description: why.description },
        ...(section.rootCause ? [] : [findTerm(WHYS_KEYS, 'root cause')!]),
      ];
      return keyItems(cursor, terms, CompletionItemKind.Property, ': ');
    }
    case 'factors':
    case 'lessons': {
      const present = new Set(section.categories.map((c) => c.key.name));
      const all = section.name === 'factors' ? FACTOR_CATEGORIES : LESSON_CATEGORIES;
      return keyItems(cursor, all.filter((c) => !present.has(c.name)), CompletionItemKind.Property, ':');
    }
    case 'actions':
      return actionKeys(cursor, section, environment);
    default:
      return [];
  }
}

/** Inside an action item (indented deeper than its ID): its missing fields; otherwise a new item with the next ID. */
function actionKeys(cursor: Cursor, section: ActionsSection, environment: CompletionEnvironment): CompletionItem[] {
  const item = [...section.items].reverse().find((i) => i.idRange.start.line < cursor.line);
  if (item && indentWidth(cursor.before) > item.idRange.start.character) {
    return keyItems(cursor, ACTION_FIELDS.filter((f) => !actionField(item, f.name)), CompletionItemKind.Property, ': ');
  }
  const id = nextActionId(section);
  return [{
    label: id,
    kind: environment.snippets ? CompletionItemKind.Snippet : CompletionItemKind.Value,
    detail: 'new action item, next free ID',
    documentation: markdown('A new action item: `ID: what will be done`, then its priority, owner, due date, status and how completion will be verified.'),
    textEdit: { range: replaceFrom(cursor, contentStart(cursor.before)), newText: environment.snippets ? actionItemSnippet(id, cursor, section, environment.handles()) : `${id}: ` },
    ...(environment.snippets ? { insertTextFormat: InsertTextFormat.Snippet, insertTextMode: InsertTextMode.adjustIndentation } : {}),
  }];
}

/**
 * A whole action item with tab stops; lines after the first are indented relative to the ID
 * line (the client adds the cursor line's indentation), as deep as the section's fields are.
 */
function actionItemSnippet(id: string, cursor: Cursor, section: ActionsSection, handles: string[]): string {
  const withField = section.items.find((i) => i.fields.length);
  const step = withField ? Math.max(1, withField.fields[0].range.start.character - withField.idRange.start.character) : 2;
  const indent = ' '.repeat(step);
  const owners = [...new Set(handles)].sort((a, b) => a.localeCompare(b)).map((h) => h.replace(/[,|\\$}]/g, (c) => `\\${c}`));
  const due = formatDate(calendarDateOf((dateToEpochDay(parseIsoDay(cursor.today)!) + 14) * DAY_MS));
  return [
    `${id}: \${1:${escapeSnippetText(PROSE_PLACEHOLDERS.action)}}`,
    `${indent}priority: \${2:P2}`,
    `${indent}owner: ${owners.length ? `\${3|${owners.join(',')}|}` : '$3'}`,
    `${indent}due: \${4:${due}}`,
    `${indent}status: not-started`,
    `${indent}verify: \${5:${escapeSnippetText(PROSE_PLACEHOLDERS.verify)}}$0`,
  ].join('\n');
}

/** `A` + (highest number + 1), in the prefix style the section already uses (`AI-7` → `AI-8`). */
export function nextActionId(section: ActionsSection): string {
  const parsed = section.items.map((i) => /^([A-Za-z]+)(-?)(\d+)$/.exec(i.id)).filter((m): m is RegExpExecArray => !!m);
  const style = parsed[parsed.length - 1];
  const prefix = style ? style[1] + style[2] : 'A';
  const max = Math.max(0, ...parsed.filter((m) => (m[1] + m[2]).toLowerCase() === prefix.toLowerCase()).map((m) => +m[3]));
  return `${prefix}${max + 1}`;
}

function fieldValues(cursor: Cursor, section: SectionNode, match: RegExpExecArray, environment: CompletionEnvironment): CompletionItem[] {
  const key = match[2].toLowerCase().replace(/[ \t]+/g, ' ');
  if (section.name === 'incident') {
    if (key === 'severity') return valueItems(cursor, match, severityTerms(cursor.severities));
    if (key === 'type') return valueItems(cursor, match, INCIDENT_TYPES);
    if (TIMESTAMP_FIELDS.includes(key)) {
      const item = currentTime(cursor, environment.now());
      item.textEdit = { range: valueRange(cursor, match), newText: `${spaceNeeded(match)}${item.label}` };
      return [item];
    }
  }
  if (section.name === 'actions') {
    if (key === 'priority') return valueItems(cursor, match, PRIORITIES);
    if (key === 'status') return valueItems(cursor, match, ACTION_STATUSES);
    if (key === 'owner') return ownerItems(cursor, match, environment.handles());
    if (key === 'due') return dueDates(cursor, match);
  }
  return [];
}

/** The typed value; when no space follows the colon yet, the inserted text brings its own. */
function valueRange(cursor: Cursor, match: RegExpExecArray): Range {
  return replaceFrom(cursor, match[1].length + match[2].length + 1 + match[3].length);
}

function spaceNeeded(match: RegExpExecArray): string {
  return match[3] ? '' : ' ';
}

function valueItems(cursor: Cursor, match: RegExpExecArray, terms: readonly Term[]): CompletionItem[] {
  const range = valueRange(cursor, match);
  return terms.map((term, index) => ({
    label: term.name,
    kind: CompletionItemKind.EnumMember,
    documentation: markdown(term.description),
    sortText: pad2(index),
    filterText: `${spaceNeeded(match)}${term.name}`,
    textEdit: { range, newText: `${spaceNeeded(match)}${term.name}` },
  }));
}

function ownerItems(cursor: Cursor, match: RegExpExecArray, handles: string[]): CompletionItem[] {
  return handleItems(cursor, valueRange(cursor, match), spaceNeeded(match), handles, []);
}

/** `authors:` is a list: the handle being typed after the last comma, none already listed. */
function authorItems(cursor: Cursor, match: RegExpExecArray, handles: string[]): CompletionItem[] {
  const value = match[4];
  const comma = value.lastIndexOf(',');
  if (comma < 0) return handleItems(cursor, valueRange(cursor, match), spaceNeeded(match), handles, []);
  const listed = value.slice(0, comma).split(',').map((h) => h.trim());
  const blanks = /^[ \t]*/.exec(value.slice(comma + 1))![0];
  const start = cursor.character - value.length + comma + 1 + blanks.length;
  return handleItems(cursor, replaceFrom(cursor, start), blanks ? '' : ' ', handles, listed);
}

/**
 * The handles `range` can become. Not the one already typed there: the document names it now, so
 * the server knows it, but accepting it would change nothing and take the Tab or Enter meant for
 * the next field.
 */
function handleItems(cursor: Cursor, range: Range, prefix: string, handles: string[], exclude: string[]): CompletionItem[] {
  const typed = cursor.before.slice(range.start.character).trim();
  const excluded = new Set([...exclude, typed].map((h) => h.toLowerCase()));
  return [...new Set(handles)].filter((h) => !excluded.has(h.toLowerCase())).sort((a, b) => a.localeCompare(b)).map((handle) => ({
    label: handle,
    kind: CompletionItemKind.Variable,
    detail: 'named in the workspace',
    filterText: `${prefix}${handle}`,
    textEdit: { range, newText: `${prefix}${handle}` },
  }));
}

const DUE_CHOICES: readonly [days: number, detail: string][] = [[0, 'today'], [7, 'in 1 week'], [14, 'in 2 weeks'], [30, 'in 30 days']];

function dueDates(cursor: Cursor, match: RegExpExecArray): CompletionItem[] {
  const range = valueRange(cursor, match);
  return DUE_CHOICES.map(([days, detail], order) => dateItem(range, cursor.today, days, detail, { prefix: spaceNeeded(match), order }));
}

function dateItem(range: Range, today: string, days: number, detail: string, { prefix = '', suffix = '', order = 0 } = {}): CompletionItem {
  const base = parseIsoDay(today)!;
  const date = formatDate(calendarDateOf((dateToEpochDay(base) + days) * DAY_MS));
  return {
    label: date,
    kind: CompletionItemKind.Value,
    detail,
    sortText: pad2(order),
    filterText: `${prefix}${date}`,
    textEdit: { range, newText: `${prefix}${date}${suffix}` },
  };
}

/** The current minute in UTC, `2026-11-27 14:05 UTC`, followed by the two spaces before the event text. */
function currentTime(cursor: Cursor, now: number): CompletionItem {
  const d = new Date(now);
  const label = `${formatDate(calendarDateOf(now))} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())} UTC`;
  return {
    label,
    kind: CompletionItemKind.Value,
    detail: 'now, in UTC',
    documentation: markdown('The current time in UTC. Write every time in UTC so readers in any zone agree on the order of events.'),
    textEdit: { range: replaceFrom(cursor, contentStart(cursor.before)), newText: `${label}  ` },
  };
}
