/**
 * Realistic incident documents of any size, the same content written twice: as a `.postmortem`
 * file and as the Markdown postmortem a team would otherwise keep in a wiki. Deterministic
 * (seeded), so figures compare across runs and machines.
 */

/** A small seeded generator (mulberry32): the same seed gives the same document. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES = ['payment-service', 'checkout-api', 'search-api', 'auth-gateway', 'ledger-db', 'order-queue', 'dns-resolver', 'edge-proxy'];
const TEAMS = ['@platform-team', '@db-team', '@payments-oncall', '@sre', '@edge-team', '@search-team'];
const EVENT_TEMPLATES = [
  (s, n) => `${s} p99 latency reaches ${n * 10} ms; error rate at ${n % 17}.${n % 10}%`,
  (s, n) => `Deployment of ${s} v2.${n % 40}.${n % 9} rolls out to ${n % 100}% of hosts`,
  (s, n) => `On-call engineer checks ${s} dashboards; connection pool at ${n % 100}%`,
  (s, n) => `Autoscaler adds ${n % 12 + 1} instances to ${s} after CPU alert`,
  (s, n) => `Queue depth for ${s} at ${n * 3} messages; consumers lagging ${n % 60} s`,
  (s, n) => `Incident commander asks ${s} owners for a status update (${n % 30} min since last)`,
  (s, n) => `Feature flag checkout-v${n % 5} disabled for ${s} in region eu-west-${n % 3 + 1}`,
  (s, n) => `Synthetic probe against ${s} recovers; ${n % 50} of 50 checks passing`,
];
/** Wording the blameless rules report, used for one event in a hundred as real drafts do. */
const DRAFT_EVENT = (s) => `Engineer just restarted ${s}; the pool should have been drained first`;
const WHY_TEXTS = [
  'The connection pool filled because each request held a connection for the whole call',
  'Retries from clients multiplied the load while the pool was already saturated',
  'The release carried a query pattern that grows with traffic',
  'Load tests ran against a staging data set far smaller than production',
  'The pipeline has no automated performance gate before production deploys',
];
const FACTOR_TEXTS = {
  process: 'Runbook step for draining the queue was out of date',
  technical: 'Pool saturation is not alerted before exhaustion',
  cultural: 'Deadline pressure made skipping the load test feel normal',
  environmental: 'Traffic peaked with a regional marketing campaign',
};
const LESSON_TEXTS = {
  'went well': 'The alert fired within two minutes of the first errors',
  'could improve': 'Customers heard nothing from us for the first half hour',
  'surprised us': 'The retry storm doubled load after the rollback started',
  changing: 'Performance checks become a required pipeline stage',
};
const ACTION_TEXTS = [
  'Add an automated load test stage to the deployment pipeline',
  'Alert at 80% connection pool utilisation for each service',
  'Cap client retries with jittered exponential backoff',
  'Publish a status page update within ten minutes of a SEV1',
  'Replay production traffic shape in the staging load test',
];
const STATUSES = ['not-started', 'in-progress', 'done', 'verified'];

const pad2 = (n) => String(n).padStart(2, '0');
const dayOf = (ms) => new Date(ms).toISOString().slice(0, 10);
const timeOf = (ms) => new Date(ms).toISOString().slice(11, 16);

function durationText(minutes) {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return [days && `${days}d`, hours && `${hours}h`, (rest || (!days && !hours)) && `${rest}m`].filter(Boolean).join(' ');
}

