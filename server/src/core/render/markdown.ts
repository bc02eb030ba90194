import type { Analysis } from '../analysis/types';
import type {
  ActionsSection, CategorySection, FieldSection, FollowupSection, SectionNode, TextSection, TimelineSection, TimestampNode,
  WhysSection,
} from '../language/ast';
import { headerField, incidentField } from '../language/queries';
import { calendarDateOf, formatClockOffset, formatDate } from '../language/time';
import { canonicalKey, severityOn } from '../language/vocabulary';
import { actionItemsOf, lineTextOfBullets } from './actionItems';
import type { ActionItemView, LineText } from './actionItems';
import {
  chainTitle, formatClock, keyMoments, labelOf, metricText, rangeEndText, shownMetrics, showsWrittenForm,
  sourceLines, strayLines, timestampText, unplacedLines, writtenForm,
} from './documentFacts';
import { textBlocks } from './freeText';
import { inlineSegments } from './inline';
import { readerView } from './readerView';

/**
 * GitHub-flavoured Markdown for a wiki: the template's sections in the order the document gives
 * them, the timeline and the action items as tables. Document text is escaped so that it reads
 * as the same text, never as Markdown or HTML; `code` spans and http(s) links stay what they
 * are. Nothing the authors wrote is dropped: a line the parser could not place is shown where it
 * stands, marked. Diagnostics stay out: a wiki page is for readers, `postmortem check` is for
 * writers; so do same-line suppression comments (see `readerView`). The output passes markdownlint's default rules (line length aside).
 */
export function toMarkdown(analysed: Analysis): string {
  const analysis = readerView(analysed);
  const { ast } = analysis;
  const blocks: string[] = [];
  blocks.push(`# ${heading(ast.title?.value?.text || 'Untitled postmortem')}`);
  const header = headerList(analysis);
  if (header) blocks.push(header);
  const items = actionItemsOf(ast, analysis.todayDay);
  const headings = new Headings();
  const unplaced = unplacedLines(ast, analysis.lines);
  let itemIndex = 0;
  const flushUnplaced = (beforeLine: number) => {
    while (unplaced.length && unplaced[0].line < beforeLine) blocks.push(unparsed(unplaced.shift()!));
  };
  for (const section of ast.sections) {
    flushUnplaced(section.range.start.line);
    let block: string | undefined;
    if (section.name === 'actions') {
      const count = section.items.length;
      block = actionsSection(section, items.slice(itemIndex, itemIndex + count), analysis.today, headings);
      itemIndex += count;
    } else {
      block = sectionMarkdown(section, analysis, headings);
    }
    if (block) blocks.push(block);
  }
  flushUnplaced(Number.POSITIVE_INFINITY);
  // An empty value leaves a label with a blank after it; Markdown gives trailing blanks a meaning.
  return `${blocks.join('\n\n').replace(/[ \t]+$/gm, '')}\n`;
}

/** Section headings, numbered from the second of a kind on: markdownlint wants headings unique. */
class Headings {
  private readonly seen = new Map<string, number>();

  next(text: string): string {
    const count = (this.seen.get(text) ?? 0) + 1;
    this.seen.set(text, count);
    return count === 1 ? text : `${text} (${count})`;
  }
}

