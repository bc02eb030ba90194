import { strict as assert } from 'node:assert';
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, focusedConfig, parseJsonReport, runCli, TemporaryFolders, type JsonReport } from './cliHarness';
import { CLEAN, FIXABLE, IMPOSSIBLE_DATE, TODAY, toCrlf } from './documents';

/** A random generator with a fixed seed, so the "random bytes" are the same on every run. */
function seededBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

function codesAndLines(report: JsonReport): string[] {
  return report.files[0].diagnostics.map((d) => `${d.code}@${d.range.start.line}`);
}

describe('postmortem check on bad input', () => {
  const folders = new TemporaryFolders();
  before(buildCli);
  after(() => folders.removeAll());

  it('reports an empty file with clean diagnostics', () => {
    const cwd = folders.create({ '.postmortemrc.json': focusedConfig({}, ['PM001', 'PM002']), 'empty.postmortem': '' });
    const run = runCli(['check', '--format', 'json', 'empty.postmortem'], { cwd });
    assert.equal(run.status, 0);
    const report = parseJsonReport(run);
    assert.ok(report.files[0].diagnostics.length > 0);
    assert.ok(report.files[0].diagnostics.every((d) => d.code === 'PM002' && d.range.start.line === 0));
  });

  it('reports a file of random bytes as not UTF-8, at the first bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('postmortem: x\nsummary:\n  caf'), Buffer.from([0xe9]), seededBytes(4096, 7)]);
    const cwd = folders.create({ 'random.postmortem': bytes, 'utf16.postmortem': Buffer.from('\ufeffpostmortem: x\n', 'utf16le') });
    const run = runCli(['check', '--format', 'json', '--fix', 'random.postmortem', 'utf16.postmortem'], { cwd });
    assert.equal(run.status, 1);
    const [random, utf16] = parseJsonReport(run).files;
    assert.equal(random.diagnostics.length, 1);
    assert.equal(random.diagnostics[0].code, 'PM001');
    assert.match(random.diagnostics[0].message, /not UTF-8 .*0xE9/);
    assert.deepEqual(random.diagnostics[0].range.start, { line: 2, character: 5 });
    assert.match(utf16.diagnostics[0].message, /UTF-16/);
  });

  it('checks a 10 MB file without hanging', function () {
    this.timeout(120_000);
    const event = '  14:30 UTC  Connection pool reaches 100% utilization on payment-service replica\n';
    const timeline = event.repeat(Math.ceil((10 * 1024 * 1024) / event.length));
    const cwd = folders.create({ 'big.postmortem': CLEAN.replace('timeline:\n', `timeline:\n  2025-02-14 14:30 UTC  Start\n${timeline}`) });
    const run = runCli(['check', '--format', 'json', '--today', TODAY, 'big.postmortem'], { cwd, timeout: 110_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(parseJsonReport(run).summary.files, 1);
  });

  it('gives the same findings for LF, CRLF, a byte order mark and tabs', () => {
    const tabs = IMPOSSIBLE_DATE.replace(/^ {4}/gm, '\t\t').replace(/^ {2}/gm, '\t');
    const cwd = folders.create({
      'lf.postmortem': IMPOSSIBLE_DATE,
      'crlf.postmortem': toCrlf(IMPOSSIBLE_DATE),
      'bom.postmortem': '\ufeff' + IMPOSSIBLE_DATE,
      'tabs.postmortem': tabs,
    });
    const reportOf = (name: string) => {
      const run = runCli(['check', '--format', 'json', '--today', TODAY, name], { cwd });
      assert.equal(run.status, 1, `${name}: ${run.stderr}`);
      return codesAndLines(parseJsonReport(run));
    };
    const expected = reportOf('lf.postmortem');
    assert.deepEqual(expected, ['PM015@66']);
    for (const name of ['crlf.postmortem', 'bom.postmortem', 'tabs.postmortem']) assert.deepEqual(reportOf(name), expected, name);
  });

  it('gives positions after the byte order mark', () => {
    const cwd = folders.create({ 'bom.postmortem': '\ufeff' + FIXABLE });
    const run = runCli(['check', '--format', 'json', '--today', TODAY, 'bom.postmortem'], { cwd });
    const first = parseJsonReport(run).files[0].diagnostics[0];
    assert.equal(FIXABLE.split('\n')[first.range.start.line].slice(first.range.start.character, first.range.end.character), '14:35');
  });

  it('exits 2 and names a missing path', () => {
    const cwd = folders.create({ 'a.postmortem': CLEAN });
    const run = runCli(['check', 'a.postmortem', 'incidnets/'], { cwd });
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^postmortem: incidnets\/: no such file or folder$/m);
  });

  it('exits 2 when a file cannot be read', function () {
    if (!existsSync('/proc/self/mem')) this.skip();
    // /proc/self/mem fails to read (EIO) even for root, which CI runs as.
    const cwd = folders.create({ 'a.postmortem': CLEAN });
    const run = runCli(['check', '--today', TODAY, 'a.postmortem', '/proc/self/mem'], { cwd });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^postmortem: \/proc\/self\/mem: cannot be read \(EIO\)$/m);
    assert.match(run.stdout, /1 file checked/);
  });

  it('exits 2 when a file\'s permissions forbid reading it (skipped as root, who may read anything)', function () {
    if (process.getuid?.() === 0) this.skip();
    const cwd = folders.create({ 'secret.postmortem': CLEAN });
    chmodSync(join(cwd, 'secret.postmortem'), 0o000);
    const run = runCli(['check', 'secret.postmortem'], { cwd });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /secret\.postmortem: cannot be read \(EACCES\)/);
  });

  it('exits 2 for a folder with no postmortems, so a mistyped folder never passes', () => {
    const cwd = folders.create({ 'docs/readme.md': '# nothing here' });
    mkdirSync(join(cwd, 'empty'));
    for (const folder of ['docs', 'empty']) {
      const run = runCli(['check', folder], { cwd });
      assert.equal(run.status, 2);
      assert.match(run.stderr, new RegExp(`^postmortem: no \\.postmortem files found under ${folder}$`, 'm'));
    }
  });

  it('exits 2 for a configuration file with a JSON syntax error, naming the file, line and column', () => {
    const cwd = folders.create({ '.postmortemrc.json': '{\n  "rules": {\n    "PM034": "off",\n  }\n}\n', 'a.postmortem': CLEAN });
    const run = runCli(['check', 'a.postmortem'], { cwd });
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^postmortem: \.postmortemrc\.json: invalid JSON: .* at line 4, column 3$/m);
  });

  it('exits 2 for a configuration with unknown settings, listing every problem', () => {
    const cwd = folders.create({ '.postmortemrc.json': JSON.stringify({ rules: { PM999: 'off', PM010: 'loud' }, requiredWhys: 0 }), 'a.postmortem': CLEAN });
    const run = runCli(['check', 'a.postmortem'], { cwd });
    assert.equal(run.status, 2);
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 3, run.stderr);
    assert.ok(lines.every((line) => line.startsWith('postmortem: .postmortemrc.json: ')), run.stderr);
  });

  it('exits 2 for a --config file that does not exist or is a folder', () => {
    const cwd = folders.create({ 'a.postmortem': CLEAN });
    mkdirSync(join(cwd, 'conf'));
    const missing = runCli(['check', '--config', 'nope.json', 'a.postmortem'], { cwd });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.json: cannot be read \(ENOENT\)/);
    const folder = runCli(['check', '--config', 'conf', 'a.postmortem'], { cwd });
    assert.equal(folder.status, 2);
    assert.match(folder.stderr, /conf: is a folder/);
  });

  it('does not follow a symbolic link loop for ever', () => {
    const cwd = folders.create({ 'incidents/a.postmortem': CLEAN });
    writeFileSync(join(cwd, 'incidents', 'b.postmortem'), CLEAN);
    // A link from inside the tree back to its top.
    symlinkSync(join(cwd, 'incidents'), join(cwd, 'incidents', 'loop'));
    const run = runCli(['check', '--today', TODAY, '--format', 'json', 'incidents'], { cwd });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(parseJsonReport(run).summary.files, 2);
  });
});
