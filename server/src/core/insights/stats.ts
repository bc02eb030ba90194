import type { Metrics } from '../analysis/types';
import type { PostmortemDigest } from './digest';
import { epochDay, nameOf } from './digest';
import { relatedIncidents, type RelatedPair } from './related';

/** `postmortem stats --format json`: exactly these keys, documented in docs/stats.md. */
export interface PostmortemStats {
  incidents: number;
  nearMisses: number;
  drills: number;
  bySeverity: Record<string, number>;
  byService: Record<string, number>;
  byMonth: { month: string; incidents: number; medianDurationMinutes: number | null }[];
  medians: Record<keyof Metrics, MedianFigure>;
  actions: {
    total: number;
    open: number;
    overdue: number;
    done: number;
    verified: number;
    dropped: number;
    medianOpenAgeDays: number | null;
  };
  recurring: { service: string; incidents: string[] }[];
  related: RelatedPair[];
}

export interface MedianFigure {
  /** null when no incident had the metric. */
  value: number | null;
  /** How many incidents had the metric. */
  over: number;
}

/** The four medians of one month, for the chart of medians over time (not part of the JSON). */
export interface MonthlyMedians {
  month: string;
  medians: Record<keyof Metrics, number | null>;
}

export interface StatsReport {
  stats: PostmortemStats;
  trend: MonthlyMedians[];
  /** Dates that cannot be read and what they left out of the figures, one message each. */
  problems: string[];
  today: string;
  /** How many postmortems the figures cover (after --since/--until). */
  postmortems: number;
}

export interface StatsOptions {
  /** `YYYY-MM-DD`: overdue and ages count from it. */
  today: string;
  /** Only postmortems whose incident started (or, without `started`, was written) on or after. */
  since?: string;
  /** … on or before this day. */
  until?: string;
}

export const METRIC_KEYS: readonly (keyof Metrics)[] = ['durationMinutes', 'timeToDetectMinutes', 'timeToRespondMinutes', 'timeToMitigateMinutes'];
/** Incidents of one service this close together count as recurring. */
export const RECURRENCE_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

/** The middle value; for an even count the mean of the two middle values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function dayOfInstant(instant: number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** The day a postmortem is filed under: its incident's start, or its `date:` without one. */
function dayOf(digest: PostmortemDigest): string | null {
  return digest.started !== null ? dayOfInstant(digest.started) : digest.date;
}

function countInto(counts: Map<string, number>, key: string) {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Most first, then by name: the order a reader scans a tally in. */
function tally(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)));
}

