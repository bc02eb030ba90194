import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analysis/analyze';
import { applyEdits } from '../../server/src/core/analysis/edits';
import type { AnalyzeOptions, PostmortemDiagnostic } from '../../server/src/core/analysis/types';
import { anchorWords } from '../../server/src/core/rules/wording/anchors';
import { matchesOf, wordRegex } from '../../server/src/core/rules/wording/patterns';
import { personPatterns } from '../../server/src/core/rules/wording/people';
import { BLAME_PHRASES, HINDSIGHT_PHRASES, MINIMIZING_PHRASES } from '../../server/src/core/rules/wording/phrases';

/**
 * The blameless-wording checks (PM023, PM035, PM040–PM043) against a labeled corpus of
 * postmortem sentences, each placed in a realistic document and run through the real `analyze()`.
 */

const WORDING_CODES = ['PM023', 'PM035', 'PM040', 'PM041', 'PM042', 'PM043'];
const OPTIONS: AnalyzeOptions = { today: '2025-03-01', config: { people: ['Priya', 'Marcus'] } };

/** Where in a postmortem a sentence stands. */
type Slot = 'timeline' | 'why' | 'factor' | 'lesson' | 'summary' | 'action-why' | 'action' | 'root-cause';
const PROSE_SLOTS: Slot[] = ['timeline', 'why', 'factor', 'lesson', 'summary', 'action-why'];

const MARK = '<<SENTENCE>>';

/** A clean postmortem with one place for the sentence; every other line is free of wording findings. */
function documentWith(slot: Slot, sentence: string): string {
  const at = (s: Slot, fallback: string) => (slot === s ? MARK : fallback);
  const text = `postmortem: Checkout latency and failed payments
id: INC-2025-014
date: 2025-02-16
authors: @jane, @sam
status: review

summary:
  Checkout requests timed out for 40 minutes after a configuration change
  ${at('summary', 'reduced the size of the database connection pool.')}

incident:
  started: 2025-02-14 14:30 UTC
  detected: 2025-02-14 14:33 UTC
  detected by: p95 latency alert (automated)
  responded: 2025-02-14 14:35 UTC
  resolved: 2025-02-14 15:10 UTC
  duration: 40m
  severity: SEV2
  services: checkout-api, payment-service
  users affected: 3,100
  functionality: card payments timed out
  impact: about 1,800 failed payments

timeline:
  2025-02-14 14:28 UTC  Configuration change 4821 reaches production
  14:30 UTC  Connection pool reaches 100% utilization
  14:33 UTC  Latency alert fires (p95 > 5 s)
  14:40 UTC  ${at('timeline', 'Bridge opened, database team joins')}
  14:52 UTC  Pool size restored to 50; latency recovering
  15:10 UTC  Incident declared resolved

whys:
  symptom: Checkout requests time out waiting for a database connection
  why 1: The pool allowed 5 connections instead of 50
  why 2: ${at('why', 'Change 4821 set the pool size from a template default')}
  why 3: The template default was written for a batch worker
  why 4: The config review shows only the diff, not the effective values
  why 5: No check compares effective pool sizes against expected load
  root cause: ${at('root-cause', 'The deployment pipeline does not validate effective connection pool sizes')}

factors:
  process:
    - ${at('factor', 'Config templates are shared between batch and online services')}
  technical:
    - Pool saturation is not alerted before exhaustion

actions:
  A1: Add a pipeline check that fails when the pool size is below 20
    priority: P1
    owner: @platform-team
    due: 2025-03-15
    status: in-progress
    why: ${at('action-why', 'Catches undersized pools before they reach production')}
    verify: The pipeline rejects a replay of change 4821
  A2: ${at('action', 'Alert at 80% connection pool utilization')}
    priority: P2
    owner: @db-team
    due: 2025-03-01
    status: done
    verify: Alert fired in a staging drill on 2025-02-20

lessons:
  went well:
    - The latency alert fired within three minutes
  could improve:
    - ${at('lesson', 'Status page updates started 25 minutes after detection')}
  surprised us:
    - The template default differed by a factor of ten

followup:
  2025-02-20  A2 verified in a staging drill
`;
  return text.replace(MARK, sentence);
}

function lineOf(text: string, sentence: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(sentence));
  assert.ok(index >= 0, `sentence not placed: ${sentence}`);
  return index;
}