const INLINE_SPECIAL = /[\\`*_[\]<>|~&$]/g;

/** Inline text: every character Markdown or HTML could read as syntax is backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\u0000/g, '\uFFFD').replace(/\t/g, ' ').replace(INLINE_SPECIAL, '\\$&');
}

/** Free text with its code spans and links kept; `inTable` also keeps pipes inside code from ending a cell. */
function inline(text: string, inTable = false): string {
  return inlineSegments(text)
    .map((segment) => {
      if (segment.kind === 'code') {
        // Inside code nothing is escaped; the spaces a code span trims are dropped here instead.
        const code = segment.text.trim() || segment.text;
        return `\`${inTable ? code.replace(/\|/g, '\\|') : code}\``;
      }
      if (segment.kind === 'link') return `[${escapeMarkdown(segment.text)}](${segment.url.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
      return escapeMarkdown(segment.text);
    })
    .join('');
}

/** Text that starts a line: also escapes what would start a heading, quote, list or rule. */
function lineStart(text: string): string {
  return inline(text)
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Heading text: trailing punctuation is left out, as markdownlint asks. */
function heading(text: string): string {
  return escapeMarkdown(text.replace(/[.,;:!。，；：！]+$/, '') || text);
}

function cell(text: string): string {
  return inline(text, true) || ' ';
}

function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(head: string[], rows: string[][]): string {
  return [tableRow(head), tableRow(head.map(() => '---')), ...rows.map(tableRow)].join('\n');
}

/** A list item per text, each escaped for the start of its line. */
function bulletList(items: LineText[], indent = ''): string {
  return items.map((b) => `${indent}- ${inline(b.text)}`).join('\n');
}

/** A line the parser could not place, shown where it stands. */
function unparsed(line: LineText): string {
  return `**Not understood (line ${line.line + 1}):** ${inline(line.text)}`;
}

/** Bullets written under a table row, kept in its cell. */
function bulletsInCell(bullets: LineText[]): string {
  return bullets.map((b) => ` • ${inline(b.text, true)}`).join('');
}

function headerList(analysis: Analysis): string {
  const { ast } = analysis;
  const lines: string[] = [];
  const add = (label: string, value: string | undefined) => {
    if (value) lines.push(`- **${label}:** ${inline(value)}`);
  };
  add('ID', headerField(ast, 'id')?.value?.text);
  const date = headerField(ast, 'date');
  add('Written', date?.dateValue?.date && !date.dateValue.invalidReason ? formatDate(date.dateValue.date) : date?.value?.text);
  add('Status', headerField(ast, 'status')?.value && canonicalKey(headerField(ast, 'status')!.value!.text));
  add('Authors', headerField(ast, 'authors')?.value?.text);
  add('Type', analysis.incidentType);
  const severity = incidentField(ast, 'severity')?.value?.text;
  add('Severity', severity && (severityOn(analysis.config.severities, severity) ?? severity));
  // A repeated header field (PM005) is shown too: nothing written is dropped.
  const shown = new Set<object>(['id', 'date', 'status', 'authors'].map((name) => headerField(ast, name)).filter((f): f is NonNullable<typeof f> => !!f));
  for (const field of ast.headerFields) {
    if (shown.has(field)) continue;
    add(labelOf(field.key.raw), field.value?.text ?? '—');
    for (const bullet of lineTextOfBullets(field.bullets)) lines.push(`  - ${inline(bullet.text)}`);
  }
  return lines.join('\n');
}

function sectionMarkdown(section: SectionNode, analysis: Analysis, headings: Headings): string | undefined {
  switch (section.name) {
    case 'summary':
      return textSection(headings.next('Summary'), section);
    case 'notes':
      return textSection(headings.next('Notes'), section);
    case 'incident':
      return incidentSection(analysis, section, headings);
    case 'timeline':
      return timelineSection(section, analysis, headings);
    case 'whys':
      return whysSection(section, headings);
    case 'factors':
      return categorySection(headings.next('Contributing factors'), section, headings);
    case 'lessons':
      return categorySection(headings.next('Lessons learned'), section, headings);
    case 'followup':
      return followupSection(section, headings);
    default:
      return unknownSection(section, analysis, headings);
  }
}

/** Text written on a section's header line (`timeline: times in UTC`), kept as a paragraph. */
function inlineText(section: SectionNode): string[] {
  return section.inlineText && section.name !== 'whys' ? [lineStart(section.inlineText.text)] : [];
}

/** Blocks and unplaced lines in source order. */
function inPlace(entries: [number, string][], section: SectionNode): string[] {
  const all: [number, string][] = [...entries, ...strayLines(section).map((s): [number, string] => [s.line, unparsed(s)])];
  return all.sort((a, b) => a[0] - b[0]).map(([, text]) => text);
}

function textSection(title: string, section: TextSection): string {
  const blocks = textBlocks(section.text).map((block) => (block.kind === 'paragraph' ? lineStart(block.text) : bulletList(block.items)));
  return [`## ${heading(title)}`, ...blocks].join('\n\n');
}

