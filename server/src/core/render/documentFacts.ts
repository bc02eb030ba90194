import type { MetricName, Metrics, PostmortemDiagnostic } from '../analysis/types';
import type { PostmortemDocument, Range, SectionNode, TimestampNode } from '../language/ast';
import type { LineIndex } from '../language/lineIndex';
import { incidentField } from '../language/queries';
import { formatDate, formatMinutes, calendarDateOf, pad2, rangeEndInstant } from '../language/time';
import { MOMENT_FIELDS } from '../language/vocabulary';
import type { LineText } from './actionItems';

/**
 * Read-only views of the analysed document shared by the HTML and Markdown renderers, so both
 * show the same facts the same way.
 */

/** `2025-02-14 14:30 UTC`, with seconds when the source gave them. */
export function formatInstant(instant: number, withSeconds = false): string {
  const d = new Date(instant);
  const seconds = withSeconds ? `:${pad2(d.getUTCSeconds())}` : '';
  return `${formatDate(calendarDateOf(instant))} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}${seconds} UTC`;
}

const DAY_MS = 86_400_000;

/** `14:30` or `14:30:05` in UTC; arithmetic only, as timelines call it once per event. */
export function formatClock(instant: number, withSeconds = false): string {
  const inDay = ((instant % DAY_MS) + DAY_MS) % DAY_MS;
  const clock = `${pad2(Math.floor(inDay / 3_600_000))}:${pad2(Math.floor(inDay / 60_000) % 60)}`;
  return withSeconds ? `${clock}:${pad2(Math.floor(inDay / 1000) % 60)}` : clock;
}

/** The UTC day an instant falls on, as a number that changes exactly at midnight UTC. */
export function dayNumber(instant: number): number {
  return Math.floor(instant / DAY_MS);
}

/** A timestamp shown in UTC from its instant, or as written when it has none; `≈` marks an approximate one. */
export function timestampText(stamp: TimestampNode): string {
  if (stamp.instant === undefined) return writtenForm(stamp);
  return `${stamp.approximate ? '≈ ' : ''}${formatInstant(stamp.instant, stamp.second !== undefined).replace(/ UTC$/, `${rangeEndText(stamp)} UTC`)}`;
}

/** `–14:25`, a range's second time in UTC; '' for a single time. */
export function rangeEndText(stamp: TimestampNode): string {
  const end = rangeEndInstant(stamp);
  return end === undefined ? '' : `–${formatClock(end, stamp.rangeEnd!.second !== undefined)}`;
}

/** The timestamp as the authors wrote it, approximate marker included. */
export function writtenForm(stamp: TimestampNode): string {
  return stamp.approximate ? `≈ ${stamp.raw}` : stamp.raw;
}

/**
 * Whether the reader should also see the time as written: it was converted from another zone or
 * the 12-hour clock, so its UTC form alone would hide what the authors wrote.
 */
export function showsWrittenForm(stamp: TimestampNode): boolean {
  return stamp.instant !== undefined && (stamp.twelveHour || (stamp.zone.kind !== 'utc' && stamp.zone.kind !== 'none'));
}

/**
 * Lines the parser could place in no header field and no section (a line at column 0 that is
 * not a key, indented lines above the first section), with their 0-based line numbers. The
 * renderers show them where they stand, marked, so no line the authors wrote is dropped.
 */
export function unplacedLines(ast: PostmortemDocument, lines: LineIndex): LineText[] {
  const placed: Range[] = [...(ast.title ? [ast.title.range] : []), ...ast.headerFields.map((f) => f.range), ...ast.sections.map((s) => s.range)];
  placed.sort((a, b) => a.start.line - b.start.line);
  const comments = new Set(ast.comments.map((c) => c.start.line));
  const out: LineText[] = [];
  let next = 0;
  for (let line = 0; line < lines.lineCount; line++) {
    while (next < placed.length && placed[next].end.line < line) next++;
    if (next < placed.length && placed[next].start.line <= line) continue;
    const text = lines.lineText(line).trim();
    if (text && !comments.has(line)) out.push({ text, line });
  }
  return out;
}

