/**
 * Documents for the command-line tests. CLEAN passes every rule when checked with --today
 * TODAY; the others differ from it by one kind of finding each, so each test's expectation is
 * plain to see.
 */
export const TODAY = '2025-03-01';

export const CLEAN = `postmortem: Payment processing outage
id: INC-2025-002
date: 2025-02-15
authors: @jane, @sam
status: final

summary:
  Payment processing became unresponsive because the database connection pool
  was exhausted after a deployment introduced an N+1 query.

incident:
  started: 2025-02-14 14:30 UTC
  detected: 2025-02-14 14:30 UTC
  detected by: p95 latency alert (automated)
  responded: 2025-02-14 14:31 UTC
  resolved: 2025-02-14 15:15 UTC
  duration: 45m
  severity: SEV1
  services: payment-service, checkout-api
  users affected: 500+
  functionality: card payments failed or timed out
  impact: about 2,000 failed transactions, $12K revenue loss

timeline:
  2025-02-14 14:28 UTC  Deployment of payment-service v2.4.0 completes
  14:30 UTC  Connection pool reaches 100% utilization
  14:30 UTC  Latency alert fires (p95 > 10 s)
  14:31 UTC  Incident commander engaged, bridge opened
  14:35 UTC  N+1 query pattern identified in v2.4.0
  14:40 UTC  Decision: roll back to v2.3.0
  14:46 UTC  Rollback completes; service recovering
  15:15 UTC  Incident declared resolved

whys:
  symptom: Payment service unresponsive, connection pool exhausted
  why 1: v2.4.0 issues one query per payment instead of one batch
    - query volume grows with traffic until the pool is full
  why 2: The review checklist has no step for query patterns
  why 3: The release skipped load testing
  why 4: Load testing is manual and its environment is often unavailable
  why 5: No performance check is required by the deployment pipeline
  root cause: The deployment pipeline has no automated performance regression gate

factors:
  process:
    - No mandatory performance regression test before production deploys
  technical:
    - Connection pool saturation is not alerted before exhaustion
  cultural:
    - Deadline pressure made skipping load tests feel normal
  environmental:
    - Staging traffic is far below production volume

actions:
  A1: Add an automated load test stage to the deployment pipeline
    priority: P1
    owner: @platform-team
    due: 2025-03-15
    status: in-progress
    why: Catches N+1 regressions before they reach production
    verify: The pipeline fails on a replay of the v2.4.0 regression
    addresses: root cause
    ticket: PLAT-123
  A2: Alert at 80% connection pool utilization
    priority: P2
    owner: @db-team
    due: 2025-02-21
    status: verified
    verify: Alert fired in a staging drill on 2025-02-20

lessons:
  went well:
    - Alert fired within two minutes
    - Rollback took four minutes
  could improve:
    - No message to affected customers for 30 minutes
  surprised us:
    - The N+1 pattern passed unit and integration tests
  changing:
    - See A1 and A2

followup:
  2025-03-01  A1 load test stage merged behind a flag
`;

/** Replaces one exact line of CLEAN, failing loudly if the line is not there. */
export function withLine(original: string, replacement: string, text = CLEAN): string {
  if (!text.includes(original)) throw new Error(`the test document has no line "${original}"`);
  return text.replace(original, replacement);
}

/** Two timeline events without a time zone: two PM010 warnings, each with a fix. */
export const TWO_ZONELESS = withLine('  14:35 UTC  N+1 query pattern identified in v2.4.0', '  14:35  N+1 query pattern identified in v2.4.0', withLine('  14:40 UTC  Decision: roll back to v2.3.0', '  14:40  Decision: roll back to v2.3.0'));

/** A due date that does not exist: a PM015 error. */
export const IMPOSSIBLE_DATE = withLine('    due: 2025-02-21', '    due: 2025-02-30');

/** Fixable findings of two kinds (PM010 and PM011) on several lines. */
export const FIXABLE = withLine('  14:46 UTC  Rollback completes; service recovering', '  06:46 PST  Rollback completes; service recovering', TWO_ZONELESS);

export function toCrlf(text: string): string {
  return text.replace(/\n/g, '\r\n');
}

/**
 * The rules these tests rely on. The command-line tests check the command line, not the rules,
 * so their folders turn every other rule off: a rule added later cannot change what they see.
 */
export const RULES_UNDER_TEST = ['PM001', 'PM010', 'PM011', 'PM015', 'PM036'];