/** A section the language does not know, kept with its lines and marked. */
function unknownSection(section: SectionNode, analysis: Analysis, headings: Headings): string {
  const lines = sourceLines(analysis.ast, analysis.lines, section.range.start.line + 1, section.range.end.line);
  const parts = [`## ${heading(headings.next(section.header.raw))}`, `**Not a known section (line ${section.range.start.line + 1}).**`];
  if (section.inlineText) parts.push(lineStart(section.inlineText.text));
  if (lines.length) parts.push(bulletList(lines));
  return parts.join('\n\n');
}

function timestampCell(stamp: TimestampNode): string {
  const written = showsWrittenForm(stamp) ? ` (written ${writtenForm(stamp)})` : '';
  return cell(`${timestampText(stamp)}${written}`);
}

function incidentSection(analysis: Analysis, section: FieldSection, headings: Headings): string {
  const rows: [number, string][] = section.fields
    .filter((f) => f.value || f.bullets.length)
    .map((f) => {
      const value = f.timestamp ? timestampCell(f.timestamp) : cell(f.value?.text ?? '');
      return [f.range.start.line, tableRow([labelOf(f.key.name), `${value}${bulletsInCell(lineTextOfBullets(f.bullets))}`])];
    });
  for (const stray of strayLines(section)) rows.push([stray.line, tableRow(['Not understood', cell(stray.text)])]);
  rows.sort((a, b) => a[0] - b[0]);
  const metrics = shownMetrics(analysis.metrics).map((m) => [m.label, metricText(analysis.metrics, m.key), m.definition.replace(/^.* = /, '')]);
  const parts = [`## ${heading(headings.next('Incident'))}`, ...inlineText(section)];
  if (rows.length) parts.push([tableRow(['Field', 'Value']), tableRow(['---', '---']), ...rows.map(([, row]) => row)].join('\n'));
  parts.push(table(['Metric', 'Value', 'Definition'], metrics));
  return parts.join('\n\n');
}

function timelineSection(section: TimelineSection, analysis: Analysis, headings: Headings): string {
  const started = keyMoments(analysis.ast).find((m) => m.name === 'started')?.instant;
  const origin = started ?? section.events.find((e) => e.timestamp.instant !== undefined)?.timestamp.instant;
  let previousDay = '';
  const rows: [number, string][] = section.events.map((event) => {
    const stamp = event.timestamp;
    let time = cell(writtenForm(stamp));
    let offset = ' ';
    if (stamp.instant !== undefined) {
      const day = formatDate(calendarDateOf(stamp.instant));
      const clock = `${formatClock(stamp.instant, stamp.second !== undefined)}${rangeEndText(stamp)}`;
      const written = showsWrittenForm(stamp) ? ` (written ${writtenForm(stamp)})` : '';
      time = cell(`${stamp.approximate ? '≈ ' : ''}${day === previousDay ? clock : `${day} ${clock}`}${written}`);
      previousDay = day;
      if (origin !== undefined) offset = formatClockOffset((stamp.instant - origin) / 60_000);
    }
    return [event.range.start.line, tableRow([time, offset, `${cell(event.text?.text ?? '')}${bulletsInCell(lineTextOfBullets(event.bullets))}`])];
  });
  for (const stray of strayLines(section)) rows.push([stray.line, tableRow([' ', ' ', `**Not understood:** ${cell(stray.text)}`])]);
  rows.sort((a, b) => a[0] - b[0]);
  const parts = [`## ${heading(headings.next('Timeline'))}`, ...inlineText(section)];
  if (rows.length) {
    const head = ['Time (UTC)', started !== undefined ? 'Since start' : 'Elapsed', 'Event'];
    parts.push([tableRow(head), tableRow(head.map(() => '---')), ...rows.map(([, row]) => row)].join('\n'));
  }
  return parts.join('\n\n');
}

