import { escapeHtml } from './escape';
import { formatClock, formatInstant, labelOf } from './documentFacts';
import type { KeyMoment } from './documentFacts';
import { formatDate, calendarDateOf } from '../language/time';

/** One timeline event placed on the chart. */
export interface ChartEvent {
  instant: number;
  line: number;
  text: string;
  /** The authors knew this time only roughly (`~23:25`): drawn hollow, `≈` in its tooltip. */
  approximate: boolean;
}

/** Chart geometry in SVG user units; the SVG scales to the width of the page. */
const WIDTH = 960;
const MARGIN_X = 24;
const PLOT_WIDTH = WIDTH - 2 * MARGIN_X;
const LABEL_ROW_HEIGHT = 16;
const LABEL_CHAR_WIDTH = 6.6;
const AXIS_LABEL_GAP = 18;
/** Events closer than this on the chart share one mark: at most PLOT_WIDTH marks for any count. */
const MERGE_DISTANCE = 1;
/** How many event texts a merged mark lists in its tooltip. */
const TOOLTIP_EVENTS = 5;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const AXIS_STEPS = [MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 90 * DAY, 365 * DAY];
const MAX_AXIS_LABELS = 8;

interface Mark {
  x: number;
  line: number;
  count: number;
  first: number;
  texts: string[];
  /** Some event of the mark has an approximate time. */
  approximate: boolean;
}

interface PlacedLabel {
  x: number;
  /** 0 is the row nearest the axis; a moment's line crosses every row below its own. */
  row: number;
  anchor: 'start' | 'end';
  left: number;
  right: number;
}

/**
 * Stacks the moments' labels in rows above the axis so that no two labels overlap and no
 * moment's line runs through another moment's label: moments at the same time stay readable.
 */
function placeLabels(items: { x: number; text: string }[]): { placed: PlacedLabel[]; rows: number } {
  const placed: PlacedLabel[] = new Array(items.length);
  const others: PlacedLabel[] = [];
  // A line at a label's own edge (where its moment's line is) does not spoil it.
  const crosses = (label: PlacedLabel, x: number) => x > label.left + 3 && x < label.right - 3;
  // Right to left: labels run rightwards from their moment, so earlier moments stack above later ones.
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    const width = item.text.length * LABEL_CHAR_WIDTH + 8;
    const anchor: 'start' | 'end' = item.x + width > WIDTH - 4 ? 'end' : 'start';
    const left = anchor === 'start' ? item.x : item.x - width;
    const candidate = { x: item.x, row: 0, anchor, left, right: left + width };
    const fits = (row: number) =>
      others.every((other) =>
        other.row === row
          ? other.right + 6 <= candidate.left || candidate.right + 6 <= other.left
          : other.row > row
            ? !crosses(candidate, other.x)
            : !crosses(other, candidate.x),
      );
    const highest = others.reduce((max, p) => Math.max(max, p.row), -1) + 1;
    while (candidate.row < highest && !fits(candidate.row)) candidate.row++;
    placed[i] = candidate;
    others.push(candidate);
  }
  return { placed, rows: Math.max(1, ...placed.map((p) => p.row + 1)) };
}

function axisStep(span: number): number {
  return AXIS_STEPS.find((step) => span / step <= MAX_AXIS_LABELS) ?? AXIS_STEPS[AXIS_STEPS.length - 1];
}

const MOMENT_ORDER = ['started', 'detected', 'responded', 'mitigated', 'resolved'];

/**
 * An SVG time axis from the first to the last instant (events and marked moments), gaps to
 * scale, the marked moments as labelled lines, the impact window as a band, and one mark per
 * event, merged where events fall on the same unit of width. Returns '' with nothing to draw.
 */