function nextMonth(month: string): string {
  const year = +month.slice(0, 4);
  const m = +month.slice(5, 7);
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** Services with two or more incidents whose starts lie within the recurrence window of each other. */
function recurringServices(incidents: PostmortemDigest[]): PostmortemStats['recurring'] {
  const byService = new Map<string, PostmortemDigest[]>();
  for (const incident of incidents) {
    if (incident.started === null) continue;
    for (const service of incident.services) {
      let list = byService.get(service);
      if (!list) byService.set(service, (list = []));
      list.push(incident);
    }
  }
  const recurring: PostmortemStats['recurring'] = [];
  for (const [service, list] of byService) {
    list.sort((a, b) => a.started! - b.started! || (nameOf(a) < nameOf(b) ? -1 : 1));
    const close = new Set<PostmortemDigest>();
    for (let i = 1; i < list.length; i++) {
      if (list[i].started! - list[i - 1].started! <= RECURRENCE_WINDOW_DAYS * DAY_MS) close.add(list[i - 1]).add(list[i]);
    }
    if (close.size >= 2) recurring.push({ service, incidents: list.filter((d) => close.has(d)).map(nameOf) });
  }
  return recurring.sort((a, b) => b.incidents.length - a.incidents.length || (a.service < b.service ? -1 : 1));
}

/**
 * The figures across postmortems. Only `type: incident` feeds severity, service, month, median,
 * recurring and related figures; action items of every postmortem count in `actions`.
 */
export function computeStats(digests: readonly PostmortemDigest[], options: StatsOptions): StatsReport {
  const problems: string[] = [];
  for (const digest of digests) for (const problem of digest.dateProblems) problems.push(`${digest.path}: ${problem}`);
  const inRange = digests.filter((digest) => {
    if (options.since === undefined && options.until === undefined) return true;
    const day = dayOf(digest);
    if (day === null) {
      problems.push(`${digest.path}: left out: --since/--until need a readable started time or date: line`);
      return false;
    }
    return (options.since === undefined || day >= options.since) && (options.until === undefined || day <= options.until);
  });
  const incidents = inRange.filter((d) => d.type === 'incident');
  for (const incident of incidents) {
    if (incident.started === null && !incident.dateProblems.some((p) => p.startsWith('started:'))) {
      problems.push(`${incident.path}: no started time, so it is in no month and no recurrence`);
    }
  }

  const bySeverity = new Map<string, number>();
  const byService = new Map<string, number>();
  const months = new Map<string, PostmortemDigest[]>();
  for (const incident of incidents) {
    if (incident.severity) countInto(bySeverity, incident.severity);
    for (const service of incident.services) countInto(byService, service);
    if (incident.started !== null) {
      const month = dayOfInstant(incident.started).slice(0, 7);
      let list = months.get(month);
      if (!list) months.set(month, (list = []));
      list.push(incident);
    }
  }

  const metricMedian = (list: PostmortemDigest[], key: keyof Metrics) =>
    median(list.map((d) => d.metrics[key]).filter((v): v is number => v !== null));
  const byMonth: PostmortemStats['byMonth'] = [];
  const trend: MonthlyMedians[] = [];
  const sortedMonths = [...months.keys()].sort();
  // Every month from the first to the last, so that a chart's gaps are real quiet months.
  for (let month = sortedMonths[0]; month && month <= sortedMonths[sortedMonths.length - 1]; month = nextMonth(month)) {
    const list = months.get(month) ?? [];
    byMonth.push({ month, incidents: list.length, medianDurationMinutes: metricMedian(list, 'durationMinutes') });
    trend.push({ month, medians: Object.fromEntries(METRIC_KEYS.map((key) => [key, metricMedian(list, key)])) as MonthlyMedians['medians'] });
  }

  const medians = Object.fromEntries(
    METRIC_KEYS.map((key) => {
      const values = incidents.map((d) => d.metrics[key]).filter((v): v is number => v !== null);
      return [key, { value: median(values), over: values.length }];
    }),
  ) as PostmortemStats['medians'];

  const todayDay = epochDay(options.today);
  const actions = { total: 0, open: 0, overdue: 0, done: 0, verified: 0, dropped: 0, medianOpenAgeDays: null as number | null };
  const openAges: number[] = [];
  for (const digest of inRange) {
    for (const item of digest.actions) {
      actions.total++;
      if (item.open) {
        actions.open++;
        if (item.dueDay !== null && item.dueDay < todayDay) actions.overdue++;
        if (digest.date !== null) openAges.push(todayDay - epochDay(digest.date));
      } else if (item.status === 'done') actions.done++;
      else if (item.status === 'verified') actions.verified++;
      else if (item.status === 'dropped') actions.dropped++;
    }
    if (digest.date === null && digest.actions.some((a) => a.open)) problems.push(`${digest.path}: open action items have no age, as date: cannot be read`);
  }
  actions.medianOpenAgeDays = median(openAges);

  return {
    stats: {
      incidents: incidents.length,
      nearMisses: inRange.filter((d) => d.type === 'near-miss').length,
      drills: inRange.filter((d) => d.type === 'drill').length,
      bySeverity: tally(bySeverity),
      byService: tally(byService),
      byMonth,
      medians,
      actions,
      recurring: recurringServices(incidents),
      related: relatedIncidents(incidents),
    },
    trend,
    problems,
    today: options.today,
    postmortems: inRange.length,
  };
}
