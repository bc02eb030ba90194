import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, runCli, TemporaryFolders, parseJsonReport } from './cliHarness';
import { CLEAN, FIXABLE, IMPOSSIBLE_DATE, TODAY, TWO_ZONELESS } from './documents';

/**
 * With hundreds of files, `check`, `actions` and `stats` share them among worker threads
 * (server/src/cli/filePool.ts). Three folders of 300 are each below the threshold and run in one
 * thread; the whole tree of 900 runs in three, as `POSTMORTEM_THREADS` asks, whatever the machine's
 * cores. The output must be the one a single thread gives: every file once, in order.
 */
const PER_FOLDER = 300;
const FOLDERS = ['a', 'b', 'c'];
const VARIANTS = [CLEAN, TWO_ZONELESS, IMPOSSIBLE_DATE, FIXABLE];

function tree(): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {};
  FOLDERS.forEach((folder, f) => {
    for (let i = 0; i < PER_FOLDER; i++) {
      const n = f * PER_FOLDER + i;
      const name = `${folder}/${String(i).padStart(3, '0')}.postmortem`;
      files[name] = VARIANTS[n % VARIANTS.length].replace('id: INC-2025-002', `id: INC-2025-${n}`);
    }
  });
  // One file each thread's share could hold that is not UTF-8: named in order like the rest.
  files['b/150.postmortem'] = Buffer.from([0x70, 0x6d, 0xff, 0x0a]);
  return files;
}

/** The whole tree, in three threads: the debug line says how many ran. */
function runThreaded(args: string[], cwd: string) {
  const run = runCli(args, { cwd, env: { POSTMORTEM_THREADS: '3', POSTMORTEM_DEBUG: '1' } });
  assert.match(run.stderr, /^postmortem: 900 files, 3 threads$/m, 'three threads shared the files');
  return run;
}

describe('postmortem check, actions and stats on many files (worker threads)', function () {
  this.timeout(300_000);
  const folders = new TemporaryFolders();
  let folder: string;
  before(() => {
    buildCli();
    folder = folders.create(tree());
  });
  after(() => folders.removeAll());

  it('check: the same files, diagnostics and order as one thread per folder', () => {
    const whole = runThreaded(['check', '--format', 'json', '--today', TODAY, '.'], folder);
    const parts = FOLDERS.map((name) => runCli(['check', '--format', 'json', '--today', TODAY, name], { cwd: folder }));
    assert.equal(whole.status, 1, whole.stderr);
    const report = parseJsonReport(whole);
    assert.equal(report.files.length, FOLDERS.length * PER_FOLDER);
    assert.deepEqual(report.files, parts.flatMap((run) => parseJsonReport(run).files));
    assert.equal(report.summary.errors, parts.reduce((sum, run) => sum + parseJsonReport(run).summary.errors, 0));
  });

  it('check in one thread reads the files ahead on a thread of its own: the same output, a named pipe named', function () {
    // Named on the command line, since a folder's walk takes regular files only.
    const pipe = join(folder, 'pipe');
    if (spawnSync('mkfifo', [pipe]).status !== 0) this.skip();
    try {
      const whole = runCli(['check', '--format', 'json', '--today', TODAY, '.', 'pipe'], { cwd: folder, env: { POSTMORTEM_THREADS: '1', POSTMORTEM_DEBUG: '1' } });
      assert.match(whole.stderr, /^postmortem: 901 files, 1 thread, read ahead$/m);
      assert.equal(whole.status, 2, 'a file that cannot be read');
      assert.match(whole.stderr, /^postmortem: pipe: is a named pipe, not a regular file$/m);
      const parts = FOLDERS.map((name) => runCli(['check', '--format', 'json', '--today', TODAY, name], { cwd: folder }));
      assert.deepEqual(parseJsonReport(whole).files, parts.flatMap((run) => parseJsonReport(run).files));
    } finally {
      rmSync(pipe, { force: true });
    }
  });

  it('check reads ahead a bounded amount when some files are megabytes long: the same output', () => {
    // Every 14th document carries 1.5 MB of notes, so batches end on their size, not their count.
    const notes = `\nnotes:\n${'  The cache warmed slowly after the failover, as the graphs show.\n'.repeat(24_000)}`;
    const files: Record<string, string> = {};
    for (let i = 0; i < 420; i++) files[`${i < 210 ? 'first' : 'second'}/${String(i).padStart(3, '0')}.postmortem`] = VARIANTS[i % VARIANTS.length] + (i % 14 === 0 ? notes : '');
    const cwd = folders.create(files);
    const whole = runCli(['check', '--format', 'json', '--today', TODAY, '.'], { cwd, env: { POSTMORTEM_THREADS: '1', POSTMORTEM_DEBUG: '1' } });
    assert.match(whole.stderr, /^postmortem: 420 files, 1 thread, read ahead$/m);
    const halves = ['first', 'second'].map((half) => runCli(['check', '--format', 'json', '--today', TODAY, half], { cwd, env: { POSTMORTEM_DEBUG: '1' } }));
    for (const half of halves) assert.match(half.stderr, /^postmortem: 210 files, 1 thread$/m, 'the halves are read one file at a time');
    assert.deepEqual(parseJsonReport(whole).files, halves.flatMap((run) => parseJsonReport(run).files));
  });

  it('actions: every item once, and the file that cannot be read named', () => {
    const whole = runThreaded(['actions', '--format', 'json', '--today', TODAY, '.'], folder);
    const parts = FOLDERS.map((name) => runCli(['actions', '--format', 'json', '--today', TODAY, name], { cwd: folder }));
    assert.equal(whole.status, 2);
    assert.match(whole.stderr, /b\/150\.postmortem: The file is not UTF-8/);
    type Item = { file: string; line: number; id: string; overdue: boolean };
    const items = (run: { stdout: string }) =>
      (JSON.parse(run.stdout).owners as { items: Item[] }[]).flatMap((group) => group.items).map((item) => `${item.file}:${item.line} ${item.id} ${item.overdue}`);
    assert.deepEqual(items(whole).sort(), parts.flatMap(items).sort());
    assert.equal(JSON.parse(whole.stdout).summary.postmortems, FOLDERS.length * PER_FOLDER - 1);
  });

  it('stats: every postmortem counted once', () => {
    const run = runThreaded(['stats', '--format', 'json', '--today', TODAY, '.'], folder);
    assert.equal(run.status, 2);
    const stats = JSON.parse(run.stdout);
    assert.equal(stats.incidents + stats.nearMisses + stats.drills, FOLDERS.length * PER_FOLDER - 1);
  });
});