export function timelineChart(events: readonly ChartEvent[], moments: readonly KeyMoment[]): string {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const e of events) {
    if (e.instant < first) first = e.instant;
    if (e.instant > last) last = e.instant;
  }
  for (const m of moments) {
    if (m.instant < first) first = m.instant;
    if (m.instant > last) last = m.instant;
  }
  if (!Number.isFinite(first)) return '';
  const span = last - first;
  const xOf = (instant: number) => (span === 0 ? MARGIN_X + PLOT_WIDTH / 2 : MARGIN_X + ((instant - first) / span) * PLOT_WIDTH);

  const sortedMoments = [...moments].sort((a, b) => a.instant - b.instant || MOMENT_ORDER.indexOf(a.name) - MOMENT_ORDER.indexOf(b.name));
  const momentLabels = sortedMoments.map((m) => ({ x: xOf(m.instant), text: `${labelOf(m.name)} ${m.approximate ? '≈ ' : ''}${formatClock(m.instant)}` }));
  const { placed, rows } = placeLabels(momentLabels);
  const axisY = 8 + rows * LABEL_ROW_HEIGHT + 22;
  const height = axisY + AXIS_LABEL_GAP + 12;

  const out: string[] = [];
  const describe = `Timeline from ${formatInstant(first)} to ${formatInstant(last)}`;
  out.push(`<svg class="pm-chart-svg" viewBox="0 0 ${WIDTH} ${height}" preserveAspectRatio="xMidYMid meet" role="img" aria-label="${escapeHtml(describe)}">`);

  // The impact window: started to mitigated (or resolved), then recovery to resolved.
  const at = (name: string) => moments.find((m) => m.name === name)?.instant;
  const started = at('started');
  const mitigated = at('mitigated');
  const resolved = at('resolved');
  const impactEnd = mitigated ?? resolved;
  if (started !== undefined && impactEnd !== undefined && impactEnd > started) {
    out.push(`<rect class="pm-chart-impact" x="${xOf(started).toFixed(1)}" y="${axisY - 7}" width="${(xOf(impactEnd) - xOf(started)).toFixed(1)}" height="14" rx="3"><title>Impact: ${escapeHtml(formatClock(started))} to ${escapeHtml(formatClock(impactEnd))}</title></rect>`);
  }
  if (mitigated !== undefined && resolved !== undefined && resolved > mitigated) {
    out.push(`<rect class="pm-chart-recovery" x="${xOf(mitigated).toFixed(1)}" y="${axisY - 7}" width="${(xOf(resolved) - xOf(mitigated)).toFixed(1)}" height="14" rx="3"><title>Mitigated to resolved</title></rect>`);
  }

  out.push(`<line class="pm-chart-axis" x1="${MARGIN_X}" y1="${axisY}" x2="${WIDTH - MARGIN_X}" y2="${axisY}"/>`);
  out.push(axisLabels(first, last, xOf, axisY));

  sortedMoments.forEach((m, i) => {
    const label = placed[i];
    const x = label.x.toFixed(1);
    const labelY = axisY - 22 - label.row * LABEL_ROW_HEIGHT + 5;
    out.push(
      `<g class="pm-chart-moment pm-moment-${m.name}${m.approximate ? ' pm-chart-approximate' : ''}" data-line="${m.line}">` +
        `<line x1="${x}" y1="${labelY + 3}" x2="${x}" y2="${axisY + 9}"/>` +
        `<text x="${(label.anchor === 'start' ? label.x + 3 : label.x - 3).toFixed(1)}" y="${labelY}" text-anchor="${label.anchor}">${escapeHtml(momentLabels[i].text)}</text>` +
        `<title>${escapeHtml(`${labelOf(m.name)}: ${m.approximate ? '≈ ' : ''}${formatInstant(m.instant)}`)}</title></g>`,
    );
  });

  for (const mark of mergeMarks(events, xOf)) {
    const radius = mark.count === 1 ? 4 : Math.min(4 + Math.log2(mark.count), 9);
    const rough = mark.approximate ? (mark.count === 1 ? '≈ ' : ' (some times approximate)') : '';
    const heading = mark.count === 1 ? `${rough}${formatInstant(mark.first)}` : `${mark.count} events from ${formatInstant(mark.first)}${rough}`;
    const more = mark.count > mark.texts.length ? `\n… and ${mark.count - mark.texts.length} more` : '';
    const tooltip = `${heading}\n${mark.texts.join('\n')}${more}`;
    const classes = `pm-chart-event${mark.count > 1 ? ' pm-chart-merged' : ''}${mark.approximate ? ' pm-chart-approximate' : ''}`;
    out.push(`<circle class="${classes}" data-line="${mark.line}" cx="${mark.x.toFixed(1)}" cy="${axisY}" r="${radius.toFixed(1)}"><title>${escapeHtml(tooltip)}</title></circle>`);
  }
  out.push('</svg>');
  return out.join('');
}

function mergeMarks(events: readonly ChartEvent[], xOf: (instant: number) => number): Mark[] {
  const byPosition = new Map<number, Mark>();
  for (const e of events) {
    const x = xOf(e.instant);
    const key = Math.round(x / MERGE_DISTANCE);
    const mark = byPosition.get(key);
    if (!mark) {
      byPosition.set(key, { x, line: e.line, count: 1, first: e.instant, texts: [e.text], approximate: e.approximate });
      continue;
    }
    mark.count++;
    mark.approximate ||= e.approximate;
    if (e.instant < mark.first || (e.instant === mark.first && e.line < mark.line)) {
      mark.first = e.instant;
      mark.line = e.line;
    }
    if (mark.texts.length < TOOLTIP_EVENTS) mark.texts.push(e.text);
  }
  return [...byPosition.values()].sort((a, b) => a.x - b.x);
}

function axisLabels(first: number, last: number, xOf: (instant: number) => number, axisY: number): string {
  const span = last - first;
  const out: string[] = [];
  const y = axisY + AXIS_LABEL_GAP;
  if (span === 0) {
    return `<text class="pm-chart-tick" x="${xOf(first).toFixed(1)}" y="${y}" text-anchor="middle">${escapeHtml(formatInstant(first))}</text>`;
  }
  const step = axisStep(span);
  const crossesDays = formatDate(calendarDateOf(first)) !== formatDate(calendarDateOf(last));
  let previousDay = '';
  for (let t = Math.ceil(first / step) * step; t <= last; t += step) {
    const x = xOf(t);
    const day = formatDate(calendarDateOf(t));
    const withDay = step >= DAY || (crossesDays && day !== previousDay);
    const label = step >= DAY ? day.slice(5) : withDay && crossesDays ? `${day.slice(5)} ${formatClock(t)}` : formatClock(t);
    previousDay = day;
    const anchor = x < MARGIN_X + 30 ? 'start' : x > WIDTH - MARGIN_X - 30 ? 'end' : 'middle';
    out.push(`<line class="pm-chart-gridline" x1="${x.toFixed(1)}" y1="${axisY - 3}" x2="${x.toFixed(1)}" y2="${axisY + 3}"/>`);
    out.push(`<text class="pm-chart-tick" x="${x.toFixed(1)}" y="${y}" text-anchor="${anchor}">${escapeHtml(label)}</text>`);
  }
  return out.join('');
}