/** The wording diagnostics on the sentence's line. */
function wordingOn(slot: Slot, sentence: string, options: AnalyzeOptions = OPTIONS): PostmortemDiagnostic[] {
  const text = documentWith(slot, sentence);
  const line = lineOf(text, sentence);
  return analyze(text, options).diagnostics.filter((d) => WORDING_CODES.includes(d.code) && d.range.start.line === line);
}

function codesOn(slot: Slot, sentence: string, options?: AnalyzeOptions): string[] {
  return wordingOn(slot, sentence, options).map((d) => d.code);
}

/** The text a diagnostic covers. */
function covered(text: string, d: PostmortemDiagnostic): string {
  const lines = text.split('\n');
  assert.equal(d.range.start.line, d.range.end.line, 'wording ranges stay on one line');
  return lines[d.range.start.line].slice(d.range.start.character, d.range.end.character);
}

// Blame, judgment and a person as the cause (PM040 or PM042 expected).
const BLAMING = [
  'The outage was caused by human error during the failover.',
  'The immediate trigger was operator error on the load balancer.',
  '@dmitri carelessly pushed the config without review.',
  'A sloppy review let the N+1 query through.',
  'The engineer was negligent in skipping the canary.',
  'This was a rookie mistake in the rollout plan.',
  '@kim broke the checkout flow with the 2.4.0 deploy.',
  '@lee forgot to renew the TLS certificate.',
  'Priya ignored the disk space warning for two days.',
  'The on-call engineer missed the first page.',
  'Marcus neglected to update the runbook after the migration.',
  "@sam didn't check the diff before merging.",
  "The outage happened because of @jordan's typo in the DNS record.",
  "It was @ana's fault that the cache was flushed.",
  'The new hire accidentally deleted the production bucket.',
  '@omar messed up the migration order.',
  'The release engineer screwed up the version pin.',
  'Reckless Friday deploys keep causing incidents.',
  'The database team is to blame for the missing index.',
  '@rui was careless with the feature flag.',
  'Poor judgment led to running the script against production.',
  'Rolling forward instead of back was the wrong call.',
  'Underneath it all was a lack of attention to detail.',
  'He failed to escalate when the error budget ran out.',
  'She overlooked the warning in the deploy log.',
  '@chen fat-fingered the replica count.',
  'The incident was due to @ivan.',
  'Someone skipped the staging step again.',
  'Lazy testing let the regression into production.',
  '@noor made a mistake in the rollout plan.',
  "The whole thing was caused by @felix's bad merge.",
  'Incompetent handling of the pager made it worse.',
  'Their mistake cost us two hours of downtime.',
  'The developer pushed a bad config to all regions.',
  '@tess was responsible for the outage.',
  'Pilot error at the console triggered the reboot.',
  'We need to hold the deployer accountable.',
  'A stupid typo took the site down.',
  "The reviewer didn't test the rollback path.",
  '@gabe mistakenly ran the cleanup job in production.',
  'It was his mistake to disable the alert.',
  'Marcus screwed up the DNS cutover.',
  'Human error is the main contributing factor.',
  'The contractor dropped the ball on the certificate renewal.',
  'The on-call SRE ignored three pages in a row.',
  "@pat's change broke the login page.",
  'The migration failed because @bob rushed it out without telling anyone.',
  'Bad decisions by the on-call made the recovery slower.',
];

// Counterfactual and hindsight (PM041 expected).
const COUNTERFACTUAL = [
  'We should have caught this in staging.',
  'A canary would have limited the blast radius.',
  'The alert could have fired ten minutes earlier.',
  'Had we load tested, we would have seen the N+1 query.',
  'If only the runbook had covered this case.',
  'Obviously the cache was stale after the deploy.',
  'The connection leak was clearly visible in the dashboard.',
  'In hindsight, the migration needed a dry run.',
  'The team failed to notice the growing queue.',
  'The outage was inevitable given the config drift.',
  'The warning signs were ignored for weeks.',
  'The responders should not have restarted the primary.',
  "We could've rolled back sooner.",
  'Of course the retry storm made it worse.',
  'It was only a matter of time before the disk filled.',
  'Testing on staging might have exposed the bug.',
  'In retrospect, the rollback plan was too optimistic.',
  'We failed to account for the daylight saving change.',
  'The engineers should have known the quota was shared.',
  "A schema check would've prevented this.",
  'They failed to follow the checklist.',
  'It was obvious that the replica was lagging.',
  'Someone ought to have reviewed the migration.',
  'Clearly the timeout was set too low.',
];

