import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, linkSync, openSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, CLI, parseJsonReport, runCli, TemporaryFolders } from './cliHarness';
import { CLEAN, FIXABLE, IMPOSSIBLE_DATE, TODAY } from './documents';

/**
 * The failures an adversarial pass over the command line found (issue 12), one test each. Every
 * run has a time bound, so that a regression fails instead of hanging the suite.
 */
describe('postmortem command line against a hostile repository', () => {
  const folders = new TemporaryFolders();
  before(buildCli);
  after(() => folders.removeAll());

  it('checks a document of 200,000-letter unknown keys in seconds, not a minute (bounded "did you mean")', function () {
    this.timeout(60_000);
    const text = 'postmortem: t\n' + `${'k'.repeat(200_000)}:\n  x\n`.repeat(9);
    const cwd = folders.create({ 'long.postmortem': text }, { focused: false });
    const started = Date.now();
    const run = runCli(['check', '--format', 'json', '--today', TODAY, 'long.postmortem'], { cwd, timeout: 30_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(Date.now() - started < 15_000, `took ${Date.now() - started} ms`);
  });

  it('refuses a .postmortemrc.json that is a link to /dev/zero or a named pipe, promptly', function () {
    if (!existsSync('/dev/zero')) this.skip();
    const zero = folders.create({ 'a.postmortem': CLEAN }, { focused: false });
    symlinkSync('/dev/zero', join(zero, '.postmortemrc.json'));
    const device = runCli(['check', 'a.postmortem'], { cwd: zero, timeout: 10_000 });
    assert.equal(device.status, 2);
    assert.match(device.stderr, /^postmortem: \.postmortemrc\.json: is a device, not a regular file$/m);

    const pipe = folders.create({ 'a.postmortem': CLEAN }, { focused: false });
    const made = spawnSync('mkfifo', [join(pipe, '.postmortemrc.json')]);
    if (made.status !== 0) this.skip();
    for (const command of [['check', 'a.postmortem'], ['render', 'a.postmortem'], ['actions', '.']]) {
      const run = runCli(command, { cwd: pipe, timeout: 10_000 });
      assert.equal(run.status, 2, `${command[0]}: ${run.stderr}`);
      assert.match(run.stderr, /\.postmortemrc\.json: is a named pipe, not a regular file/);
    }
  });

  it('refuses a .postmortemrc.json larger than any configuration', () => {
    const cwd = folders.create({ '.postmortemrc.json': `{"rules": {}, "x": "${'y'.repeat(300 * 1024)}"}`, 'a.postmortem': CLEAN });
    const run = runCli(['check', 'a.postmortem'], { cwd, timeout: 10_000 });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /\.postmortemrc\.json: is \d+ KB, larger than the 256 KB read at most/);
  });

  it('refuses a named pipe given as a document instead of waiting on it, in check, stats and actions', function () {
    const cwd = folders.create({});
    if (spawnSync('mkfifo', [join(cwd, 'pipe.postmortem')]).status !== 0) this.skip();
    for (const command of ['check', 'stats', 'actions']) {
      const run = runCli([command, 'pipe.postmortem'], { cwd, timeout: 10_000 });
      assert.equal(run.status, 2, `${command}: ${run.stderr}`);
      assert.match(run.stderr, /pipe\.postmortem: is a named pipe, not a regular file/, command);
    }
  });

  it('escapes control characters from documents and file names, one record per line', () => {
    const title = 'postmortem: Outage \u001b]0;owned\u0007 \u001b[2J\u202e';
    const evil = 'evil\nREADME.md:1:1 error PM001 forged.postmortem';
    const cwd = folders.create({ [evil]: IMPOSSIBLE_DATE.replace(/^postmortem: .*$/m, title) });
    const run = runCli(['check', '--today', TODAY, '.'], { cwd, timeout: 20_000 });
    assert.equal(run.status, 1, run.stderr);
    assert.doesNotMatch(run.stdout + run.stderr, /[\u0000-\u0009\u000b-\u001f\u007f\u202e]/, 'no raw control character reaches the terminal');
    assert.ok(!run.stdout.split('\n').some((line) => line.startsWith('README.md')), 'no forged record');
    const records = run.stdout.trim().split('\n').slice(0, -1);
    assert.ok(records.length > 0 && records.every((line) => line.startsWith('evil\\nREADME.md:1:1 error PM001 forged.postmortem:')), run.stdout);

    const actions = runCli(['actions', '--today', TODAY, '.'], { cwd, timeout: 20_000 });
    assert.equal(actions.status, 0, actions.stderr);
    assert.doesNotMatch(actions.stdout, /[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
    assert.match(actions.stdout, /Outage \\e\]0;owned\\x07 \\e\[2J\\u202e/);
  });

  it('does not follow folder links out of the folder given, and says so in the usage', () => {
    const outside = folders.create({ 'secret.postmortem': IMPOSSIBLE_DATE });
    const cwd = folders.create({ 'tree/a.postmortem': CLEAN, 'tree/inner/b.postmortem': CLEAN });
    symlinkSync('/', join(cwd, 'tree', 'root'));
    symlinkSync(outside, join(cwd, 'tree', 'elsewhere'));
    symlinkSync(join(outside, 'secret.postmortem'), join(cwd, 'tree', 'linked.postmortem'));
    symlinkSync(join(cwd, 'tree', 'inner'), join(cwd, 'tree', 'again'));
    const run = runCli(['check', '--format', 'json', '--today', TODAY, 'tree'], { cwd, timeout: 20_000 });
    assert.equal(run.status, 0, run.stderr);
    // The link to a folder inside is followed (b is found once, by whichever name comes first).
    assert.deepEqual(parseJsonReport(run).files.map((f) => f.path.replace('/again/', '/inner/')).sort(), ['tree/a.postmortem', 'tree/inner/b.postmortem']);
    assert.match(runCli(['check', '--help'], { cwd }).stdout, /symbolic links are followed only when\s+they stay inside the folder/);
  });

  it('--fix leaves a read-only file alone and says why', () => {
    const cwd = folders.create({ 'a.postmortem': FIXABLE });
    const file = join(cwd, 'a.postmortem');
    chmodSync(file, 0o444);
    const run = runCli(['check', '--fix', '--today', TODAY, 'a.postmortem'], { cwd, timeout: 20_000 });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^postmortem: a\.postmortem: is read-only; the fixes were not written$/m);
    assert.equal(readFileSync(file, 'utf8'), FIXABLE);
    assert.equal(statSync(file).mode & 0o7777, 0o444);
  });

  it('--fix keeps set-user-ID, set-group-ID and sticky bits', function () {
    const cwd = folders.create({ 'a.postmortem': FIXABLE });
    const file = join(cwd, 'a.postmortem');
    chmodSync(file, 0o6754);
    if ((statSync(file).mode & 0o7777) !== 0o6754) this.skip(); // the file system does not keep them
    const run = runCli(['check', '--fix', '--today', TODAY, 'a.postmortem'], { cwd, timeout: 20_000 });
    assert.notEqual(readFileSync(file, 'utf8'), FIXABLE, run.stderr);
    assert.equal((statSync(file).mode & 0o7777).toString(8), '6754');
  });

  it('--fix keeps CR-only line breaks: no LF is inserted', () => {
    const text = FIXABLE.replace(/\n/g, '\r');
    const cwd = folders.create({ 'a.postmortem': text });
    runCli(['check', '--fix', '--today', TODAY, 'a.postmortem'], { cwd, timeout: 20_000 });
    const fixed = readFileSync(join(cwd, 'a.postmortem'), 'utf8');
    assert.notEqual(fixed, text, 'the fixes were applied');
    assert.ok(!fixed.includes('\n'), 'no LF in a CR-only file');
  });

  it('exits 2 with a message when the output cannot be written (> /dev/full)', function () {
    if (!existsSync('/dev/full')) this.skip();
    const cwd = folders.create({ 'a.postmortem': IMPOSSIBLE_DATE });
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [CLI, 'check', '--today', TODAY, 'a.postmortem'], { cwd, stdio: ['ignore', full, 'pipe'], encoding: 'utf8', timeout: 20_000 });
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /^postmortem: cannot write the output \(ENOSPC\)$/m);
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    } finally {
      closeSync(full);
    }
  });

  it('refuses export and render -o naming the input, by any name', () => {
    const cwd = folders.create({ 'a.postmortem': CLEAN });
    linkSync(join(cwd, 'a.postmortem'), join(cwd, 'hard.postmortem'));
    symlinkSync(join(cwd, 'a.postmortem'), join(cwd, 'soft.md'));
    for (const args of [['export', 'a.postmortem', '-o', 'a.postmortem'], ['export', 'a.postmortem', '-o', './a.postmortem'], ['render', 'a.postmortem', '-o', 'hard.postmortem'], ['export', '--format', 'html', 'a.postmortem', '--output=soft.md']]) {
      const run = runCli(args, { cwd, timeout: 20_000 });
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /is the input file; choose another output file/);
    }
    assert.equal(readFileSync(join(cwd, 'a.postmortem'), 'utf8'), CLEAN);
  });

  it("treats check '' and actions '' as usage errors, not as the current folder", () => {
    const cwd = folders.create({ 'a.postmortem': CLEAN });
    for (const command of ['check', 'actions']) {
      const run = runCli([command, ''], { cwd, timeout: 20_000 });
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /an empty PATH names no file or folder/);
    }
  });
});