/** The non-blank, non-comment lines from `from` to `to` (0-based, inclusive), trimmed. */
export function sourceLines(ast: PostmortemDocument, lines: LineIndex, from: number, to: number): LineText[] {
  const comments = new Set(ast.comments.map((c) => c.start.line));
  const out: LineText[] = [];
  for (let line = from; line <= to && line < lines.lineCount; line++) {
    const text = lines.lineText(line).trim();
    if (text && !comments.has(line)) out.push({ text, line });
  }
  return out;
}

/** A section's lines that fit nowhere in it, in order: shown in place, marked as not understood. */
export function strayLines(section: SectionNode): LineText[] {
  return section.stray.map((s) => ({ text: s.text, line: s.range.start.line }));
}

/** The title of a titled `whys:` (one of several causal chains), if it has one. */
export function chainTitle(section: SectionNode): string | undefined {
  return section.name === 'whys' ? section.inlineText?.text : undefined;
}

export interface KeyMoment {
  /** `started`, `detected`, `responded`, `mitigated` or `resolved`. */
  name: string;
  instant: number;
  line: number;
  /** Written as a rough time (`~09:40 UTC`). */
  approximate: boolean;
}

/** The incident's marked moments that have a usable instant, in the template's order. */
export function keyMoments(ast: PostmortemDocument): KeyMoment[] {
  const moments: KeyMoment[] = [];
  for (const name of MOMENT_FIELDS) {
    const field = incidentField(ast, name);
    const instant = field?.timestamp?.instant;
    if (field && instant !== undefined) moments.push({ name, instant, line: field.range.start.line, approximate: field.timestamp!.approximate });
  }
  return moments;
}

export interface DiagnosticCounts {
  errors: number;
  warnings: number;
  information: number;
  hints: number;
}

export function countDiagnostics(diagnostics: readonly PostmortemDiagnostic[]): DiagnosticCounts {
  const counts: DiagnosticCounts = { errors: 0, warnings: 0, information: 0, hints: 0 };
  for (const d of diagnostics) {
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else if (d.severity === 'information') counts.information++;
    else counts.hints++;
  }
  return counts;
}

/** `2 errors, 1 warning` or `no errors or warnings`. */
export function describeCounts(counts: DiagnosticCounts): string {
  if (!counts.errors && !counts.warnings) return 'no errors or warnings';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [counts.errors && plural(counts.errors, 'error'), counts.warnings && plural(counts.warnings, 'warning')].filter(Boolean).join(', ');
}

export interface MetricView {
  key: MetricName;
  label: string;
  /** The template's definition, shown on hover. */
  definition: string;
  /** The incident fields the metric needs, for the message when it is missing. */
  needs: [string, string];
}

export const METRIC_VIEWS: readonly MetricView[] = [
  { key: 'durationMinutes', label: 'Duration', definition: 'Duration = resolved − started', needs: ['started', 'resolved'] },
  { key: 'timeToDetectMinutes', label: 'Time to detect', definition: 'Time to detect = detected − started', needs: ['started', 'detected'] },
  { key: 'timeToRespondMinutes', label: 'Time to respond', definition: 'Time to respond = responded − detected', needs: ['detected', 'responded'] },
  { key: 'timeToMitigateMinutes', label: 'Time to mitigate', definition: 'Time to mitigate = mitigated − started', needs: ['started', 'mitigated'] },
  { key: 'impactMinutes', label: 'Customer impact', definition: 'Customer impact = impact ended − impact started', needs: ['impact started', 'impact ended'] },
];

/** The metrics a reader sees: the customer-impact window only when the document gives one. */
export function shownMetrics(metrics: Metrics): readonly MetricView[] {
  return METRIC_VIEWS.filter((m) => m.key !== 'impactMinutes' || metrics.impactMinutes !== null);
}

/** `45m`, `≈ 45m` when computed from an approximate time, `—` when it cannot be computed. */
export function metricText(metrics: Metrics, key: MetricName): string {
  const minutes = metrics[key];
  if (minutes === null) return '—';
  return `${metrics.approximate.includes(key) ? '≈ ' : ''}${formatMinutes(minutes)}`;
}

/** Title case for a key shown as a label: `users affected` → `Users affected`. */
export function labelOf(key: string): string {
  return key ? key[0].toUpperCase() + key.slice(1) : key;
}
