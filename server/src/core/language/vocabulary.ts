import type { SectionName } from './ast';

/**
 * The words of the language and what the template asks for with each. Completion, hover,
 * formatting and the rules all read from here, so a key is defined in exactly one place.
 */

export interface Term {
  name: string;
  description: string;
}

export const HEADER_FIELDS: readonly Term[] = [
  { name: 'postmortem', description: 'The title of the postmortem: what failed, in a few words.' },
  { name: 'id', description: 'The incident identifier, such as `INC-2025-002`.' },
  { name: 'date', description: 'When the postmortem was written, as `YYYY-MM-DD`.' },
  { name: 'authors', description: 'Who wrote the postmortem, comma-separated (`@jane, @sam`).' },
  { name: 'status', description: 'Where the document stands: `draft`, `review` or `final`.' },
];

export const SECTIONS: readonly (Term & { name: SectionName })[] = [
  { name: 'summary', description: 'Two or three sentences: what happened, the impact, and how it was resolved.' },
  { name: 'incident', description: 'The facts of the incident: type, times, severity, services, impact.' },
  { name: 'timeline', description: 'One event per line, a UTC timestamp then what happened.' },
  { name: 'whys', description: 'Five whys from the symptom to a systemic root cause.' },
  { name: 'factors', description: 'Contributing factors by category: process, technical, cultural, environmental.' },
  { name: 'actions', description: 'Action items, each with an owner, a due date, a priority and a way to verify it.' },
  { name: 'lessons', description: 'What went well, what could improve, what surprised us, and what we are changing.' },
  { name: 'followup', description: 'Dated notes on progress after the postmortem: `YYYY-MM-DD  text`.' },
  { name: 'notes', description: 'Free text: anything else a reader should know.' },
];

export const SECTION_NAMES: readonly SectionName[] = SECTIONS.map((s) => s.name);

export const INCIDENT_FIELDS: readonly Term[] = [
  { name: 'type', description: '`incident` (default), `near-miss` or `drill`. Drills and near-misses stay out of cross-incident figures.' },
  { name: 'started', description: 'When the impact began, in UTC.' },
  { name: 'detected', description: 'When the problem was first noticed, in UTC. Time to detect = detected − started.' },
  { name: 'detected by', description: 'How the problem was noticed: an alert, a customer report, an engineer.' },
  { name: 'responded', description: 'When someone began working on it, in UTC. Time to respond = responded − detected.' },
  { name: 'mitigated', description: 'When the impact stopped, in UTC. Time to mitigate = mitigated − started.' },
  { name: 'resolved', description: 'When the incident was declared resolved, in UTC. Duration = resolved − started.' },
  { name: 'duration', description: 'resolved − started, written like `45m`, `1h 30m` or `2d 4h`.' },
  { name: 'severity', description: 'The severity level on the team’s scale: `SEV0` (most severe) to `SEV5` unless `severities` in `.postmortemrc.json` sets another.' },
  { name: 'services', description: 'The services affected, comma-separated.' },
  { name: 'users affected', description: 'How many users were affected, as a number or an estimate.' },
  { name: 'functionality', description: 'What users could not do.' },
  { name: 'impact', description: 'The business impact: failed requests, revenue, SLO budget spent.' },
  { name: 'impact started', description: 'When customers began to feel it, in UTC, when that differs from `started`. Impact = impact ended − impact started.' },
  { name: 'impact ended', description: 'When customers stopped feeling it, in UTC, when that differs from `resolved`.' },
];

/** The incident's moments in the template's order: the timeline chart marks these. */
export const MOMENT_FIELDS: readonly string[] = ['started', 'detected', 'responded', 'mitigated', 'resolved'];

export const TIMESTAMP_FIELDS: readonly string[] = [...MOMENT_FIELDS, 'impact started', 'impact ended'];

export const WHYS_KEYS: readonly Term[] = [
  { name: 'symptom', description: 'What was observed: the starting point of the whys.' },
  { name: 'why', description: 'One step of the chain: why did the step above happen? Number them `why 1:`, `why 2:`, …' },
  { name: 'root cause', description: 'The systemic cause the whys reach: a condition of the system, never a person.' },
];

export const FACTOR_CATEGORIES: readonly Term[] = [
  { name: 'process', description: 'Gaps in procedures, reviews, runbooks or checklists.' },
  { name: 'technical', description: 'Properties of the software and infrastructure that contributed.' },
  { name: 'cultural', description: 'Norms and pressures that shaped decisions (deadlines, habits).' },
  { name: 'environmental', description: 'Conditions outside the team’s control: traffic, vendors, time of day.' },
];

export const LESSON_CATEGORIES: readonly Term[] = [
  { name: 'went well', description: 'What worked and should be kept.' },
  { name: 'could improve', description: 'What slowed the response or made it harder.' },
  { name: 'surprised us', description: 'What the team did not expect: gaps in the mental model.' },
  { name: 'changing', description: 'What will be different from now on (link the action items).' },
];