// Neutral sentences, including every tricky neutral case in BLAMELESS.md (no wording finding expected).
const NEUTRAL: { text: string; slot?: Slot }[] = [
  { text: 'The error rate rose to 12% within two minutes.' },
  { text: 'The error budget for March was exhausted by this incident.' },
  { text: '5xx errors peaked at 4,000 per second.' },
  { text: 'A rounding error in the quota formula doubled every limit.' },
  { text: 'Failover to the secondary region completed at 14:52.' },
  { text: 'The primary and the replica share a failure domain.' },
  { text: 'The rollout failed at 30% and stopped itself.' },
  { text: 'The page failed to reach the secondary on-call.' },
  { text: '@maria paged the database team.' },
  { text: '@jon began the rollback.' },
  { text: 'A bug was introduced in the retry logic.' },
  { text: 'The readiness probe kept passing while the pool was exhausted.' },
  { text: 'The health check failed to detect the stuck worker.' },
  { text: 'The just-in-time compiler cache was cold after the restart.' },
  { text: 'The deploy had just finished when the alert fired.' },
  { text: 'Error messages from the payment API are now human-readable.' },
  { text: 'The Kubernetes operator failed to reconcile the StatefulSet.' },
  { text: 'The operator restarted the pods one zone at a time.' },
  { text: 'Priya rolled back the release at 14:46.' },
  { text: 'Marcus noticed the latency spike on the dashboard.' },
  { text: 'The on-call engineer acknowledged the page within two minutes.' },
  { text: 'The new hire followed the runbook exactly as written.' },
  { text: 'The runbook had no step for draining connections.' },
  { text: 'Change 1234 introduced an unbounded query.' },
  { text: 'The deploy tool accepted a config without a schema check.' },
  { text: 'The alert threshold was set to 95%, too high to fire before saturation.' },
  { text: 'Nobody is to blame here; the pipeline allowed an unsafe value.' },
  { text: 'Connection pool saturation is not alerted before exhaustion.' },
  { text: 'The migration took just under 4 minutes.' },
  { text: 'The replica lag was not obvious from the default dashboard.' },
  { text: 'This is a non-trivial change to the scheduler.' },
  { text: 'The disk filled because log rotation was disabled in the image.' },
  { text: 'The fault injection suite did not cover this path.' },
  { text: 'The dashboard shows the error count per region.' },
  { text: 'Requests that failed to parse were retried without backoff.' },
  { text: 'The setting is easy to miss in the 400-line config file.' },
  { text: 'The "human error" label in the old template hid the real cause.' },
  { text: 'The log said `ERROR: operator error detected` before the crash.' },
  { text: 'See https://wiki.example.com/policy/human-error-is-not-a-cause for background.' },
  { text: 'The lazy loading of the config delayed startup by 30 s.' },
  { text: 'The retry behaviour is clearly documented in the design doc.' },
  { text: 'Status updates went out every 30 minutes.' },
  { text: "The vendor's fault tolerance guarantees did not cover zone loss." },
  { text: 'The load balancer made a routing decision based on stale health data.' },
  { text: 'Nobody could have known the API changed without notice.' },
  { text: 'The cron job ran twice because the lock expired early.' },
  { text: 'We would have to restart every node to apply the fix.' },
  { text: '@lena ran the failover script as the runbook says.' },
  { text: 'The CI pipeline skipped the integration tests because of a path filter.' },
  { text: 'The incident commander opened a bridge and assigned roles.' },
  { text: 'Checkout failed for about 2,000 customers.' },
  { text: 'He joined the bridge at 14:35 and took over communications.' },
  { text: 'The script failed to acquire the lock and exited.' },
  { text: 'The schema check was missed by the pipeline because the file was renamed.' },
  { text: 'A misconfigured DNS record pointed traffic to the old cluster.' },
  { text: 'The deploy caused a spike in p99 latency.' },
  { text: 'Operators of the payments cluster receive pages through PagerDuty.' },
  { text: 'Only a few requests were retried twice.' },
  { text: 'The team wrote a timeline from the chat log and the deploy history.' },
  { text: 'Human factors training is part of onboarding for responders.' },
  { text: 'Add a confirmation prompt to the delete-bucket command', slot: 'action' },
  { text: 'Require two approvals for production database migrations', slot: 'action' },
  { text: 'Automate certificate renewal with a 30-day expiry alert', slot: 'action' },
  { text: 'Block deploys when the pool size is below the expected load', slot: 'action' },
  { text: 'Investigate the 5% error spike in `payment-service` retries', slot: 'action' },
];

