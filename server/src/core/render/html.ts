import type { Analysis, PostmortemDiagnostic } from '../analysis/types';
import { standalonePage, type PageTheme } from './standalonePage';
import type {
  ActionsSection, CategorySection, FieldNode, FieldSection, FollowupSection, SectionNode, TextSection, TimelineSection,
  TimestampNode, WhysSection,
} from '../language/ast';
import { headerField, incidentField, isOpenStatus } from '../language/queries';
import { formatClockOffset, formatDate, calendarDateOf } from '../language/time';
import {
  DEFAULT_SEVERITIES, DOCUMENT_STATUSES, FACTOR_CATEGORIES, INCIDENT_TYPES, LESSON_CATEGORIES, SECTIONS, canonicalKey, findTerm,
  severityOn, severityTerms,
} from '../language/vocabulary';
import { actionItemsOf, lineTextOfBullets } from './actionItems';
import type { ActionItemView, LineText } from './actionItems';
import {
  chainTitle, countDiagnostics, dayNumber, describeCounts, formatClock, keyMoments, labelOf, rangeEndText,
  metricText, shownMetrics, showsWrittenForm, sourceLines, strayLines, timestampText, unplacedLines, writtenForm,
} from './documentFacts';
import { escapeHtml } from './escape';
import { textBlocks } from './freeText';
import { inlineSegments } from './inline';
import { readerView } from './readerView';
import { REPORT_CSS } from './styles';
import { timelineChart } from './timelineChart';
import type { ChartEvent } from './timelineChart';

export type RenderTheme = PageTheme;

export interface RenderOptions {
  /** A whole HTML document with the CSS inlined and no scripts; otherwise the report fragment. */
  standalone?: boolean;
  /** Colours of a standalone document; `auto` follows the reader's system. Default `auto`. */
  theme?: RenderTheme;
  /**
   * How ticket URLs become links: `anchor` writes `<a href>` (the standalone default); `message`
   * writes `data-href` only, for the preview, whose script asks the extension to open the URL.
   */
  links?: 'anchor' | 'message';
}

/** How many problems the banner lists; the Problems panel and `postmortem check` have the rest. */
const LISTED_PROBLEMS = 50;

/**
 * Renders an analysed postmortem as HTML. Pure: the same analysis always gives the same HTML.
 * Every piece of document text goes through `escapeHtml`; every element drawn from a line of
 * the document carries that line (0-based) in `data-line`. Same-line suppression comments are
 * the checker's, not the authors': they are left out (see `readerView`).
 */
export function render(analysed: Analysis, options: RenderOptions = {}): string {
  const analysis = readerView(analysed);
  const links = options.links ?? (options.standalone ? 'anchor' : 'message');
  const body = renderReport(analysis, links);
  if (!options.standalone) return body;
  return standaloneDocument(analysis, body, options.theme ?? 'auto');
}

function standaloneDocument(analysis: Analysis, body: string, theme: RenderTheme): string {
  return standalonePage({ title: analysis.ast.title?.value?.text || 'Untitled postmortem', css: REPORT_CSS, body, theme });
}

type LinkMode = 'anchor' | 'message';

function line(n: number): string {
  return ` data-line="${n}"`;
}

/** How links are written in the document being rendered; set for the length of one `render`. */
let linkMode: LinkMode = 'anchor';

function renderReport(analysis: Analysis, links: LinkMode): string {
  linkMode = links;
  const out: string[] = [];
  out.push(`<article class="pm-report pm-type-${analysis.incidentType}">`);
  out.push(headerCard(analysis));
  out.push(problemsBanner(analysis.diagnostics));
  const items = actionItemsOf(analysis.ast, analysis.todayDay);
  const unplaced = unplacedLines(analysis.ast, analysis.lines);
  const flushUnplaced = (beforeLine: number) => {
    while (unplaced.length && unplaced[0].line < beforeLine) out.push(unparsedBlock(unplaced.shift()!));
  };
  let itemIndex = 0;
  for (const section of analysis.ast.sections) {
    flushUnplaced(section.range.start.line);
    if (section.name === 'actions') {
      const count = section.items.length;
      out.push(actionsSection(section, items.slice(itemIndex, itemIndex + count), analysis.today));
      itemIndex += count;
    } else {
      out.push(sectionHtml(section, analysis));
    }
  }
  flushUnplaced(Number.POSITIVE_INFINITY);
  out.push('</article>');
  return out.join('\n');
}

