import type { Analysis } from '../analysis/types';
import type {
  ActionsSection, CategorySection, FieldSection, FollowupSection, SectionNode, TextSection, TimelineSection, WhysSection,
} from '../language/ast';
import { calendarDateOf, formatClockOffset, formatDate } from '../language/time';
import { canonicalKey, severityOn } from '../language/vocabulary';
import { actionItemsOf, lineTextOfBullets } from './actionItems';
import type { ActionItemView, LineText } from './actionItems';
import {
  formatClock, metricText, shownMetrics, headerField, incidentField, keyMoments, labelOf,
  paragraphsOf, timestampText,
} from './documentFacts';
import { findHttpUrl } from './escape';

/**
 * GitHub-flavoured Markdown for a wiki: the template's sections in the order the document gives
 * them, the timeline and the action items as tables. Document text is escaped so that it reads
 * as the same text, never as Markdown or HTML. Diagnostics stay out: a wiki page is for readers,
 * `postmortem check` is for writers.
 */
export function toMarkdown(analysis: Analysis): string {
  const blocks: string[] = [];
  const { ast } = analysis;
  blocks.push(`# ${escapeMarkdown(ast.title?.value?.text || 'Untitled postmortem')}`);
  blocks.push(headerList(analysis));
  const items = actionItemsOf(ast, analysis.today);
  let itemIndex = 0;
  for (const section of ast.sections) {
    let block: string | undefined;
    if (section.name === 'actions') {
      const count = (section as ActionsSection).items.length;
      block = actionsSection(items.slice(itemIndex, itemIndex + count), analysis.today);
      itemIndex += count;
    } else {
      block = sectionMarkdown(section, analysis);
    }
    if (block) blocks.push(block);
  }
  return `${blocks.join('\n\n')}\n`;
}

const INLINE_SPECIAL = /[\\`*_[\]<>|~&$]/g;

/** Inline text: every character Markdown or HTML could read as syntax is backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\u0000/g, '\uFFFD').replace(INLINE_SPECIAL, '\\$&');
}

/** Text that starts a line: also escapes what would start a heading, quote, list or rule. */
function escapeLineStart(text: string): string {
  return escapeMarkdown(text)
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(head: string[], rows: string[][]): string {
  return [tableRow(head), tableRow(head.map(() => '---')), ...rows.map(tableRow)].join('\n');
}

function linkMarkdown(text: string): string {
  const found = findHttpUrl(text);
  if (!found) return escapeMarkdown(text);
  const href = found.url.replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `${escapeMarkdown(text.slice(0, found.start))}[${escapeMarkdown(text.slice(found.start, found.end))}](${href})${escapeMarkdown(text.slice(found.end))}`;
}

function bulletList(items: LineText[], indent = ''): string {
  return items.map((b) => `${indent}- ${escapeMarkdown(b.text)}`).join('\n');
}

function headerList(analysis: Analysis): string {
  const { ast } = analysis;
  const lines: string[] = [];
  const add = (label: string, value: string | undefined) => {
    if (value) lines.push(`- **${label}:** ${escapeMarkdown(value)}`);
  };
  add('ID', headerField(ast, 'id')?.value?.text);
  const date = headerField(ast, 'date');
  add('Written', date?.dateValue?.date && !date.dateValue.invalidReason ? formatDate(date.dateValue.date) : date?.value?.text);
  add('Status', headerField(ast, 'status')?.value && canonicalKey(headerField(ast, 'status')!.value!.text));
  add('Authors', headerField(ast, 'authors')?.value?.text);
  add('Type', analysis.incidentType);
  const severity = incidentField(ast, 'severity')?.value?.text;
  add('Severity', severity && (severityOn(analysis.config.severities, severity) ?? severity));
  return lines.join('\n');
}

function sectionMarkdown(section: SectionNode, analysis: Analysis): string | undefined {
  switch (section.name) {
    case 'summary':
      return textSection('Summary', section);
    case 'notes':
      return textSection('Notes', section);
    case 'incident':
      return incidentSection(analysis, section);
    case 'timeline':
      return timelineSection(section, analysis);
    case 'whys':
      return whysSection(section);
    case 'factors':
      return categorySection('Contributing factors', section);
    case 'lessons':
      return categorySection('Lessons learned', section);
    case 'followup':
      return followupSection(section);
    default:
      return undefined;
  }
}

function textSection(heading: string, section: TextSection): string {
  const paragraphs = paragraphsOf(section.text).map((p) => escapeLineStart(p.text));
  return [`## ${heading}`, ...paragraphs].join('\n\n');
}