interface CorpusResult {
  sentence: string;
  codes: string[];
}

function runCorpus(sentences: { text: string; slot?: Slot }[]): CorpusResult[] {
  return sentences.map((s, i) => ({ sentence: s.text, codes: codesOn(s.slot ?? PROSE_SLOTS[i % PROSE_SLOTS.length], s.text) }));
}

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;

describe('blameless wording: labeled corpus', () => {
  it('has the corpus sizes the brief asks for', () => {
    assert.ok(BLAMING.length >= 40 && COUNTERFACTUAL.length >= 20 && NEUTRAL.length >= 50);
  });

  it('the base document has no wording findings of its own', () => {
    const text = documentWith('timeline', 'Bridge opened, database team joins');
    assert.deepEqual(analyze(text, OPTIONS).diagnostics.filter((d) => WORDING_CODES.includes(d.code)), []);
  });

  it('catches at least 90% of blaming sentences and 90% of counterfactual ones, with at most 1 false alarm in 25 neutral ones', () => {
    const blaming = runCorpus(BLAMING.map((text) => ({ text })));
    const counterfactual = runCorpus(COUNTERFACTUAL.map((text) => ({ text })));
    const neutral = runCorpus(NEUTRAL);
    const caughtBlame = blaming.filter((r) => r.codes.includes('PM040') || r.codes.includes('PM042'));
    const caughtHindsight = counterfactual.filter((r) => r.codes.includes('PM041'));
    const falseAlarms = neutral.filter((r) => r.codes.some((c) => ['PM040', 'PM041', 'PM042', 'PM043', 'PM035'].includes(c)));

    console.log(`      blaming recall (PM040/PM042): ${caughtBlame.length}/${blaming.length} = ${percent(caughtBlame.length, blaming.length)}`);
    console.log(`      counterfactual recall (PM041): ${caughtHindsight.length}/${counterfactual.length} = ${percent(caughtHindsight.length, counterfactual.length)}`);
    console.log(`      false alarms on neutral sentences: ${falseAlarms.length}/${neutral.length} = ${percent(falseAlarms.length, neutral.length)}`);
    for (const r of blaming.filter((x) => !caughtBlame.includes(x))) console.log(`        missed blame: ${r.sentence}`);
    for (const r of counterfactual.filter((x) => !caughtHindsight.includes(x))) console.log(`        missed hindsight: ${r.sentence}`);
    for (const r of falseAlarms) console.log(`        false alarm ${r.codes.join(',')}: ${r.sentence}`);

    assert.ok(caughtBlame.length / blaming.length >= 0.9, 'blaming recall below 90%');
    assert.ok(caughtHindsight.length / counterfactual.length >= 0.9, 'counterfactual recall below 90%');
    assert.ok(falseAlarms.length / neutral.length <= 1 / 25, 'more than 1 false alarm in 25 neutral sentences');
  });
});

/** Applies the fix of the first `code` diagnostic on the sentence's line and checks the result. */
function fixSentence(slot: Slot, sentence: string, code: string, options: AnalyzeOptions = OPTIONS): string {
  const text = documentWith(slot, sentence);
  const line = lineOf(text, sentence);
  const before = analyze(text, options);
  const diagnostic = before.diagnostics.find((d) => d.code === code && d.range.start.line === line && d.data?.fix);
  assert.ok(diagnostic, `no fixable ${code} on: ${sentence}`);
  const { edits } = diagnostic.data!.fix!;
  assert.equal(edits.length, 1);
  const fixed = applyEdits(before.lines, edits);
  const start = before.lines.offset(edits[0].range.start);
  const end = before.lines.offset(edits[0].range.end);
  assert.equal(fixed.slice(0, start), text.slice(0, start), 'text before the edit is unchanged');
  assert.equal(fixed.slice(start + edits[0].newText.length), text.slice(end), 'text after the edit is unchanged');
  const after = analyze(fixed, options);
  assert.ok(
    !after.diagnostics.some((d) => d.code === code && d.range.start.line === line),
    `${code} still reported after the fix: ${fixed.split('\n')[line]}`,
  );
  return fixed.split('\n')[line].trim().replace(/^(?:\d{2}:\d{2} UTC|why 2:|-|A2:)\s+/, '');
}