/** Free text with its `code` spans and http(s) links; everything else escaped. */
function inline(text: string): string {
  return inlineSegments(text)
    .map((segment) => {
      if (segment.kind === 'code') return `<code>${escapeHtml(segment.text)}</code>`;
      if (segment.kind === 'link') return linkTo(segment.url, segment.text);
      return escapeHtml(segment.text);
    })
    .join('');
}

function linkTo(url: string, label: string): string {
  const href = escapeHtml(url);
  return linkMode === 'anchor'
    ? `<a class="pm-link" href="${href}" rel="noopener noreferrer">${escapeHtml(label)}</a>`
    : `<a class="pm-link" data-href="${href}" role="link" tabindex="0" title="${href}">${escapeHtml(label)}</a>`;
}

const NOT_UNDERSTOOD = 'The checker could not place this line; it is shown as written.';

/** A line the parser could not place, shown where it stands. */
function unparsedBlock(item: LineText): string {
  return `<p class="pm-unparsed"${line(item.line)} title="${NOT_UNDERSTOOD}"><span class="pm-unparsed-label">Not understood:</span> ${inline(item.text)}</p>`;
}

/** Rendered entries and the section's stray lines, in source order. */
function inPlace(entries: [number, string][], strays: [number, string][]): string {
  return [...entries, ...strays].sort((a, b) => a[0] - b[0]).map(([, html]) => html).join('');
}

/** Text written on a section's header line (`timeline: times in UTC`), kept as a paragraph. */
function sectionInlineText(section: SectionNode): string {
  return section.inlineText && section.name !== 'whys' ? `<p${line(section.inlineText.range.start.line)}>${inline(section.inlineText.text)}</p>` : '';
}

function sectionHtml(section: SectionNode, analysis: Analysis): string {
  switch (section.name) {
    case 'summary':
    case 'notes':
      return textSection(section);
    case 'incident':
      return incidentSection(section, analysis);
    case 'timeline':
      return timelineSection(section, analysis);
    case 'whys':
      return whysSection(section);
    case 'factors':
      return categorySection(section, 'Contributing factors', FACTOR_CATEGORIES.map((c) => c.name));
    case 'lessons':
      return categorySection(section, 'Lessons learned', LESSON_CATEGORIES.map((c) => c.name));
    case 'followup':
      return followupSection(section);
    default:
      return unknownSection(section, analysis);
  }
}

/** A section the language does not know (PM004), kept with its lines and marked. */
function unknownSection(section: SectionNode, analysis: Analysis): string {
  const lines = sourceLines(analysis.ast, analysis.lines, section.range.start.line + 1, section.range.end.line);
  const text = section.inlineText ? `<p${line(section.inlineText.range.start.line)}>${inline(section.inlineText.text)}</p>` : '';
  return `<section class="pm-section pm-section-unknown pm-unparsed"${line(section.range.start.line)} title="Not a known section; shown as written."><h2>${escapeHtml(section.header.raw)}</h2>${text}${bulletList(lines)}</section>`;
}

function sectionOpen(section: SectionNode, heading: string, description?: string): string {
  const title = description ? ` title="${escapeHtml(description)}"` : '';
  return `<section class="pm-section pm-section-${section.name}"${line(section.range.start.line)}><h2${title}>${escapeHtml(heading)}</h2>`;
}

function sectionDescription(name: string): string | undefined {
  return SECTIONS.find((s) => s.name === name)?.description;
}

// ── Header card ────────────────────────────────────────────────────────────────────────────────

