import type { FieldSection, PostmortemDocument } from '../language/ast';
import { canonicalKey } from '../language/vocabulary';
import type { IncidentType, Metrics } from './types';

function incidentSection(ast: PostmortemDocument): FieldSection | undefined {
  return ast.sections.find((s): s is FieldSection => s.name === 'incident');
}

/** The UTC instant of an incident time field, when it has one. */
export function incidentInstant(ast: PostmortemDocument, name: string): number | undefined {
  return incidentSection(ast)?.fields.find((f) => f.key.name === name)?.timestamp?.instant;
}

function minutesBetween(from: number | undefined, to: number | undefined): number | null {
  if (from === undefined || to === undefined) return null;
  return Math.round((to - from) / 60_000);
}

/** The template's figures: each is null when a time it needs is missing or unusable. */
export function computeMetrics(ast: PostmortemDocument): Metrics {
  const started = incidentInstant(ast, 'started');
  const detected = incidentInstant(ast, 'detected');
  return {
    durationMinutes: minutesBetween(started, incidentInstant(ast, 'resolved')),
    timeToDetectMinutes: minutesBetween(started, detected),
    timeToRespondMinutes: minutesBetween(detected, incidentInstant(ast, 'responded')),
    timeToMitigateMinutes: minutesBetween(started, incidentInstant(ast, 'mitigated')),
  };
}

export function incidentTypeOf(ast: PostmortemDocument): IncidentType {
  const value = incidentSection(ast)?.fields.find((f) => f.key.name === 'type')?.value?.text;
  const type = value ? canonicalKey(value).replace(' ', '-') : 'incident';
  return type === 'near-miss' || type === 'drill' ? type : 'incident';
}