describe('blameless wording: quick fixes', () => {
  const rewrites: [Slot, string, string][] = [
    ['timeline', 'Config push caused by human error reaches production', 'Config push caused by a manual step without a safeguard reaches production'],
    ['why', 'Human error let the empty limit through', 'A manual step without a safeguard let the empty limit through'],
    ['factor', 'This was a human error during the cutover', 'This was a manual step without a safeguard during the cutover'],
    ['lesson', 'An operator error on the console rebooted the primary', 'An operator action without a safeguard on the console rebooted the primary'],
    ['timeline', 'Two operator errors compounded the outage', 'Two operator actions without safeguards compounded the outage'],
    ['why', 'Poor judgment led to a rollback during peak traffic', 'A judgment call led to a rollback during peak traffic'],
    ['factor', 'Rolling forward was the wrong call under time pressure', 'Rolling forward was the decision under time pressure'],
    ['lesson', 'The replica count was fat-fingered as 0', 'The replica count was mistyped as 0'],
  ];
  for (const [slot, sentence, expected] of rewrites) {
    it(`PM040: “${sentence}”`, () => assert.equal(fixSentence(slot, sentence, 'PM040'), expected));
  }

  const deletions: [Slot, string, string][] = [
    ['timeline', 'It was just a restart of the worker', 'It was a restart of the worker'],
    ['lesson', 'Just restart the pod when the queue stalls', 'Restart the pod when the queue stalls'],
    ['why', 'The fix is simply a revert of one file', 'The fix is a revert of one file'],
    ['factor', 'Basically, the cache was cold after the deploy', 'The cache was cold after the deploy'],
    ['summary', 'Merely a config change reached production.', 'A config change reached production.'],
  ];
  for (const [slot, sentence, expected] of deletions) {
    it(`PM043: “${sentence}”`, () => assert.equal(fixSentence(slot, sentence, 'PM043'), expected));
  }

  it('offers no fix where no rewrite keeps the sentence: adjectives and judgment words', () => {
    for (const [code, sentence] of [
      ['PM040', 'The deploy was careless'],
      ['PM040', 'The review was sloppy and rushed'],
      ['PM043', 'The migration looked trivial on paper'],
      ['PM043', 'The change was easy'],
      ['PM043', 'The restart was not hard, it was just'],
    ]) {
      const found = wordingOn('factor', sentence).filter((d) => d.code === code);
      assert.equal(found.length, 1, `${code} on: ${sentence}`);
      assert.equal(found[0].data?.fix, undefined, `no fix for: ${sentence}`);
    }
  });
});