function headerCard(analysis: Analysis): string {
  const { ast } = analysis;
  const title = ast.title?.value?.text;
  const titleLine = ast.title ? line(ast.title.range.start.line) : '';
  const badges: string[] = [];
  const typeTerm = findTerm(INCIDENT_TYPES, analysis.incidentType);
  const typeField = incidentField(ast, 'type');
  const typeNote = analysis.incidentType === 'incident' ? typeTerm?.description : `${typeTerm?.description} Kept out of cross-incident figures.`;
  badges.push(`<span class="pm-badge pm-badge-type pm-badge-${analysis.incidentType}"${typeField ? line(typeField.range.start.line) : ''} title="${escapeHtml(typeNote ?? '')}">${escapeHtml(labelOf(analysis.incidentType))}</span>`);
  const severity = incidentField(ast, 'severity');
  if (severity?.value) {
    const scale = analysis.config.severities;
    const level = severityOn(scale, severity.value.text);
    const term = level ? findTerm(severityTerms(scale), level) : undefined;
    const cls = level ? `pm-sev ${severityClass(scale, level)}` : 'pm-sev pm-sev-unknown';
    badges.push(`<span class="pm-badge ${cls}"${line(severity.range.start.line)}${term ? ` title="${escapeHtml(term.description)}"` : ''}>${escapeHtml(level ?? severity.value.text)}</span>`);
  }
  const status = headerField(ast, 'status');
  if (status?.value) {
    const name = canonicalKey(status.value.text);
    const term = findTerm(DOCUMENT_STATUSES, name);
    const cls = term ? `pm-doc-${name}` : 'pm-doc-unknown';
    badges.push(`<span class="pm-badge pm-badge-doc ${cls}"${line(status.range.start.line)}${term ? ` title="${escapeHtml(term.description)}"` : ''}>${escapeHtml(term ? labelOf(name) : status.value.text)}</span>`);
  }

  const meta: string[] = [];
  const metaItem = (label: string, field: FieldNode | undefined, value?: string) => {
    const text = value ?? field?.value?.text;
    if (!field || !text) return;
    meta.push(`<div class="pm-meta-item"${line(field.range.start.line)}><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(text)}</dd></div>`);
  };
  metaItem('ID', headerField(ast, 'id'));
  const date = headerField(ast, 'date');
  metaItem('Written', date, date?.dateValue?.date && !date.dateValue.invalidReason ? formatDate(date.dateValue.date) : undefined);
  metaItem('Authors', headerField(ast, 'authors'));
  metaItem('Services', incidentField(ast, 'services'));
  // A repeated header field (PM005) is shown too: nothing written is dropped.
  const shown = ['id', 'date', 'authors'].map((name) => headerField(ast, name));
  for (const field of ast.headerFields) {
    if (!shown.includes(field) && field.key.name !== 'status') metaItem(labelOf(field.key.raw), field, field.value?.text ?? '—');
    else if (field.key.name === 'status' && field !== headerField(ast, 'status')) metaItem('Status', field);
  }

  return [
    `<header class="pm-card pm-header"${titleLine}>`,
    `<div class="pm-badges">${badges.join('')}</div>`,
    `<h1 class="pm-title${title ? '' : ' pm-missing'}"${titleLine}>${escapeHtml(title || 'Untitled postmortem')}</h1>`,
    meta.length ? `<dl class="pm-meta">${meta.join('')}</dl>` : '',
    '</header>',
  ].join('');
}

/**
 * The colour class of a level: the default scale's own (`pm-sev1`); on a team's scale, the
 * same colours by place, the most severe level red and the least grey.
 */
function severityClass(scale: readonly string[], level: string): string {
  if (DEFAULT_SEVERITIES.includes(level) && scale.length === DEFAULT_SEVERITIES.length) return `pm-${level.toLowerCase()}`;
  const place = scale.indexOf(level);
  return `pm-sev${scale.length === 1 ? 1 : 1 + Math.round((place * 4) / (scale.length - 1))}`;
}

// ── Problems banner ────────────────────────────────────────────────────────────────────────────

