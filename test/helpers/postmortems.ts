/**
 * A complete postmortem that passes every check, to edit into the shape a test needs. The
 * language-server tests and the in-VS Code suite share it; the command-line tests keep their own
 * (test/cli/documents.ts), whose variants edit timeline lines and due dates this one does not have.
 * Its dates that checks compare with today (A1's due date, the follow-up note) lie far ahead, so
 * it stays clean whatever day the tests run.
 */
export const CLEAN_POSTMORTEM = `postmortem: Payment processing outage
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
  mitigated: 2025-02-14 14:46 UTC
  resolved: 2025-02-14 15:15 UTC
  duration: 45m
  severity: SEV1
  services: payment-service, checkout-api
  users affected: 500+
  functionality: card payments failed or timed out
  impact: about 2,000 failed transactions

timeline:
  2025-02-14 14:28 UTC  Deployment of payment-service v2.4.0 completes
  14:30 UTC  Connection pool reaches 100% utilization
  14:42 UTC  N+1 query pattern identified in v2.4.0
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
    due: 2999-03-15
    status: in-progress
    verify: The pipeline fails on a replay of the v2.4.0 regression
  A2: Alert at 80% connection pool utilization
    priority: P2
    owner: @db-team
    due: 2025-02-21
    status: verified
    verify: Alert fired in a staging drill on 2025-02-20

lessons:
  went well:
    - Alert fired within two minutes
  could improve:
    - No message to affected customers for 30 minutes
  surprised us:
    - The N+1 pattern passed unit and integration tests
  changing:
    - See A1 and A2

followup:
  2999-01-01  A1 load test stage on track
`;

/** The same with one time written without a zone: one PM010, on the line that starts with `  14:30  `. */
export const ZONELESS_POSTMORTEM = CLEAN_POSTMORTEM.replace('  14:30 UTC  Connection pool', '  14:30  Connection pool');
