import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, ROOT, runCli, TemporaryFolders } from './cliHarness';

const CORPUS = join(ROOT, 'test', 'import', 'corpus');

describe('postmortem import', () => {
  const folders = new TemporaryFolders();
  before(buildCli);
  after(() => folders.removeAll());

  it('writes the .postmortem file and prints what check finds in it', () => {
    const cwd = folders.create({ 'outage.md': readFileSync(join(CORPUS, 'classic-template.md'), 'utf8') }, { focused: false });
    const run = runCli(['import', 'outage.md', '-o', 'outage.postmortem', '--today', '2026-06-01'], { cwd });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    const written = readFileSync(join(cwd, 'outage.postmortem'), 'utf8');
    assert.match(written, /^postmortem: Checkout outage after a connection pool change\n/);
    assert.match(run.stderr, /^outage\.postmortem:\d+:\d+ warning PM036 A1 was due on 2026-04-15/m);
    assert.match(run.stderr, /^1 file checked: 0 errors, 2 warnings, 6 information, 0 hints$/m);
    const check = runCli(['check', '--today', '2026-06-01', 'outage.postmortem'], { cwd });
    assert.match(check.stdout, /^1 file checked: 0 errors, 2 warnings, 6 information, 0 hints$/m);
  });

  it('writes to standard output without -o, reading standard input for -', () => {
    const cwd = folders.create({}, { focused: false });
    const run = runCli(['import', '-'], { cwd, input: '# Disk full\n\n## Summary\n\nThe log volume filled up.\n' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, 'postmortem: Disk full\n\nsummary:\n  The log volume filled up.\n');
    assert.match(run.stderr, /^<stdin> \(imported\):1:1 warning PM002 /m);
  });

  it('reads back what export --format md wrote', () => {
    const cwd = folders.create({ 'dns.postmortem': readFileSync(join(ROOT, 'examples', 'dns-resolver-saturation.postmortem'), 'utf8') }, { focused: false });
    assert.equal(runCli(['export', '--format', 'md', 'dns.postmortem', '-o', 'dns.md'], { cwd }).status, 0);
    const run = runCli(['import', 'dns.md', '-o', 'back.postmortem', '--today', '2026-11-29'], { cwd });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(runCli(['check', '--today', '2026-11-29', 'back.postmortem'], { cwd }).stdout, runCli(['check', '--today', '2026-11-29', 'dns.postmortem'], { cwd }).stdout.replace('dns.postmortem', 'back.postmortem'));
  });

  it('refuses Markdown with no postmortem section: exit 2, a clear message, nothing written', () => {
    const cwd = folders.create({ 'readme.md': '# My project\n\nInstall it with npm.\n\n## Usage\n\nRun it.\n' }, { focused: false });
    const run = runCli(['import', 'readme.md', '-o', 'readme.postmortem'], { cwd });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /readme\.md: not imported: no section of a postmortem found/);
    assert.throws(() => readFileSync(join(cwd, 'readme.postmortem')));
  });

  it('exits 2 for a missing file, no file, or two files', () => {
    const cwd = folders.create({}, { focused: false });
    assert.match(runCli(['import', 'nope.md'], { cwd }).stderr, /nope\.md: no such file/);
    assert.equal(runCli(['import'], { cwd }).status, 2);
    assert.equal(runCli(['import', 'a.md', 'b.md'], { cwd }).status, 2);
  });
});