function problemsBanner(diagnostics: readonly PostmortemDiagnostic[]): string {
  const counts = countDiagnostics(diagnostics);
  const level = counts.errors ? 'error' : counts.warnings ? 'warning' : 'clean';
  const summary = counts.errors || counts.warnings ? `This document has ${describeCounts(counts)}` : 'No errors or warnings';
  const extra = counts.information ? ` · ${counts.information} suggestion${counts.information === 1 ? '' : 's'}` : '';
  const listed = diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').slice(0, LISTED_PROBLEMS);
  const head = `<span class="pm-problems-icon" aria-hidden="true"></span><span class="pm-problems-text">${escapeHtml(summary + extra)}</span>`;
  if (!listed.length) return `<section class="pm-problems pm-problems-${level}" role="status">${head}</section>`;
  const more = counts.errors + counts.warnings - listed.length;
  const items = listed.map(
    (d) =>
      `<li class="pm-problem pm-problem-${d.severity}"${line(d.range.start.line)}><span class="pm-problem-where">Line ${d.range.start.line + 1}</span> <code>${escapeHtml(d.code)}</code> ${escapeHtml(d.message)}</li>`,
  );
  if (more > 0) items.push(`<li class="pm-problem-more">… and ${more} more</li>`);
  return `<section class="pm-problems pm-problems-${level}" role="status"><details><summary>${head}</summary><ul>${items.join('')}</ul></details></section>`;
}

// ── Text sections ──────────────────────────────────────────────────────────────────────────────

/** A list of texts, each item carrying its line; '' for none. */
function bulletList(items: LineText[]): string {
  return items.length ? `<ul>${items.map((b) => `<li${line(b.line)}>${inline(b.text)}</li>`).join('')}</ul>` : '';
}

function textSection(section: TextSection): string {
  const heading = section.name === 'summary' ? 'Summary' : 'Notes';
  const blocks = textBlocks(section.text).map((block) => (block.kind === 'paragraph' ? `<p${line(block.line)}>${inline(block.text)}</p>` : bulletList(block.items)));
  return `${sectionOpen(section, heading)}${blocks.join('')}</section>`;
}

// ── Incident ───────────────────────────────────────────────────────────────────────────────────

function metricsHtml(analysis: Analysis): string {
  const cards = shownMetrics(analysis.metrics).map((m) => {
    const value = analysis.metrics[m.key];
    const rough = analysis.metrics.approximate.includes(m.key) ? '. Computed from an approximate time.' : '';
    const hover = value === null ? `${m.definition}. Needs both \`${m.needs[0]}\` and \`${m.needs[1]}\` with valid times, the second not before the first.` : `${m.definition}${rough}`;
    return `<div class="pm-metric${value === null ? ' pm-metric-missing' : ''}" title="${escapeHtml(hover)}"><dt>${escapeHtml(m.label)}</dt><dd>${escapeHtml(metricText(analysis.metrics, m.key))}</dd></div>`;
  });
  return `<dl class="pm-metrics">${cards.join('')}</dl>`;
}

/**
 * Why a time has no place in UTC, for its title: a time without a zone below one in another zone
 * waits for its authors to say which it is (PM010); anything else is the checker's finding.
 */
function unplacedTitle(stamp: TimestampNode): string {
  // Without a date to take, writing its zone would not place it either.
  return stamp.awaitsZoneOf && stamp.effectiveDate ? ` title="${escapeHtml('No time zone is written, and the time above it is in another zone: it is placed once its zone is.')}"` : '';
}

/** A time in UTC, with the form the authors wrote beside it when it was converted. */
function timeHtml(stamp: TimestampNode, shown: string): string {
  const invalid = stamp.instant === undefined ? ` class="pm-invalid"${unplacedTitle(stamp)}` : '';
  const asWritten = stamp.instant !== undefined && writtenForm(stamp) !== shown ? ` title="${escapeHtml(`Written as ${writtenForm(stamp)}`)}"` : '';
  const written = showsWrittenForm(stamp) ? ` <span class="pm-written">(written ${escapeHtml(writtenForm(stamp))})</span>` : '';
  return `<time${invalid}${asWritten}>${escapeHtml(shown)}</time>${written}`;
}

