import { escapeHtml } from './escape';

/**
 * Small SVG charts for the insights page. Colours come from the report's `--pm-*` properties
 * (through classes), so the charts follow the page's theme, VS Code's included, and print.
 * Every label goes through `escapeHtml`.
 */

const WIDTH = 960;
const HEIGHT = 180;
const LEFT = 40;
const BOTTOM = 22;
const TOP = 10;

function niceMax(value: number): number {
  if (value <= 4) return Math.max(1, Math.ceil(value));
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (value <= step * magnitude) return step * magnitude;
  return 10 * magnitude;
}

function formatTick(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** Month labels thinned out so that they never overlap: at most about twelve. */
function monthLabelEvery(count: number): number {
  return Math.max(1, Math.ceil(count / 12));
}

function axes(max: number, plotWidth: number, plotHeight: number): string[] {
  const parts: string[] = [];
  for (const fraction of [0, 0.5, 1]) {
    const y = TOP + plotHeight * (1 - fraction);
    parts.push(`<line class="pm-ins-grid" x1="${LEFT}" x2="${LEFT + plotWidth}" y1="${y}" y2="${y}"></line>`);
    parts.push(`<text class="pm-ins-tick" x="${LEFT - 6}" y="${y + 4}" text-anchor="end">${formatTick(max * fraction)}</text>`);
  }
  return parts;
}

export interface BarDatum {
  label: string;
  value: number;
  /** The tooltip. */
  title: string;
}

/** Vertical bars, one per month: incidents per month. */
export function barChart(caption: string, data: readonly BarDatum[]): string {
  if (!data.length) return `<p class="pm-empty">${escapeHtml(caption)}: no incidents with a readable start time.</p>`;
  const plotWidth = WIDTH - LEFT - 8;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const max = niceMax(Math.max(...data.map((d) => d.value)));
  const slot = plotWidth / data.length;
  const barWidth = Math.max(1, slot * 0.8);
  const every = monthLabelEvery(data.length);
  const parts = axes(max, plotWidth, plotHeight);
  data.forEach((d, i) => {
    const height = (d.value / max) * plotHeight;
    const x = LEFT + i * slot + (slot - barWidth) / 2;
    parts.push(
      `<rect class="pm-ins-bar" x="${x.toFixed(1)}" y="${(TOP + plotHeight - height).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${height.toFixed(1)}"><title>${escapeHtml(d.title)}</title></rect>`,
    );
    if (i % every === 0) parts.push(`<text class="pm-ins-tick" x="${(x + barWidth / 2).toFixed(1)}" y="${HEIGHT - 6}" text-anchor="middle">${escapeHtml(d.label)}</text>`);
  });
  return figure(caption, parts);
}

export interface LinePoint {
  label: string;
  /** null where the month had no value: the line breaks there. */
  value: number | null;
}

/** A line over months, with dots at each value; breaks where a month has none. */
export function lineChart(caption: string, points: readonly LinePoint[], unit: string): string {
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  if (!values.length) return `<p class="pm-empty">${escapeHtml(caption)}: no incident has this figure.</p>`;
  const plotWidth = WIDTH - LEFT - 8;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const max = niceMax(Math.max(...values));
  const step = points.length > 1 ? plotWidth / (points.length - 1) : 0;
  const every = monthLabelEvery(points.length);
  const parts = axes(max, plotWidth, plotHeight);
  const xOf = (i: number) => (points.length > 1 ? LEFT + i * step : LEFT + plotWidth / 2);
  const yOf = (v: number) => TOP + plotHeight * (1 - v / max);
  let path = '';
  let drawing = false;
  points.forEach((p, i) => {
    if (p.value === null) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${xOf(i).toFixed(1)},${yOf(p.value).toFixed(1)}`;
    drawing = true;
  });
  parts.push(`<path class="pm-ins-line" d="${path}"></path>`);
  points.forEach((p, i) => {
    if (p.value !== null) {
      parts.push(`<circle class="pm-ins-dot" cx="${xOf(i).toFixed(1)}" cy="${yOf(p.value).toFixed(1)}" r="3"><title>${escapeHtml(`${p.label}: ${formatTick(p.value)} ${unit}`)}</title></circle>`);
    }
    if (i % every === 0) parts.push(`<text class="pm-ins-tick" x="${xOf(i).toFixed(1)}" y="${HEIGHT - 6}" text-anchor="middle">${escapeHtml(p.label)}</text>`);
  });
  return figure(caption, parts);
}

export interface StackPart {
  label: string;
  value: number;
  /** A class suffix: the colour of the part. */
  tone: string;
}

/** One horizontal bar split into parts, with a legend that also carries the numbers. */
export function stackedBar(caption: string, stack: readonly StackPart[]): string {
  const total = stack.reduce((sum, part) => sum + part.value, 0);
  const legend = stack
    .map((part) => `<li><span class="pm-ins-swatch pm-ins-${part.tone}"></span>${escapeHtml(part.label)} <strong>${part.value}</strong></li>`)
    .join('');
  if (!total) return `<figure class="pm-ins-figure"><figcaption>${escapeHtml(caption)}</figcaption><p class="pm-empty">No action items.</p></figure>`;
  let x = 0;
  const rects = stack
    .filter((part) => part.value > 0)
    .map((part) => {
      const width = (part.value / total) * WIDTH;
      const rect = `<rect class="pm-ins-${part.tone}" x="${x.toFixed(1)}" y="0" width="${width.toFixed(1)}" height="28"><title>${escapeHtml(`${part.label}: ${part.value}`)}</title></rect>`;
      x += width;
      return rect;
    });
  return [
    '<figure class="pm-ins-figure">',
    `<figcaption>${escapeHtml(caption)}</figcaption>`,
    `<svg class="pm-ins-chart" viewBox="0 0 ${WIDTH} 28" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(caption)}">${rects.join('')}</svg>`,
    `<ul class="pm-ins-legend">${legend}</ul>`,
    '</figure>',
  ].join('');
}

function figure(caption: string, parts: string[]): string {
  return [
    '<figure class="pm-ins-figure">',
    `<figcaption>${escapeHtml(caption)}</figcaption>`,
    `<svg class="pm-ins-chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(caption)}">`,
    ...parts,
    '</svg>',
    '</figure>',
  ].join('');
}
