import { strict as assert } from 'node:assert';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, runCli, TemporaryFolders } from './cliHarness';

/** The hand-checked repository of test/unit/stats.test.ts, through the built command line. */
const REPO = join(import.meta.dirname, '..', 'fixtures', 'stats-repo');
const TODAY = '2025-06-01';

describe('postmortem stats (command line)', () => {
  const folders = new TemporaryFolders();
  let folder: string;
  before(() => {
    buildCli();
    folder = folders.create({}, { focused: false });
    cpSync(REPO, folder, { recursive: true });
  });
  after(() => folders.removeAll());

  it('prints the documented JSON and names the start time it cannot read', () => {
    const run = runCli(['stats', '--format', 'json', '--today', TODAY, '.'], { cwd: folder });
    assert.equal(run.status, 0, run.stderr);
    const stats = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(stats), ['incidents', 'nearMisses', 'drills', 'bySeverity', 'byService', 'byMonth', 'medians', 'actions', 'recurring', 'related']);
    assert.equal(stats.incidents, 6);
    assert.equal(stats.actions.medianOpenAgeDays, 118);
    assert.match(run.stderr, /inc-6-reindex\.postmortem: started: "yesterday afternoon" cannot be read/);
  });

  it('writes the HTML page with -o, and text for a terminal by default', () => {
    const out = join(folder, 'insights.html');
    const html = runCli(['stats', '--format=html', '--today', TODAY, '-o', out, '.'], { cwd: folder });
    assert.equal(html.status, 0, html.stderr);
    const page = readFileSync(out, 'utf8');
    assert.match(page, /^<!DOCTYPE html>/);
    assert.doesNotMatch(page, /<script/i);
    assert.match(page, /Incidents per month/);
    const text = runCli(['stats', '--today', TODAY, '.'], { cwd: folder });
    assert.match(text.stdout, /^Postmortem stats as of 2025-06-01\n\n6 incidents, 1 near miss, 1 drill\n/);
  });

  it('keeps to --since and --until', () => {
    const run = runCli(['stats', '--format', 'json', '--today', TODAY, '--since', '2025-02-01', '--until', '2025-04-30', '.'], { cwd: folder });
    assert.equal(JSON.parse(run.stdout).incidents, 3);
  });

  it('names a file it cannot read or decode, still prints the figures, and exits 2', () => {
    const mixed = folders.create({ 'bad.postmortem': Buffer.from([0x70, 0xff, 0xfe, 0x0a]) }, { focused: false });
    cpSync(join(REPO, 'inc-4-pool.postmortem'), join(mixed, 'good.postmortem'));
    const run = runCli(['stats', '--format', 'json', '--today', TODAY, '.'], { cwd: mixed });
    assert.equal(run.status, 2);
    assert.equal(JSON.parse(run.stdout).incidents, 1);
    assert.match(run.stderr, /bad\.postmortem: .*UTF-8/);
    assert.match(run.stderr, /1 of 2 files could not be read/);
  });

  it('names a file with syntax errors', () => {
    const broken = folders.create({}, { focused: false });
    writeFileSync(join(broken, 'broken.postmortem'), 'postmortem: Broken\nincident:\n  started: 2025-01-01 10:00 UTC\nThe pricing cache was bypassed by a feature flag\n');
    const run = runCli(['stats', '--today', TODAY, '.'], { cwd: broken });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /broken\.postmortem: \d+ syntax errors?; the figures use what could be parsed/);
  });

  it('exits 2 on bad usage', () => {
    for (const args of [['--format', 'xml'], ['--since', '2025-13-01'], ['--since', '2025-05-01', '--until', '2025-04-01'], ['--bogus']]) {
      const run = runCli(['stats', ...args, '.'], { cwd: folder });
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    }
    assert.match(runCli(['stats', '--help'], { cwd: folder }).stdout, /Usage: postmortem stats/);
  });
});