function incidentSection(section: FieldSection, analysis: Analysis): string {
  const rows: [number, string][] = section.fields
    .filter((f) => f.value || f.bullets.length)
    .map((f) => {
      const list = bulletList(lineTextOfBullets(f.bullets));
      const value = f.timestamp ? timeHtml(f.timestamp, timestampText(f.timestamp)) : inline(f.value?.text ?? '');
      return [f.range.start.line, `<tr${line(f.range.start.line)}><th scope="row">${escapeHtml(labelOf(f.key.name))}</th><td>${value}${list}</td></tr>`];
    });
  const strays = strayLines(section).map((s): [number, string] => [s.line, `<tr class="pm-unparsed"${line(s.line)} title="${NOT_UNDERSTOOD}"><th scope="row">Not understood</th><td>${inline(s.text)}</td></tr>`]);
  const table = rows.length || strays.length ? `<table class="pm-fields"><tbody>${inPlace(rows, strays)}</tbody></table>` : '';
  return `${sectionOpen(section, 'Incident', sectionDescription('incident'))}${sectionInlineText(section)}${metricsHtml(analysis)}${table}</section>`;
}

// ── Timeline ───────────────────────────────────────────────────────────────────────────────────

function timelineSection(section: TimelineSection, analysis: Analysis): string {
  const moments = keyMoments(analysis.ast);
  const started = moments.find((m) => m.name === 'started')?.instant;
  const chartEvents: ChartEvent[] = [];
  for (const event of section.events) {
    const instant = event.timestamp.instant;
    if (instant !== undefined) chartEvents.push({ instant, line: event.range.start.line, text: event.text?.text ?? '', approximate: event.timestamp.approximate });
  }
  const origin = started ?? chartEvents[0]?.instant;
  const chart = timelineChart(chartEvents, moments);
  const out: string[] = [sectionOpen(section, 'Timeline', sectionDescription('timeline')), sectionInlineText(section)];
  const approximate = chartEvents.some((e) => e.approximate) || moments.some((m) => m.approximate);
  if (chart) out.push(`<figure class="pm-chart">${chart}${chartLegend(moments.length > 0, approximate)}</figure>`);
  const strays = strayLines(section);
  if (section.events.length || strays.length) {
    out.push(`<table class="pm-events"><thead><tr><th scope="col">Time (UTC)</th><th scope="col">${origin === started && started !== undefined ? 'Since start' : 'Elapsed'}</th><th scope="col">Event</th></tr></thead><tbody>`);
    // The date shows where it changes; the rows in between show the time alone.
    let previousDay = Number.NaN;
    const rows: [number, string][] = [];
    for (const event of section.events) {
      const stamp = event.timestamp;
      const instant = stamp.instant;
      let time: string;
      let offset = '';
      if (instant === undefined) {
        time = `<time class="pm-invalid"${unplacedTitle(stamp)}>${escapeHtml(writtenForm(stamp))}</time>`;
      } else {
        const day = dayNumber(instant);
        const date = day !== previousDay ? `<span class="pm-day">${formatDate(calendarDateOf(instant))}</span> ` : '';
        const rough = stamp.approximate ? '<span class="pm-approximate" title="Approximate">≈</span> ' : '';
        const written = showsWrittenForm(stamp) ? ` <span class="pm-written">(written ${escapeHtml(writtenForm(stamp))})</span>` : '';
        time = `${rough}<time>${date}${formatClock(instant, stamp.second !== undefined)}${rangeEndText(stamp)}</time>${written}`;
        previousDay = day;
        if (origin !== undefined) offset = formatClockOffset((instant - origin) / 60_000);
      }
      const list = event.bullets.length ? bulletList(lineTextOfBullets(event.bullets)) : '';
      rows.push([event.range.start.line, `<tr data-line="${event.range.start.line}"><td class="pm-event-time">${time}</td><td class="pm-event-offset">${offset}</td><td class="pm-event-text">${inline(event.text?.text ?? '')}${list}</td></tr>`]);
    }
    const strayRows = strays.map((s): [number, string] => [s.line, `<tr class="pm-unparsed"${line(s.line)} title="${NOT_UNDERSTOOD}"><td class="pm-event-time"></td><td class="pm-event-offset"></td><td class="pm-event-text"><span class="pm-unparsed-label">Not understood:</span> ${inline(s.text)}</td></tr>`]);
    out.push(inPlace(rows, strayRows));
    out.push('</tbody></table>');
  }
  out.push('</section>');
  return out.join('');
}