function incidentSection(analysis: Analysis, section: FieldSection): string {
  const rows = section.fields
    .filter((f) => f.value)
    .map((f) => {
      const value = f.timestamp ? timestampText(f.timestamp) : f.value!.text;
      const bullets = lineTextOfBullets(f.bullets).map((b) => `<br>• ${escapeMarkdown(b.text)}`).join('');
      return [labelOf(f.key.name), `${escapeMarkdown(value)}${bullets}`];
    });
  const metrics = shownMetrics(analysis.metrics).map((m) => [m.label, metricText(analysis.metrics, m.key), m.definition.replace(/^.* = /, '')]);
  const parts = ['## Incident'];
  if (rows.length) parts.push(table(['Field', 'Value'], rows));
  parts.push(table(['Metric', 'Value', 'Definition'], metrics));
  return parts.join('\n\n');
}

function timelineSection(section: TimelineSection, analysis: Analysis): string {
  const started = keyMoments(analysis.ast).find((m) => m.name === 'started')?.instant;
  const origin = started ?? section.events.find((e) => e.timestamp.instant !== undefined)?.timestamp.instant;
  let previousDay = '';
  const rows = section.events.map((event) => {
    const stamp = event.timestamp;
    let time = escapeMarkdown(stamp.raw);
    let offset = '';
    if (stamp.instant !== undefined) {
      const day = formatDate(calendarDateOf(stamp.instant));
      const clock = formatClock(stamp.instant, stamp.second !== undefined);
      time = day === previousDay ? clock : `${day} ${clock}`;
      previousDay = day;
      if (origin !== undefined) offset = formatClockOffset((stamp.instant - origin) / 60_000);
    }
    const bullets = lineTextOfBullets(event.bullets).map((b) => `<br>• ${escapeMarkdown(b.text)}`).join('');
    return [time, offset, `${escapeMarkdown(event.text?.text ?? '')}${bullets}`];
  });
  const parts = ['## Timeline'];
  if (rows.length) parts.push(table(['Time (UTC)', started !== undefined ? 'Since start' : 'Elapsed', 'Event'], rows));
  return parts.join('\n\n');
}

function whysSection(section: WhysSection): string {
  const parts = ['## Five whys'];
  const steps: string[] = [];
  const flush = () => {
    if (steps.length) parts.push(steps.splice(0).join('\n'));
  };
  for (const entry of section.entries) {
    const name = entry.key.name;
    const text = escapeMarkdown(entry.value?.text ?? '');
    const bullets = lineTextOfBullets(entry.bullets);
    if (name === 'symptom' || name === 'root cause') {
      flush();
      parts.push([`**${labelOf(name)}:** ${text}`, bulletList(bullets)].filter(Boolean).join('\n\n'));
    } else {
      const number = 'number' in entry ? entry.number : undefined;
      steps.push(`- **Why${number === undefined ? '' : ` ${number}`}:** ${text}`);
      if (bullets.length) steps.push(bulletList(bullets, '  '));
    }
  }
  flush();
  return parts.join('\n\n');
}

function categorySection(heading: string, section: CategorySection): string {
  const parts = [`## ${heading}`];
  for (const category of section.categories) {
    const items: LineText[] = [];
    if (category.value) items.push({ text: category.value.text, line: category.value.range.start.line });
    items.push(...lineTextOfBullets(category.bullets));
    parts.push(`### ${labelOf(category.key.name)}`);
    parts.push(items.length ? bulletList(items) : '_Nothing listed._');
  }
  return parts.join('\n\n');
}

function actionCell(item: ActionItemView): string {
  const lines = [escapeMarkdown(item.title?.text ?? '')];
  for (const [label, field] of [['Why', item.why], ['Verify', item.verify], ['Addresses', item.addresses]] as const) {
    if (field) lines.push(`_${label}:_ ${escapeMarkdown(field.text)}`);
  }
  for (const bullet of item.bullets) lines.push(`• ${escapeMarkdown(bullet.text)}`);
  return lines.join('<br>');
}

function actionsSection(items: ActionItemView[], today: string): string {
  const parts = ['## Action items'];
  if (!items.length) return parts[0];
  const overdue = items.filter((i) => i.overdue).length;
  if (overdue) parts.push(`**${overdue} overdue** as of ${today}.`);
  const rows = items.map((item) => [
    `**${escapeMarkdown(item.id)}**`,
    actionCell(item),
    escapeMarkdown(item.priority?.text ?? '—'),
    escapeMarkdown(item.owner?.text ?? '—'),
    item.due ? `${escapeMarkdown(item.due.text)}${item.overdue ? ' **(overdue)**' : ''}` : '—',
    escapeMarkdown(item.canonicalStatus ?? item.status?.text ?? '—'),
    item.ticket ? linkMarkdown(item.ticket.text) : '—',
  ]);
  parts.push(table(['ID', 'Action', 'Priority', 'Owner', 'Due', 'Status', 'Ticket'], rows));
  return parts.join('\n\n');
}

function followupSection(section: FollowupSection): string {
  const parts = ['## Follow-up'];
  if (section.notes.length) parts.push(section.notes.map((n) => `- **${escapeMarkdown(n.date.raw)}** ${escapeMarkdown(n.text?.text ?? '')}`).join('\n'));
  return parts.join('\n\n');
}