describe('blameless wording: configuration', () => {
  it('allowedPhrases are never reported, and only they are exempt', () => {
    const options = { ...OPTIONS, config: { ...OPTIONS.config, allowedPhrases: ['human error', 'just'] } };
    assert.deepEqual(codesOn('why', 'Human error let the empty limit through', options), []);
    assert.deepEqual(codesOn('timeline', 'It was just a restart and the deploy was careless', options), ['PM040']);
    assert.deepEqual(codesOn('timeline', 'It was just a restart and the deploy was careless'), ['PM043', 'PM040']);
  });

  it('blamePhrases are extra PM040 phrases, matched case-insensitively as whole words, without a fix', () => {
    const options = { ...OPTIONS, config: { ...OPTIONS.config, blamePhrases: ['cowboy deploy', 'YOLO'] } };
    const sentence = 'A cowboy  deploy went out yolo style';
    const found = wordingOn('timeline', sentence, options);
    const text = documentWith('timeline', sentence);
    assert.deepEqual(found.map((d) => [d.code, covered(text, d), d.data?.fix]), [
      ['PM040', 'cowboy  deploy', undefined],
      ['PM040', 'yolo', undefined],
    ]);
    assert.deepEqual(codesOn('timeline', sentence), []);
    assert.deepEqual(codesOn('timeline', 'The cowboys deployed yolos', options), []);
  });

  it('people are names for PM042 and PM023 besides @handles, common given names and the subject of a verb only people do', () => {
    const noPeople = { ...OPTIONS, config: { people: [] } };
    const sentence = 'Zanele ignored the disk space warning';
    assert.deepEqual(codesOn('timeline', sentence, noPeople), []);
    const options = { ...OPTIONS, config: { people: ['Zanele'] } };
    assert.deepEqual(wordingOn('timeline', sentence, options).map((d) => [d.code, covered(documentWith('timeline', sentence), d)]), [['PM042', 'Zanele ignored']]);
    const forgot = 'Priya forgot to renew the certificate';
    assert.deepEqual(wordingOn('timeline', forgot, noPeople).map((d) => [d.code, covered(documentWith('timeline', forgot), d)]), [['PM042', 'Priya forgot to']]);
    assert.deepEqual(codesOn('timeline', 'Sam forgot to drain it', noPeople), ['PM042']);
    assert.deepEqual(codesOn('timeline', 'Zanele forgot to drain it', noPeople), ['PM042']);
    assert.deepEqual(codesOn('root-cause', 'Marcus skipped the canary stage'), ['PM023']);
  });

  it('a capitalised name does not match the same word in lower case', () => {
    const options = { ...OPTIONS, config: { people: ['Will', 'Mark'] } };
    assert.deepEqual(codesOn('timeline', 'Will forgot to rotate the signing key', options), ['PM042']);
    assert.deepEqual(codesOn('root-cause', 'The pool will exhaust when traffic doubles and nothing will mark it', options), []);
    assert.deepEqual(codesOn('root-cause', "Mark's script had no dry-run mode", options), ['PM023']);
  });
});

describe('blameless wording: text that is not checked', () => {
  it('skips code spans, quoted log lines, URLs and single-quoted mentions', () => {
    for (const sentence of [
      'The log showed `human error: operator aborted` at 14:31',
      'The alert text read "you should have checked the disk" and the bridge paused',
      'The alert text read “just restart it” and the bridge paused',
      'The runbook at https://wiki.example.com/just-restart-it/careless was out of date',
      "The 'human error' field in the old template was removed",
    ]) {
      assert.deepEqual(codesOn('timeline', sentence), [], sentence);
    }
  });

  it('still reads the words around a skipped region, at their exact offsets', () => {
    const sentence = 'The log said "disk full" and @bob ignored it';
    const text = documentWith('timeline', sentence);
    assert.deepEqual(wordingOn('timeline', sentence).map((d) => [d.code, covered(text, d)]), [['PM042', '@bob ignored']]);
  });

  it('never reads ticket, owner or other non-prose fields', () => {
    const text = documentWith('timeline', 'Bridge opened, database team joins').replace(
      '    verify: The pipeline rejects',
      '    ticket: OPS-12 careless human error just obviously\n    verify: The pipeline rejects',
    );
    assert.deepEqual(analyze(text, OPTIONS).diagnostics.filter((d) => WORDING_CODES.includes(d.code)), []);
  });
});

describe('blameless wording: ranges and overlaps', () => {
  const cases: [string, [string, string][]][] = [
    ['@bob accidentally broke the build', [['PM042', '@bob accidentally broke']]],
    ['@bob failed to check the replica lag', [['PM042', '@bob failed to']]],
    ['We failed to check the replica lag', [['PM041', 'We failed to']]],
    ['The outage was caused by @bob', [['PM042', 'caused by @bob']]],
    ["@bob's mistake took the site down", [['PM042', "@bob's mistake"]]],
    ['It was his mistake', [['PM040', 'his mistake']]],
    ['The page to @bob failed to arrive', []],
    ['Mail to ops@example.com broke after the change', []],
    ['Had we load tested, we would have seen it', [['PM041', 'Had we load tested, we would']]],
    ['The deploy was careless and we should have waited', [['PM040', 'careless'], ['PM041', 'should have']]],
  ];
  for (const [sentence, expected] of cases) {
    it(`“${sentence}”`, () => {
      const text = documentWith('timeline', sentence);
      assert.deepEqual(wordingOn('timeline', sentence).map((d) => [d.code, covered(text, d)]), expected);
    });
  }

  it('reports blame and hindsight words inside a person-as-cause phrase once, or on their own when PM042 is off', () => {
    const sentence = '@bob carelessly broke the build; @amy obviously ignored the alert';
    const text = documentWith('timeline', sentence);
    const codesAndWords = (options: AnalyzeOptions) => wordingOn('timeline', sentence, options).map((d) => [d.code, covered(text, d)]);
    assert.deepEqual(codesAndWords(OPTIONS), [['PM042', '@bob carelessly broke'], ['PM042', '@amy obviously ignored']]);
    const pm042Off = { ...OPTIONS, config: { ...OPTIONS.config, rules: { PM042: 'off' as const } } };
    assert.deepEqual(codesAndWords(pm042Off), [['PM040', 'carelessly'], ['PM041', 'obviously']]);
  });

  it('says what to do, in one sentence, naming the words', () => {
    for (const d of wordingOn('timeline', 'Human error: @bob ignored it, we should have known, it was simply obvious')) {
      assert.match(d.message, /^[A-Z].*[.]$/);
      assert.ok(!/[.!?] [A-Z]/.test(d.message), `one sentence: ${d.message}`);
      assert.match(d.message, /“[^”]+”/);
    }
  });
});

