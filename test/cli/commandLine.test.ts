import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, CLI, ROOT, runCli, TemporaryFolders } from './cliHarness';
import { CLEAN, IMPOSSIBLE_DATE, TODAY, TWO_ZONELESS } from './documents';

describe('postmortem command line: commands and exit status', () => {
  const folders = new TemporaryFolders();
  before(buildCli);
  after(() => folders.removeAll());

  it('exits 0 when no file has an error', () => {
    const cwd = folders.create({ 'clean.postmortem': CLEAN, 'warned.postmortem': TWO_ZONELESS });
    const run = runCli(['check', '--today', TODAY, 'clean.postmortem', 'warned.postmortem'], { cwd });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /^2 files checked: 0 errors, 2 warnings, 0 information, 0 hints$/m);
  });

  it('exits 1 when a file has an error', () => {
    const cwd = folders.create({ 'clean.postmortem': CLEAN, 'broken.postmortem': IMPOSSIBLE_DATE });
    const run = runCli(['check', '--today', TODAY], { cwd });
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^broken\.postmortem:\d+:\d+ error PM015 /m);
  });

  it('exits 2 with the usage for an unknown command, an unknown option, or no command', () => {
    const cwd = folders.create({ 'clean.postmortem': CLEAN });
    const unknownCommand = runCli(['lint'], { cwd });
    assert.equal(unknownCommand.status, 2);
    assert.match(unknownCommand.stderr, /unknown command "lint"/);
    assert.match(unknownCommand.stderr, /Usage: postmortem COMMAND/);
    const unknownOption = runCli(['check', '--colour', 'clean.postmortem'], { cwd });
    assert.equal(unknownOption.status, 2);
    assert.match(unknownOption.stderr, /unknown option --colour/);
    assert.equal(unknownOption.stdout, '');
    const nothing = runCli([], { cwd });
    assert.equal(nothing.status, 2);
    assert.match(nothing.stderr, /Usage: postmortem COMMAND/);
  });

  it('exits 2 when an option lacks its value or has a wrong one', () => {
    const cwd = folders.create({ 'clean.postmortem': CLEAN });
    for (const args of [['--format'], ['--format', 'xml'], ['--today', '2025-02-30'], ['--today', 'yesterday'], ['--max-warnings', '-1'], ['--max-warnings', 'many'], ['--fix=yes']]) {
      const run = runCli(['check', ...args, 'clean.postmortem'], { cwd });
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /^postmortem: /, args.join(' '));
    }
  });

  it('prints help and the version with status 0', () => {
    const cwd = folders.create();
    const help = runCli(['--help'], { cwd });
    assert.equal(help.status, 0);
    for (const command of ['check', 'render', 'export', 'actions']) assert.match(help.stdout, new RegExp(`^  ${command} `, 'm'));
    const checkHelp = runCli(['check', '-h'], { cwd });
    assert.equal(checkHelp.status, 0);
    assert.match(checkHelp.stdout, /--max-warnings N/);
    const version = runCli(['--version'], { cwd });
    assert.equal(version.status, 0);
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('hands every listed command to its own module', () => {
    const cwd = folders.create();
    for (const command of ['render', 'export', 'actions']) {
      const run = runCli([command, '--help'], { cwd });
      assert.doesNotMatch(run.stderr, /unknown command/, command);
      assert.ok(run.status === 0 || (run.status === 2 && run.stderr.startsWith(`postmortem ${command}: not yet available`)), `${command}: ${run.status} ${run.stderr}`);
    }
  });

  it('checks the current folder recursively when no path is given, skipping node_modules and .git', () => {
    const cwd = folders.create({
      'a.postmortem': CLEAN,
      'incidents/2025/b.postmortem': TWO_ZONELESS,
      'incidents/notes.txt': 'not a postmortem',
      'node_modules/pkg/c.postmortem': IMPOSSIBLE_DATE,
      '.git/d.postmortem': IMPOSSIBLE_DATE,
    });
    const run = runCli(['check', '--today', TODAY, '--format', 'json'], { cwd });
    assert.equal(run.status, 0, run.stderr);
    const paths = (JSON.parse(run.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
    assert.deepEqual(paths, ['a.postmortem', 'incidents/2025/b.postmortem']);
  });

  it('checks a file named on the command line whatever its extension, and each file once', () => {
    const cwd = folders.create({ 'draft.txt': IMPOSSIBLE_DATE, 'a.postmortem': CLEAN });
    const run = runCli(['check', '--today', TODAY, '--format', 'json', 'draft.txt', 'a.postmortem', '.', './a.postmortem'], { cwd });
    const paths = (JSON.parse(run.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
    assert.deepEqual(paths, ['draft.txt', 'a.postmortem']);
    assert.equal(run.status, 1);
  });

  it('keeps its exit status quietly when the reader closes the pipe early', async () => {
    const files = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`f${i}.postmortem`, IMPOSSIBLE_DATE]));
    const cwd = folders.create(files);
    const child = spawn(process.execPath, [CLI, 'check', '--format', 'json', '--today', TODAY], { cwd });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(status, 1);
    assert.equal(stderr, '');
  });
});