function whysSection(section: WhysSection, headings: Headings): string {
  const title = chainTitle(section);
  const entries: [number, string][] = [];
  let steps: string[] = [];
  let stepsLine = -1;
  const flush = () => {
    if (steps.length) entries.push([stepsLine, steps.join('\n')]);
    steps = [];
  };
  for (const entry of section.entries) {
    const name = entry.key.name;
    const text = inline(entry.value?.text ?? '');
    const bullets = lineTextOfBullets(entry.bullets);
    if (name === 'symptom' || name === 'root cause') {
      flush();
      entries.push([entry.range.start.line, [`**${labelOf(name)}:** ${text}`, bulletList(bullets)].filter(Boolean).join('\n\n')]);
    } else {
      if (!steps.length) stepsLine = entry.range.start.line;
      const number = 'number' in entry ? entry.number : undefined;
      steps.push(`- **Why${number === undefined ? '' : ` ${number}`}:** ${text}`);
      if (bullets.length) steps.push(bulletList(bullets, '  '));
    }
  }
  flush();
  return [`## ${heading(headings.next(title ? `Five whys: ${title}` : 'Five whys'))}`, ...inPlace(entries, section)].join('\n\n');
}

function categorySection(title: string, section: CategorySection, headings: Headings): string {
  const entries: [number, string][] = section.categories.map((category) => {
    const items: LineText[] = [];
    if (category.value) items.push({ text: category.value.text, line: category.value.range.start.line });
    items.push(...lineTextOfBullets(category.bullets));
    return [category.range.start.line, `### ${heading(headings.next(labelOf(category.key.name)))}\n\n${items.length ? bulletList(items) : '_Nothing listed._'}`];
  });
  return [`## ${heading(title)}`, ...inlineText(section), ...inPlace(entries, section)].join('\n\n');
}

function actionDetails(item: ActionItemView): string | undefined {
  const lines: string[] = [];
  for (const [label, field] of [['Why', item.why], ['Verify', item.verify], ['Addresses', item.addresses]] as const) {
    if (field) lines.push(`  - _${label}:_ ${inline(field.text)}`);
  }
  for (const bullet of item.bullets) lines.push(`  - ${inline(bullet.text)}`);
  return lines.length ? [`- **${escapeMarkdown(item.id)}**`, ...lines].join('\n') : undefined;
}

function actionsSection(section: ActionsSection, items: ActionItemView[], today: string, headings: Headings): string {
  const parts = [`## ${heading(headings.next('Action items'))}`, ...inlineText(section)];
  const overdue = items.filter((i) => i.overdue).length;
  if (overdue) parts.push(`**${overdue} overdue** as of ${today}.`);
  if (items.length) {
    const rows = items.map((item) => [
      `**${cell(item.id)}**`,
      cell(item.title?.text ?? ''),
      cell(item.priority?.text ?? '—'),
      cell(item.owner?.text ?? '—'),
      item.due ? `${cell(item.due.text)}${item.overdue ? ' **(overdue)**' : ''}` : '—',
      cell(item.status?.text ?? '—'),
      item.ticket ? cell(item.ticket.text) : '—',
    ]);
    parts.push(table(['ID', 'Action', 'Priority', 'Owner', 'Due', 'Status', 'Ticket'], rows));
    const details = items.map(actionDetails).filter((d): d is string => !!d);
    if (details.length) parts.push(details.join('\n'));
  }
  const strays = strayLines(section);
  if (strays.length) parts.push(...strays.map(unparsed));
  return parts.join('\n\n');
}

function followupSection(section: FollowupSection, headings: Headings): string {
  const entries: [number, string][] = section.notes.map((n) => {
    const bullets = lineTextOfBullets(n.bullets);
    return [n.range.start.line, `- **${escapeMarkdown(n.date.raw)}** ${inline(n.text?.text ?? '')}${bullets.length ? `\n${bulletList(bullets, '  ')}` : ''}`];
  });
  const strays = strayLines(section).map((s): [number, string] => [s.line, `- ${unparsed(s)}`]);
  const list = [...entries, ...strays].sort((a, b) => a[0] - b[0]).map(([, t]) => t);
  const parts = [`## ${heading(headings.next('Follow-up'))}`, ...inlineText(section)];
  if (list.length) parts.push(list.join('\n'));
  return parts.join('\n\n');
}