describe('PM023: a person or blame wording as the root cause', () => {
  const reported: [string, string][] = [
    ['@bob', '@bob'],
    ['The on-call engineer did not check the replica lag', 'The on-call engineer did not check'],
    ['The new hire ran the migration against production', 'The new hire'],
    ['Human error', 'Human error'],
    ['Operator error during the cutover', 'Operator error'],
    ['A careless config push', 'careless'],
    ['Priya skipped the canary stage', 'Priya skipped'],
  ];
  for (const [rootCause, words] of reported) {
    it(`reports “${words}” in “${rootCause}”, and neither PM040 nor PM042`, () => {
      const text = documentWith('root-cause', rootCause);
      const found = wordingOn('root-cause', rootCause);
      assert.deepEqual(found.map((d) => [d.code, covered(text, d)]), [['PM023', words]]);
    });
  }

  it('does not report a root cause that is a condition of the system', () => {
    for (const rootCause of [
      'The deployment pipeline has no gate for connection pool sizes',
      'The config schema accepts an empty connection limit',
      'The Kubernetes operator retries reconciliation without backoff',
      'Error budget alerts page only after the budget is spent',
    ]) {
      assert.deepEqual(codesOn('root-cause', rootCause), [], rootCause);
    }
  });

  it('leaves hindsight and minimizing wording in the root cause to PM041 and PM043', () => {
    assert.deepEqual(codesOn('root-cause', 'The pipeline should have rejected an empty limit'), ['PM041']);
    assert.deepEqual(codesOn('root-cause', 'The schema simply accepts an empty limit'), ['PM043']);
  });
});

describe('PM035: vague action titles', () => {
  const vague: [string, string[]][] = [
    ['Be more careful with config pushes', ['Be more careful']],
    ['Improve monitoring', ['Improve monitoring']],
    ['Remind the team to double-check configs', ['Remind the team', 'double-check']],
    ['Look into the connection pool behaviour', ['Look into']],
    ['Investigate why the pool shrank', ['Investigate']],
    ['Pay more attention to template defaults', ['Pay more attention']],
    ['Raise awareness of shared templates', ['Raise awareness']],
    ['Try to avoid Friday deploys', ['Try to']],
    ['Better testing of configuration changes', ['Better testing']],
    // Up to two words naming what is improved, as real action lists write them.
    ['Improve recovery tooling', ['Improve recovery tooling']],
    ['Better incident communication', ['Better incident communication']],
    ['Improve the on-call handoff documentation', ['Improve the on-call handoff documentation']],
  ];
  for (const [title, words] of vague) {
    it(`reports “${title}”`, () => {
      const text = documentWith('action', title);
      const found = wordingOn('action', title).filter((d) => d.code === 'PM035');
      assert.deepEqual(found.map((d) => covered(text, d)), words);
      assert.ok(found.every((d) => !d.data?.fix));
    });
  }

  it('does not report a title that names something concrete', () => {
    for (const title of [
      'Add a pipeline check for pool sizes below 20',
      'Improve monitoring with an alert at 80% pool utilization',
      'Investigate `pool_size` defaults in the batch template',
      'Require a second approval for config templates',
      'Block config pushes that lower a pool size',
      'Automate the pool size review',
      'Write a runbook step for draining connections',
      'Test that the pipeline rejects an empty limit',
      'Remove the shared template from online services',
      'Improve recovery tooling so a full restore finishes within 1 hour',
    ]) {
      assert.deepEqual(codesOn('action', title).filter((c) => c === 'PM035'), [], title);
    }
  });

  it('does not read across a clause for the thing improved', () => {
    // "of" starts a phrase of its own: this title improves a rollout, not the monitoring.
    assert.deepEqual(codesOn('action', 'Improve the rollout of monitoring agents to every host').filter((c) => c === 'PM035'), []);
  });

  it('checks action titles only', () => {
    assert.deepEqual(codesOn('lesson', 'Improve monitoring and be more careful'), []);
  });
});

