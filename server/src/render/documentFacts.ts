import type { MetricName, Metrics, PostmortemDiagnostic } from '../analysis/types';
import type { FieldNode, FieldSection, PostmortemDocument, TextNode, TimestampNode } from '../language/ast';
import { formatDate, formatMinutes, calendarDateOf, pad2 } from '../language/time';
import { MOMENT_FIELDS } from '../language/vocabulary';
import type { LineText } from './actionItems';

/**
 * Read-only views of the analysed document shared by the HTML and Markdown renderers, so both
 * show the same facts the same way.
 */

export function headerField(ast: PostmortemDocument, name: string): FieldNode | undefined {
  return ast.headerFields.find((f) => f.key.name === name);
}

function firstIncidentSection(ast: PostmortemDocument): FieldSection | undefined {
  return ast.sections.find((s): s is FieldSection => s.name === 'incident');
}

export function incidentField(ast: PostmortemDocument, name: string): FieldNode | undefined {
  return firstIncidentSection(ast)?.fields.find((f) => f.key.name === name);
}

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

/** A timestamp shown in UTC from its instant, or as written when it has none. */
export function timestampText(stamp: TimestampNode): string {
  return stamp.instant === undefined ? stamp.raw : formatInstant(stamp.instant, stamp.second !== undefined);
}

export interface KeyMoment {
  /** `started`, `detected`, `responded`, `mitigated` or `resolved`. */
  name: string;
  instant: number;
  line: number;
}

/** The incident's marked moments that have a usable instant, in the template's order. */
export function keyMoments(ast: PostmortemDocument): KeyMoment[] {
  const moments: KeyMoment[] = [];
  for (const name of MOMENT_FIELDS) {
    const field = incidentField(ast, name);
    const instant = field?.timestamp?.instant;
    if (field && instant !== undefined) moments.push({ name, instant, line: field.range.start.line });
  }
  return moments;
}

/** Splits text into paragraphs where its source lines are not consecutive (a blank line between). */
export function paragraphsOf(text: TextNode | undefined): LineText[] {
  if (!text) return [];
  const paragraphs: LineText[] = [];
  let previousLine = Number.NEGATIVE_INFINITY;
  for (const part of text.parts) {
    const line = part.range.start.line;
    const current = paragraphs[paragraphs.length - 1];
    if (current && line === previousLine + 1) current.text = `${current.text} ${part.text}`;
    else paragraphs.push({ text: part.text, line });
    previousLine = part.range.end.line;
  }
  return paragraphs;
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
