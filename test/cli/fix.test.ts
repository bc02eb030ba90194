import { strict as assert } from 'node:assert';
import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/core/analysis/analyze';
import { applyEdits } from '../../server/src/core/analysis/edits';
import { resolveConfig } from '../../server/src/core/analysis/config';
import { buildCli, focusedConfig, runCli, TemporaryFolders } from './cliHarness';
import { CLEAN, FIXABLE, TODAY, toCrlf } from './documents';

/** The text `--fix` should produce: every fix of the document's diagnostics, applied once. */
function expectedFix(text: string): string {
  const config = resolveConfig(JSON.parse(focusedConfig()) as object);
  const analysis = analyze(text, { config, today: TODAY });
  const edits = analysis.diagnostics.flatMap((d) => d.data?.fix?.edits ?? []);
  assert.ok(edits.length >= 3, 'the test document must have fixes to apply');
  return applyEdits(analysis.lines, edits);
}

/** Line numbers (0-based) at which two texts differ, for texts with the same number of lines. */
function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(a.length, b.length, 'fixes that change no line breaks keep the line count');
  return a.flatMap((line, i) => (line === b[i] ? [] : [i]));
}

describe('postmortem check --fix', () => {
  const folders = new TemporaryFolders();
  before(buildCli);
  after(() => folders.removeAll());

  it('writes exactly what applying the fixes gives, then reports what remains', () => {
    const cwd = folders.create({ 'a.postmortem': FIXABLE });
    const run = runCli(['check', '--fix', '--today', TODAY, '--format', 'json', 'a.postmortem'], { cwd });
    const fixed = readFileSync(join(cwd, 'a.postmortem'), 'utf8');
    assert.equal(fixed, expectedFix(FIXABLE));
    assert.equal(run.status, 0);
    assert.match(run.stderr, /fixed 3 problems in 1 file/);
    assert.deepEqual((JSON.parse(run.stdout) as { files: { diagnostics: unknown[] }[] }).files[0].diagnostics, []);
  });

  it('changes no text outside the fixes', () => {
    const cwd = folders.create({ 'a.postmortem': FIXABLE });
    runCli(['check', '--fix', '--today', TODAY, 'a.postmortem'], { cwd });
    const fixed = readFileSync(join(cwd, 'a.postmortem'), 'utf8');
    const fixedLines = fixed.split('\n');
    const changed = changedLines(FIXABLE, fixed);
    assert.deepEqual(changed.map((i) => fixedLines[i].slice(0, 12)), ['  14:35 UTC ', '  14:40 UTC ', '  14:46 UTC ']);
    for (const i of changed) {
      const original = FIXABLE.split('\n')[i];
      const text = original.slice(original.indexOf('  ', 2));
      assert.ok(fixedLines[i].endsWith(text), `the event text on line ${i + 1} is kept`);
    }
  });

  it('is idempotent: a second --fix changes nothing', () => {
    const cwd = folders.create({ 'a.postmortem': FIXABLE });
    runCli(['check', '--fix', '--today', TODAY, 'a.postmortem'], { cwd });
    const once = readFileSync(join(cwd, 'a.postmortem'));
    const modified = statSync(join(cwd, 'a.postmortem')).mtimeMs;
    const second = runCli(['check', '--fix', '--today', TODAY, 'a.postmortem'], { cwd });
    assert.match(second.stderr, /fixed 0 problems in 0 files/);
    assert.deepEqual(readFileSync(join(cwd, 'a.postmortem')), once);
    assert.equal(statSync(join(cwd, 'a.postmortem')).mtimeMs, modified, 'an unchanged file is not rewritten');
  });

  it('keeps CRLF line ends and a byte order mark', () => {
    const cwd = folders.create({ 'a.postmortem': '\ufeff' + toCrlf(FIXABLE) });
    const run = runCli(['check', '--fix', '--today', TODAY, 'a.postmortem'], { cwd });
    assert.equal(run.status, 0, run.stdout);
    const bytes = readFileSync(join(cwd, 'a.postmortem'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    assert.doesNotMatch(text, /[^\r]\n/, 'every line break stays CRLF');
    assert.equal(text, toCrlf(expectedFix(FIXABLE)));
  });

  it('keeps the file mode and leaves no temporary file behind', () => {
    const cwd = folders.create({ 'a.postmortem': FIXABLE });
    chmodSync(join(cwd, 'a.postmortem'), 0o640);
    runCli(['check', '--fix', '--today', TODAY, 'a.postmortem'], { cwd });
    assert.equal(statSync(join(cwd, 'a.postmortem')).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(cwd).sort(), ['.postmortemrc.json', 'a.postmortem']);
  });

  it('leaves a file without fixes untouched', () => {
    const cwd = folders.create({ 'clean.postmortem': CLEAN });
    const modified = statSync(join(cwd, 'clean.postmortem')).mtimeMs;
    const run = runCli(['check', '--fix', '--today', TODAY, '.'], { cwd });
    assert.equal(run.status, 0);
    assert.equal(readFileSync(join(cwd, 'clean.postmortem'), 'utf8'), CLEAN);
    assert.equal(statSync(join(cwd, 'clean.postmortem')).mtimeMs, modified);
  });
});