/** The incident as data, with parts in proportion to the number of timeline events. */
export function generateIncident(eventCount, seed = 42) {
  const random = seededRandom(seed + eventCount);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const started = Date.UTC(2025, 1, 14, 14, 30);
  const events = [];
  let time = started;
  for (let i = 0; i < eventCount; i++) {
    const text = i % 100 === 50 ? DRAFT_EVENT(pick(SERVICES)) : pick(EVENT_TEMPLATES)(pick(SERVICES), Math.floor(random() * 1000));
    // One event in five hundred forgets its time zone, as a hurried timeline does.
    events.push({ time, text, noZone: i % 500 === 250 });
    time += Math.floor(random() * 4) * 60_000;
  }
  const resolved = events[events.length - 1].time;
  const whyCount = Math.max(5, Math.round(eventCount / 200));
  const perCategory = Math.max(1, Math.round(eventCount / 160));
  const actionCount = Math.max(3, Math.round(eventCount / 50));
  return {
    title: `Payment processing degraded across ${SERVICES.length} services`,
    id: `INC-2025-${String(eventCount).padStart(5, '0')}`,
    written: dayOf(resolved + 86_400_000),
    started,
    detected: started + 2 * 60_000,
    responded: started + 3 * 60_000,
    mitigated: resolved - 10 * 60_000 > started ? resolved - 10 * 60_000 : resolved,
    resolved,
    durationMinutes: Math.round((resolved - started) / 60_000),
    events,
    whys: Array.from({ length: whyCount }, (_, i) => ({
      text: `${WHY_TEXTS[i % WHY_TEXTS.length]} (step ${i + 1})`,
      bullets: i % 2 ? [`observed in ${pick(SERVICES)} traces and metrics`] : [],
    })),
    rootCause: 'The deployment pipeline has no automated performance regression gate',
    factors: Object.fromEntries(Object.entries(FACTOR_TEXTS).map(([k, text]) => [k, Array.from({ length: perCategory }, (_, i) => `${text} (#${i + 1})`)])),
    actions: Array.from({ length: actionCount }, (_, i) => ({
      id: `A${i + 1}`,
      text: `${ACTION_TEXTS[i % ACTION_TEXTS.length]} for ${SERVICES[i % SERVICES.length]}`,
      priority: `P${i % 4}`,
      owner: TEAMS[i % TEAMS.length],
      due: dayOf(resolved + (14 + (i % 60)) * 86_400_000),
      status: STATUSES[i % STATUSES.length],
      why: 'Catches the regression before it reaches production traffic',
      verify: `A replay of incident traffic fails the check in staging (run ${i + 1})`,
      ticket: `PLAT-${1000 + i}`,
    })),
    lessons: Object.fromEntries(Object.entries(LESSON_TEXTS).map(([k, text]) => [k, Array.from({ length: perCategory }, (_, i) => `${text} (#${i + 1})`)])),
    followup: Array.from({ length: Math.max(1, Math.round(eventCount / 100)) }, (_, i) => ({
      day: dayOf(resolved + (i + 2) * 86_400_000),
      text: `A${(i % actionCount) + 1} progress reviewed in the weekly reliability meeting`,
    })),
  };
}

export function toPostmortem(incident) {
  const out = [];
  const stamp = (ms) => `${dayOf(ms)} ${timeOf(ms)} UTC`;
  out.push(`postmortem: ${incident.title}`, `id: ${incident.id}`, `date: ${incident.written}`, 'authors: @jane, @sam', 'status: final', '');
  out.push('summary:', '  Payment processing became slow and then unresponsive because the database connection', '  pool was exhausted after a deployment introduced a query that grows with traffic.', '');
  out.push(
    'incident:',
    `  started: ${stamp(incident.started)}`,
    `  detected: ${stamp(incident.detected)}`,
    '  detected by: p95 latency alert (automated)',
    `  responded: ${stamp(incident.responded)}`,
    `  mitigated: ${stamp(incident.mitigated)}`,
    `  resolved: ${stamp(incident.resolved)}`,
    `  duration: ${durationText(incident.durationMinutes)}`,
    '  severity: SEV2',
    `  services: ${SERVICES.slice(0, 3).join(', ')}`,
    '  users affected: 500+',
    '  functionality: card payments failed or timed out',
    '  impact: about 2,000 failed transactions, $12K revenue loss',
    '',
  );
  out.push('timeline:');
  let day = '';
  for (const event of incident.events) {
    const eventDay = dayOf(event.time);
    const when = eventDay === day ? `${timeOf(event.time)} UTC` : stamp(event.time);
    out.push(`  ${event.noZone ? when.replace(' UTC', '') : when}  ${event.text}`);
    day = eventDay;
  }
  out.push('', 'whys:', '  symptom: Payment service unresponsive, connection pool exhausted');
  incident.whys.forEach((why, i) => {
    out.push(`  why ${i + 1}: ${why.text}`);
    for (const bullet of why.bullets) out.push(`    - ${bullet}`);
  });
  out.push(`  root cause: ${incident.rootCause}`, '', 'factors:');
  for (const [category, bullets] of Object.entries(incident.factors)) {
    out.push(`  ${category}:`, ...bullets.map((b) => `    - ${b}`));
  }
  out.push('', 'actions:');
  for (const a of incident.actions) {
    out.push(
      `  ${a.id}: ${a.text}`,
      `    priority: ${a.priority}`,
      `    owner: ${a.owner}`,
      `    due: ${a.due}`,
      `    status: ${a.status}`,
      `    why: ${a.why}`,
      `    verify: ${a.verify}`,
      '    addresses: root cause',
      `    ticket: ${a.ticket}`,
    );
  }
  out.push('', 'lessons:');
  for (const [category, bullets] of Object.entries(incident.lessons)) {
    out.push(`  ${category}:`, ...bullets.map((b) => `    - ${b}`));
  }
  out.push('', 'followup:', ...incident.followup.map((f) => `  ${f.day}  ${f.text}`));
  return out.join('\n') + '\n';
}

