import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze } from '../../server/src/core/analysis/analyze';
import { digestOf, type PostmortemDigest } from '../../server/src/core/insights/digest';
import { relatedIncidents, termsOf } from '../../server/src/core/insights/related';
import { computeStats, median, type StatsReport } from '../../server/src/core/insights/stats';
import { formatStatsText } from '../../server/src/core/insights/statsText';

/**
 * `postmortem stats` on a small repository whose every figure was worked out by hand
 * (test/fixtures/stats-repo): six incidents, a near miss and a drill. The comments give the sums.
 */
const REPO = join(import.meta.dirname, '..', 'fixtures', 'stats-repo');
const TODAY = '2025-06-01';

function files(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function digests(today = TODAY): PostmortemDigest[] {
  return files(REPO).map((file) => digestOf(relative(REPO, file), analyze(readFileSync(file, 'utf8'), { today })));
}

describe('postmortem stats figures (hand-checked repository)', () => {
  let report: StatsReport;
  before(() => {
    report = computeStats(digests(), { today: TODAY });
  });

  it('counts incidents, near misses and drills by their type', () => {
    assert.equal(report.stats.incidents, 6);
    assert.equal(report.stats.nearMisses, 1);
    assert.equal(report.stats.drills, 1);
  });

  it('tallies severity of incidents only, reading `sev 2` as SEV2, most first', () => {
    // SEV1: INC-1, INC-4. SEV2: INC-2 (`sev 2`), INC-3, INC-5, INC-6. The near miss's SEV4 and the drill's SEV3 do not count.
    assert.deepEqual(report.stats.bySeverity, { SEV2: 4, SEV1: 2 });
    assert.deepEqual(Object.keys(report.stats.bySeverity), ['SEV2', 'SEV1']);
  });

  it('tallies services of incidents only, case-insensitively', () => {
    // checkout-api: INC-1, INC-3 (`Checkout-API`), INC-4; payments: INC-1, INC-5; search-api: INC-2, INC-6.
    assert.deepEqual(Object.entries(report.stats.byService), [['checkout-api', 3], ['payments', 2], ['search-api', 2]]);
  });

  it('counts incidents per month of `started`, quiet months included, with the median duration', () => {
    assert.deepEqual(report.stats.byMonth, [
      { month: '2025-01', incidents: 2, medianDurationMinutes: 45 }, // INC-1 60 min, INC-2 30 min: (60 + 30) / 2
      { month: '2025-02', incidents: 1, medianDurationMinutes: 60 }, // INC-3
      { month: '2025-03', incidents: 0, medianDurationMinutes: null }, // the near miss does not count
      { month: '2025-04', incidents: 1, medianDurationMinutes: 90 }, // INC-4
      { month: '2025-05', incidents: 1, medianDurationMinutes: 120 }, // INC-5
    ]);
  });

  it('gives the four medians with how many incidents had each', () => {
    assert.deepEqual(report.stats.medians, {
      durationMinutes: { value: 60, over: 5 }, // 30 60 [60] 90 120; INC-6 has no times
      timeToDetectMinutes: { value: 10, over: 5 }, // 1 5 [10] 20 30
      timeToRespondMinutes: { value: 7.5, over: 4 }, // 1 [5 10] 15; INC-3 has no `responded`
      timeToMitigateMinutes: { value: 35, over: 4 }, // 30 [30 40] 50; INC-5 has no `mitigated`
    });
  });

  it('counts action items of every postmortem by state, with the median age of open ones', () => {
    assert.deepEqual(report.stats.actions, {
      total: 12, // INC-1 3, INC-2 2, INC-3 2, INC-4 2, INC-5 1, NM-1 1, DR-1 1
      open: 6, // INC-1 A1 in-progress, INC-2 A1 not-started, INC-3 A1 no status, INC-4 A1 blocked, INC-5 A1, DR-1 A1
      overdue: 4, // INC-1 A1 due 02-01, INC-3 A1 03-01, INC-4 A1 05-01, DR-1 A1 01-01; INC-2 A1 is due 07-01, INC-5 A1 has no due
      done: 3, // INC-1 A2, INC-4 A2 (`complete`), NM-1 A1
      verified: 2, // INC-1 A3, INC-3 A2
      dropped: 1, // INC-2 A2
      // Ages in days to 2025-06-01 from each open item's postmortem date: 11 41 [105 131] 141 168
      medianOpenAgeDays: 118,
    });
  });

  it('lists services whose incidents started within 90 days of each other', () => {
    // checkout-api: 01-10, 02-15 (36 days), 04-20 (64 days). payments: 01-10 and 05-20 are 130 days apart.
    // search-api: INC-6's start cannot be read, so only INC-2 has a date.
    assert.deepEqual(report.stats.recurring, [{ service: 'checkout-api', incidents: ['INC-1', 'INC-3', 'INC-4'] }]);
  });

  it('relates incidents with alike root causes and factors, best first', () => {
    // Weights: ln(1 + 6/2) for terms in two incidents, ln(1 + 6/1) for the rest.
    // INC-2 {disk host indexer | filled usage alert} and INC-6 {disk host indexer | ran reindexing}:
    //   3·1.386 / (3·1.386 + 3·1.946 + 2·1.946) = 4.159 / 13.888 = 0.30
    // INC-1 and INC-3 share {cache entry ttl} and have five terms of their own each: 4.159 / 23.618 = 0.18
    assert.deepEqual(report.stats.related, [
      { a: 'INC-2', b: 'INC-6', score: 0.3, shared: ['disk', 'host', 'indexer'] },
      { a: 'INC-1', b: 'INC-3', score: 0.18, shared: ['cache', 'entry', 'ttl'] },
    ]);
  });

  it('has exactly the documented keys', () => {
    assert.deepEqual(Object.keys(report.stats), ['incidents', 'nearMisses', 'drills', 'bySeverity', 'byService', 'byMonth', 'medians', 'actions', 'recurring', 'related']);
  });

  it('reports the start time it cannot read instead of guessing it', () => {
    assert.deepEqual(report.problems, ['inc-6-reindex.postmortem: started: "yesterday afternoon" cannot be read as a date and time with a zone (line 9)']);
  });

  it('keeps to --since and --until by the day the incident started', () => {
    const spring = computeStats(digests(), { today: TODAY, since: '2025-02-01', until: '2025-04-30' });
    // INC-3 (02-15), INC-4 (04-20) and NM-1 (03-01); INC-6 has only its date: 2025-03-05.
    assert.equal(spring.stats.incidents, 3);
    assert.equal(spring.stats.nearMisses, 1);
    assert.equal(spring.stats.drills, 0);
    assert.equal(spring.stats.actions.total, 5);
  });

  it('text output names every figure', () => {
    const text = formatStatsText(report, false);
    assert.match(text, /6 incidents, 1 near miss, 1 drill/);
    assert.match(text, /12 in all: 6 open \(4 overdue\), 3 done, 2 verified, 1 dropped/);
    assert.match(text, /checkout-api: INC-1, INC-3, INC-4/);
    assert.match(text, /INC-2 ~ INC-6 {2}0\.30 {2}disk, host, indexer/);
  });
});

describe('stats building blocks', () => {
  it('median: middle value, mean of the two middle ones for an even count, null for none', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([]), null);
  });

  it('terms: lower case, singular, no common words or numbers', () => {
    assert.deepEqual([...termsOf(['The Caches kept 300 entries past their TTLs'])], ['cache', 'kept', 'entry', 'past', 'ttl']);
  });

  it('related: nothing for fewer than two incidents', () => {
    assert.deepEqual(relatedIncidents(digests().slice(0, 1)), []);
  });
});