export const ACTION_FIELDS: readonly Term[] = [
  { name: 'priority', description: '`P0` (drop everything) to `P4` (when convenient).' },
  { name: 'owner', description: 'Who is accountable for the item: an `@handle` or a team.' },
  { name: 'due', description: 'When the item is due, as `YYYY-MM-DD`.' },
  { name: 'status', description: '`not-started`, `in-progress`, `blocked`, `done`, `verified` or `dropped`.' },
  { name: 'why', description: 'Why this item matters: the risk it removes.' },
  { name: 'verify', description: 'How completion will be checked: a test, a drill, an alert firing.' },
  { name: 'addresses', description: 'What the item addresses: `root cause`, a why, or a factor.' },
  { name: 'ticket', description: 'The tracking ticket: an ID such as `PLAT-123` or a URL.' },
];

export const SEVERITIES: readonly Term[] = [
  { name: 'SEV0', description: 'Catastrophic: the whole product is down or data is lost; company-wide response.' },
  { name: 'SEV1', description: 'Critical: a core service is down or data is at risk for many users; all hands.' },
  { name: 'SEV2', description: 'Major: significant degradation for many users or a key feature unavailable.' },
  { name: 'SEV3', description: 'Moderate: partial degradation with a workaround, or a small share of users affected.' },
  { name: 'SEV4', description: 'Minor: little user impact; internal tools or redundancy affected.' },
  { name: 'SEV5', description: 'Negligible: no user impact; worth learning from.' },
];

/** The default severity scale, most severe first. */
export const DEFAULT_SEVERITIES: readonly string[] = SEVERITIES.map((s) => s.name);

/**
 * The severity levels of a scale, most severe first, each with what it means: the built-in
 * meaning for a default level, else its place on the team's scale.
 */
export function severityTerms(scale: readonly string[]): Term[] {
  return scale.map((name, i) => {
    const known = scale === DEFAULT_SEVERITIES || sameScale(scale, DEFAULT_SEVERITIES) ? findTerm(SEVERITIES, name) : undefined;
    const place = i === 0 ? 'the most severe' : i === scale.length - 1 ? 'the least severe' : `level ${i + 1}`;
    return known ?? { name, description: `Severity ${place} of ${scale.length} on this team’s scale (${scale.join(', ')}; \`severities\` in \`.postmortemrc.json\`).` };
  });
}

function sameScale(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

/** The level `value` names on `scale`, case-insensitively, as written in the scale; undefined when it names none. */
export function severityOn(scale: readonly string[], value: string): string | undefined {
  const wanted = value.trim().toLowerCase();
  return scale.find((s) => s.toLowerCase() === wanted);
}

export const PRIORITIES: readonly Term[] = [
  { name: 'P0', description: 'Drop everything: the risk can recur at any moment.' },
  { name: 'P1', description: 'Urgent: this sprint.' },
  { name: 'P2', description: 'High: this quarter.' },
  { name: 'P3', description: 'Medium: when capacity allows.' },
  { name: 'P4', description: 'Low: nice to have.' },
];

export const ACTION_STATUSES: readonly Term[] = [
  { name: 'not-started', description: 'Nobody has begun.' },
  { name: 'in-progress', description: 'Work is under way.' },
  { name: 'blocked', description: 'Waiting on something outside the owner’s control.' },
  { name: 'done', description: 'Finished; say in `verify:` how that was checked.' },
  { name: 'verified', description: 'Finished and checked as `verify:` describes.' },
  { name: 'dropped', description: 'Deliberately not done; say why in a follow-up note.' },
];

/** Accepted spellings of statuses and the canonical status each stands for. */
export const ACTION_STATUS_ALIASES: Readonly<Record<string, string>> = {
  'not started': 'not-started',
  'in progress': 'in-progress',
  complete: 'done',
  completed: 'done',
};

/** Statuses under which an action item no longer needs to meet its due date. */
export const CLOSED_STATUSES: readonly string[] = ['done', 'verified', 'dropped'];

export const INCIDENT_TYPES: readonly Term[] = [
  { name: 'incident', description: 'Users or the business were affected.' },
  { name: 'near-miss', description: 'Something went wrong but was caught before it had an impact.' },
  { name: 'drill', description: 'A planned exercise (game day, failover test).' },
];

export const DOCUMENT_STATUSES: readonly Term[] = [
  { name: 'draft', description: 'Being written.' },
  { name: 'review', description: 'Ready for review.' },
  { name: 'final', description: 'Reviewed and published.' },
];

/** Matches action item IDs such as `A1`, `AI-3`, `ACT12`. */
export const ACTION_ID = /^[A-Za-z]{1,4}-?\d{1,4}$/;

/** Normalises a key as written to its canonical form: lower case, single spaces. */
export function canonicalKey(raw: string): string {
  const key = raw.trim().toLowerCase();
  // Nearly every key is spaced already; replacing costs a regex run per key of every analysis.
  return key.includes('\t') || key.includes('  ') ? key.replace(/[ \t]+/g, ' ') : key;
}

export function canonicalStatus(value: string): string | undefined {
  const v = canonicalKey(value);
  if (ACTION_STATUSES.some((s) => s.name === v)) return v;
  return ACTION_STATUS_ALIASES[v];
}

export function findTerm(terms: readonly Term[], name: string): Term | undefined {
  return terms.find((t) => t.name === name);
}