function chartLegend(withMoments: boolean, withApproximate: boolean): string {
  const items = ['<span class="pm-legend-event">event</span>'];
  if (withMoments) items.unshift('<span class="pm-legend-impact">impact</span>', '<span class="pm-legend-recovery">recovery</span>');
  if (withApproximate) items.push('<span class="pm-legend-approximate">≈ approximate time</span>');
  return `<figcaption class="pm-legend">${items.join('')}</figcaption>`;
}

// ── Whys ───────────────────────────────────────────────────────────────────────────────────────

function whysSection(section: WhysSection): string {
  const steps: [number, string][] = [];
  for (const entry of section.entries) {
    const name = entry.key.name;
    const kind = name === 'symptom' ? 'symptom' : name === 'root cause' ? 'root' : 'why';
    const number = 'number' in entry ? entry.number : undefined;
    const label = kind === 'why' ? (number === undefined ? 'Why' : `Why ${number}`) : labelOf(name);
    const list = bulletList(lineTextOfBullets(entry.bullets));
    steps.push([entry.range.start.line, `<li class="pm-chain-step pm-chain-${kind}"${line(entry.range.start.line)}><span class="pm-chain-label">${escapeHtml(label)}</span><p>${inline(entry.value?.text ?? '')}</p>${list}</li>`]);
  }
  const strays = strayLines(section).map((s): [number, string] => [s.line, `<li class="pm-chain-step pm-unparsed"${line(s.line)} title="${NOT_UNDERSTOOD}"><span class="pm-chain-label">Not understood</span><p>${inline(s.text)}</p></li>`]);
  const title = chainTitle(section);
  const heading = title ? `Five whys: ${title}` : 'Five whys';
  return `${sectionOpen(section, heading, sectionDescription('whys'))}${steps.length || strays.length ? `<ol class="pm-chain">${inPlace(steps, strays)}</ol>` : ''}</section>`;
}

// ── Factors and lessons ────────────────────────────────────────────────────────────────────────

function categorySection(section: CategorySection, heading: string, order: string[]): string {
  const categories: [number, string][] = section.categories.map((c) => {
    const items: LineText[] = [];
    if (c.value) items.push({ text: c.value.text, line: c.value.range.start.line });
    items.push(...lineTextOfBullets(c.bullets));
    const list = items.length ? bulletList(items) : '<p class="pm-empty">Nothing listed.</p>';
    const known = order.includes(c.key.name) ? ` pm-category-${c.key.name.replace(' ', '-')}` : '';
    return [c.range.start.line, `<div class="pm-category${known}"${line(c.range.start.line)}><h3>${escapeHtml(labelOf(c.key.name))}</h3>${list}</div>`];
  });
  const strays = strayLines(section).map((s): [number, string] => [s.line, `<div class="pm-category pm-unparsed"${line(s.line)} title="${NOT_UNDERSTOOD}"><h3>Not understood</h3><p>${inline(s.text)}</p></div>`]);
  return `${sectionOpen(section, heading, sectionDescription(section.name))}${sectionInlineText(section)}${categories.length || strays.length ? `<div class="pm-categories">${inPlace(categories, strays)}</div>` : ''}</section>`;
}

// ── Action items ───────────────────────────────────────────────────────────────────────────────

function statusBadge(item: ActionItemView): string {
  if (!item.status) return '<span class="pm-status pm-status-none">no status</span>';
  const cls = item.canonicalStatus ? `pm-status-${item.canonicalStatus}` : 'pm-status-unknown';
  // The status as written: `complete` reads as the authors put it, coloured as `done`.
  const text = item.canonicalStatus && canonicalKey(item.status.text) === item.canonicalStatus ? item.canonicalStatus.replace('-', ' ') : item.status.text;
  return `<span class="pm-status ${cls}"${line(item.status.line)}>${escapeHtml(text)}</span>`;
}

