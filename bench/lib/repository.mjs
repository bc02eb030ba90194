/**
 * A repository of postmortems as a team accumulates them over five years: incidents of many
 * sizes (10 to 80 timeline events), near misses and drills, on a dozen services, with root causes
 * and factors drawn from a varied pool so that `related` has real work to do. Written twice, as
 * `.postmortem` files and as Markdown, for the comparison with markdownlint. Deterministic.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateIncident, toMarkdown, toPostmortem } from './documents.mjs';

const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2021, 0, 1);
const SPAN_DAYS = 5 * 365;
const SERVICES = ['checkout-api', 'payments', 'search-api', 'auth-gateway', 'ledger-db', 'order-queue', 'dns-resolver', 'edge-proxy', 'inventory', 'notifications', 'cdn', 'billing'];
const SUBJECTS = ['connection pool', 'cache TTL', 'certificate renewal', 'disk space', 'retry storm', 'config push', 'schema migration', 'rate limiter', 'DNS record', 'feature flag', 'autoscaler', 'queue consumer', 'memory leak', 'clock skew', 'dependency upgrade', 'load balancer health check'];
const FAILURES = ['exhausted under peak traffic', 'changed without review', 'expired unnoticed', 'filled without an alert', 'amplified a partial outage', 'rolled out to every region at once', 'locked a hot table', 'throttled legitimate clients', 'pointed at a retired host', 'enabled for all users by default', 'scaled too slowly', 'fell behind after a deploy', 'grew until the process restarted', 'broke token validation', 'pulled in a breaking change', 'marked healthy hosts as down'];
const GAPS = ['no alert covers', 'the runbook omits', 'staging cannot reproduce', 'no owner reviews', 'the pipeline skips checks for', 'dashboards hide'];

function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dayOf = (ms) => new Date(ms).toISOString().slice(0, 10);

/** One postmortem of the repository, as data the two writers take. */
function repositoryIncident(i) {
  const random = seeded(7919 * (i + 1));
  const pick = (list) => list[Math.floor(random() * list.length)];
  const base = generateIncident(10 + Math.floor(random() * 70), i);
  const shift = FIRST_DAY + Math.floor(random() * SPAN_DAYS) * DAY + Math.floor(random() * 24) * 3_600_000 - base.started;
  const at = (ms) => ms + shift;
  const resolved = at(base.resolved);
  const subject = pick(SUBJECTS);
  const failure = pick(FAILURES);
  const roll = random();
  const type = roll < 0.9 ? 'incident' : roll < 0.96 ? 'near-miss' : 'drill';
  const services = [...new Set([pick(SERVICES), ...(random() < 0.4 ? [pick(SERVICES)] : [])])];
  return {
    type,
    severity: `SEV${1 + Math.floor(random() * random() * 5)}`,
    services,
    incident: {
      ...base,
      title: `${services[0]}: ${subject} ${failure}`,
      id: `INC-${dayOf(at(base.started)).slice(0, 4)}-${String(i + 1).padStart(4, '0')}`,
      written: dayOf(resolved + DAY),
      started: at(base.started),
      detected: at(base.detected),
      responded: at(base.responded),
      mitigated: at(base.mitigated),
      resolved,
      events: base.events.map((e) => ({ ...e, time: at(e.time) })),
      rootCause: `The ${subject} ${failure}, and ${pick(GAPS)} the ${subject}`,
      factors: { ...base.factors, technical: [`${pick(GAPS)} the ${pick(SUBJECTS)}`, ...base.factors.technical.slice(1)] },
      actions: base.actions.map((a, k) => ({ ...a, due: dayOf(resolved + (14 + ((k * 17 + i) % 90)) * DAY), status: ['not-started', 'in-progress', 'done', 'verified', 'blocked', 'dropped'][(k + i) % 6] })),
      followup: base.followup.map((f, k) => ({ ...f, day: dayOf(resolved + (k + 2) * DAY) })),
    },
  };
}

/** The `.postmortem` text with the repository's type, severity and services. */
function postmortemText(entry) {
  return toPostmortem(entry.incident)
    .replace('\nincident:\n', `\nincident:\n  type: ${entry.type}\n`)
    .replace(/\n {2}severity: SEV2\n/, `\n  severity: ${entry.severity}\n`)
    .replace(/\n {2}services: .*\n/, `\n  services: ${entry.services.join(', ')}\n`);
}

/**
 * Writes `count` postmortems under `folder`/postmortems (by year) and the same as Markdown under
 * `folder`/markdown; returns both folders and the total size.
 */
export function writeRepository(folder, count) {
  const postmortems = join(folder, 'postmortems');
  const markdown = join(folder, 'markdown');
  let bytes = 0;
  let lines = 0;
  for (let i = 0; i < count; i++) {
    const entry = repositoryIncident(i);
    const year = dayOf(entry.incident.started).slice(0, 4);
    mkdirSync(join(postmortems, year), { recursive: true });
    mkdirSync(join(markdown, year), { recursive: true });
    const text = postmortemText(entry);
    bytes += Buffer.byteLength(text);
    lines += text.split('\n').length - 1;
    writeFileSync(join(postmortems, year, `${entry.incident.id}.postmortem`), text);
    writeFileSync(join(markdown, year, `${entry.incident.id}.md`), toMarkdown(entry.incident));
  }
  return { postmortems, markdown, bytes, lines };
}
