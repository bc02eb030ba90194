import type { PostmortemDocument } from '../language/ast';
import { fieldNamed, firstSection, incidentField } from '../language/queries';
import { canonicalKey } from '../language/vocabulary';
import type { IncidentType, MetricName, Metrics } from './types';

/** What each metric measures: [from, to]. */
const METRIC_SPANS: readonly [MetricName, string, string][] = [
  ['durationMinutes', 'started', 'resolved'],
  ['timeToDetectMinutes', 'started', 'detected'],
  ['timeToRespondMinutes', 'detected', 'responded'],
  ['timeToMitigateMinutes', 'started', 'mitigated'],
  ['impactMinutes', 'impact started', 'impact ended'],
];

/** Metrics with no figure: a document without times, or a file that could not be read. */
export function noMetrics(): Metrics {
  return {
    durationMinutes: null,
    timeToDetectMinutes: null,
    timeToRespondMinutes: null,
    timeToMitigateMinutes: null,
    impactMinutes: null,
    approximate: [],
  };
}

/**
 * The template's figures: each is null when a time it needs is missing or unusable, or when its
 * end comes before its start (PM014 and PM017 report the order; a negative span means nothing).
 */
export function computeMetrics(ast: PostmortemDocument): Metrics {
  const fields = firstSection(ast, 'incident')?.fields ?? [];
  const stamp = (name: string) => fieldNamed(fields, name)?.timestamp;
  const metrics = noMetrics();
  for (const [metric, fromName, toName] of METRIC_SPANS) {
    const from = stamp(fromName);
    const to = stamp(toName);
    if (from?.instant === undefined || to?.instant === undefined || to.instant < from.instant) continue;
    metrics[metric] = Math.round((to.instant - from.instant) / 60_000);
    if (from.approximate || to.approximate) metrics.approximate.push(metric);
  }
  return metrics;
}

export function incidentTypeOf(ast: PostmortemDocument): IncidentType {
  const value = incidentField(ast, 'type')?.value?.text;
  const type = value ? canonicalKey(value).replace(' ', '-') : 'incident';
  return type === 'near-miss' || type === 'drill' ? type : 'incident';
}