export function toMarkdown(incident) {
  const out = [];
  const stamp = (ms) => `${dayOf(ms)} ${timeOf(ms)} UTC`;
  out.push(`# Postmortem: ${incident.title}`, '', `- **ID:** ${incident.id}`, `- **Date:** ${incident.written}`, '- **Authors:** @jane, @sam', '- **Status:** final', '');
  out.push('## Summary', '', 'Payment processing became slow and then unresponsive because the database connection', 'pool was exhausted after a deployment introduced a query that grows with traffic.', '');
  out.push(
    '## Incident',
    '',
    '| Field | Value |',
    '| --- | --- |',
    `| Started | ${stamp(incident.started)} |`,
    `| Detected | ${stamp(incident.detected)} |`,
    '| Detected by | p95 latency alert (automated) |',
    `| Responded | ${stamp(incident.responded)} |`,
    `| Mitigated | ${stamp(incident.mitigated)} |`,
    `| Resolved | ${stamp(incident.resolved)} |`,
    `| Duration | ${durationText(incident.durationMinutes)} |`,
    '| Severity | SEV2 |',
    `| Services | ${SERVICES.slice(0, 3).join(', ')} |`,
    '| Users affected | 500+ |',
    '| Functionality | card payments failed or timed out |',
    '| Impact | about 2,000 failed transactions, $12K revenue loss |',
    '',
  );
  out.push('## Timeline', '');
  let day = '';
  for (const event of incident.events) {
    const eventDay = dayOf(event.time);
    const when = eventDay === day ? `${timeOf(event.time)} UTC` : stamp(event.time);
    out.push(`- **${event.noZone ? when.replace(' UTC', '') : when}** ${event.text}`);
    day = eventDay;
  }
  out.push('', '## Five whys', '', '**Symptom:** Payment service unresponsive, connection pool exhausted', '');
  incident.whys.forEach((why, i) => {
    out.push(`${i + 1}. **Why ${i + 1}:** ${why.text}`);
    for (const bullet of why.bullets) out.push(`   - ${bullet}`);
  });
  out.push('', `**Root cause:** ${incident.rootCause}`, '', '## Contributing factors', '');
  for (const [category, bullets] of Object.entries(incident.factors)) {
    out.push(`### ${category[0].toUpperCase()}${category.slice(1)}`, '', ...bullets.map((b) => `- ${b}`), '');
  }
  out.push('## Action items', '', '| ID | Action | Priority | Owner | Due | Status | Why | Verify | Addresses | Ticket |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const a of incident.actions) {
    out.push(`| ${a.id} | ${a.text} | ${a.priority} | ${a.owner} | ${a.due} | ${a.status} | ${a.why} | ${a.verify} | root cause | ${a.ticket} |`);
  }
  out.push('', '## Lessons learned', '');
  for (const [category, bullets] of Object.entries(incident.lessons)) {
    out.push(`### ${category[0].toUpperCase()}${category.slice(1)}`, '', ...bullets.map((b) => `- ${b}`), '');
  }
  out.push('## Follow-up', '', ...incident.followup.map((f) => `- **${f.day}** ${f.text}`));
  return out.join('\n') + '\n';
}