describe('PM042: a safeguard a person left out', () => {
  it('makes the person the cause when they acted without a canary, a dry run, a rollback plan or a backup', () => {
    // As a contributing factor of Roblox's October 2021 outage might be written, in our own words.
    for (const sentence of [
      'Jim enabled streaming on the production cluster without a canary.',
      '@rhea ran the migration without a dry run.',
      'The on-call engineer restored the cluster without a backup.',
      'Sam rolled out the change without a rollback plan.',
    ]) {
      assert.deepEqual(codesOn('factor', sentence), ['PM042'], sentence);
    }
  });

  it('leaves the process that allows it alone', () => {
    for (const sentence of ['The pipeline promotes builds without a canary stage.', 'Releases went out without a canary, as the release process allowed.']) {
      assert.deepEqual(codesOn('factor', sentence), [], sentence);
    }
  });
});

describe('PM041 in a near-miss', () => {
  it('accepts "would have" where a near-miss describes the harm it avoided, and nowhere else', () => {
    const text = documentWith('timeline', 'We should have renewed the certificate earlier')
      .replace('  started: 2025-02-14 14:30 UTC', '  type: near-miss\n  started: 2025-02-14 14:30 UTC')
      .replace('impact: about 1,800 failed payments', 'impact: checkout would have failed for every customer');
    const found = analyze(text, OPTIONS).diagnostics.filter((d) => d.code === 'PM041');
    assert.deepEqual(found.map((d) => covered(text, d)), ['should have']);
  });
});

describe('blameless wording: anchor words', () => {
  // Lines are only searched for an entry when they hold one of its anchor words (anchors.ts), so
  // an entry that can match without any of them would silently miss. Every sentence of the
  // corpus and every sentence in the tests above must respect that.
  const sentences = [
    ...BLAMING, ...COUNTERFACTUAL, ...NEUTRAL.map((n) => n.text),
    'The deploy was careless and nobody checked the diff', "@kim's screw-up", 'Mistakes were made by the deployer',
    'He fat fingered it', 'Lack of diligence', 'not paying attention', 'The red flags were missed', "They couldn't be bothered",
    'No-brainer fix', 'We all know the pool is small', 'only a minor blip', 'inevitably it broke', 'shoulda tested',
  ];
  const entries = [
    ...BLAME_PHRASES.map((e) => ({ anchors: e.anchors, regex: wordRegex(e.pattern) })),
    ...HINDSIGHT_PHRASES.map((e) => ({ anchors: e.anchors, regex: wordRegex(e.pattern) })),
    ...MINIMIZING_PHRASES.map((e) => ({ anchors: e.anchors, regex: wordRegex(e.pattern) })),
    ...personPatterns(['Priya', 'Marcus']).asCause.map((e) => ({ anchors: e.anchors, regex: wordRegex(e.pattern, false) })),
  ];
  it('every match of every list entry holds one of the entry’s anchor words', () => {
    let checked = 0;
    for (const sentence of sentences) {
      for (const entry of entries) {
        const anchors = new Set(anchorWords(entry.anchors));
        for (const m of matchesOf(entry.regex, sentence)) {
          checked++;
          const words = anchorWords(sentence.slice(m.start, m.end));
          assert.ok(words.some((w) => anchors.has(w)), `“${sentence.slice(m.start, m.end)}” holds none of: ${entry.anchors}`);
        }
      }
    }
    assert.ok(checked > 100, `only ${checked} matches checked`);
  });
});