function cell(field: LineText | undefined, className: string, content?: string): string {
  if (!field) return `<td class="${className} pm-missing">—</td>`;
  return `<td class="${className}"${line(field.line)}>${content ?? inline(field.text)}</td>`;
}

function actionDetails(item: ActionItemView): string {
  const details: string[] = [];
  const detail = (label: string, field: LineText | undefined) => {
    if (field) details.push(`<div${line(field.line)}><dt>${label}</dt><dd>${inline(field.text)}</dd></div>`);
  };
  detail('Why', item.why);
  detail('Verify', item.verify);
  detail('Addresses', item.addresses);
  detail('Ticket', item.ticket);
  return `${details.length ? `<dl class="pm-action-details">${details.join('')}</dl>` : ''}${bulletList(item.bullets)}`;
}

function actionsSection(section: ActionsSection, items: ActionItemView[], today: string): string {
  const out: string[] = [sectionOpen(section, 'Action items', sectionDescription('actions')), sectionInlineText(section)];
  if (items.length) {
    const open = items.filter((i) => isOpenStatus(i.canonicalStatus)).length;
    const overdue = items.filter((i) => i.overdue).length;
    out.push(`<p class="pm-actions-summary">${items.length} item${items.length === 1 ? '' : 's'}, ${open} open${overdue ? `, <strong class="pm-overdue-count">${overdue} overdue</strong>` : ''} as of ${escapeHtml(today)}</p>`);
    out.push('<table class="pm-actions"><thead><tr><th scope="col">ID</th><th scope="col">Action</th><th scope="col">Priority</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead><tbody>');
    for (const item of items) {
      const title = item.title ? `<span class="pm-action-title"${line(item.title.line)}>${inline(item.title.text)}</span>` : '<span class="pm-action-title pm-missing">No description</span>';
      const overdueMark = item.overdue ? ` <span class="pm-overdue-mark" title="Due ${escapeHtml(item.due?.text ?? '')}, ${item.daysOverdue} day${item.daysOverdue === 1 ? '' : 's'} ago">overdue</span>` : '';
      out.push(
        `<tr class="pm-action${item.overdue ? ' pm-overdue' : ''}"${line(item.line)}>` +
          `<td class="pm-action-id">${escapeHtml(item.id)}</td>` +
          `<td class="pm-action-text">${title}${actionDetails(item)}</td>` +
          cell(item.priority, 'pm-action-priority', item.priority && `<span class="pm-priority pm-priority-${/^p[0-4]$/i.test(item.priority.text) ? item.priority.text.toLowerCase() : 'unknown'}">${escapeHtml(item.priority.text)}</span>`) +
          cell(item.owner, 'pm-action-owner') +
          cell(item.due, 'pm-action-due', item.due && `${escapeHtml(item.due.text)}${overdueMark}`) +
          `<td class="pm-action-status">${statusBadge(item)}</td>` +
          '</tr>',
      );
    }
    out.push('</tbody></table>');
  }
  out.push(...strayLines(section).map(unparsedBlock));
  out.push('</section>');
  return out.join('');
}

// ── Follow-up ──────────────────────────────────────────────────────────────────────────────────

function followupSection(section: FollowupSection): string {
  const notes = section.notes.map((n): [number, string] => [n.range.start.line, `<li${line(n.range.start.line)}><time>${escapeHtml(n.date.raw)}</time> ${inline(n.text?.text ?? '')}${bulletList(lineTextOfBullets(n.bullets))}</li>`]);
  const strays = strayLines(section).map((s): [number, string] => [s.line, `<li class="pm-unparsed"${line(s.line)} title="${NOT_UNDERSTOOD}"><span class="pm-unparsed-label">Not understood:</span> ${inline(s.text)}</li>`]);
  return `${sectionOpen(section, 'Follow-up', sectionDescription('followup'))}${sectionInlineText(section)}${notes.length || strays.length ? `<ul class="pm-followup">${inPlace(notes, strays)}</ul>` : ''}</section>`;
}
