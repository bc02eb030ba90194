import { strict as assert } from 'node:assert';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './cliHarness';
import { CLEAN, IMPOSSIBLE_DATE, TODAY, TWO_ZONELESS } from './documents';

/**
 * The ways teams run the checks outside VS Code, each run the way that integration runs it: the
 * npm package packed and installed into a fresh folder, the GitHub Action's check step, the
 * GitLab job from the README, the pre-commit hooks, and the problem matcher for VS Code tasks.
 */
describe('integrations: the npm package, GitHub Actions, GitLab CI, pre-commit, VS Code tasks', function () {
  this.timeout(240_000);
  const folders: string[] = [];
  let bin: string;

  const folder = (files: Record<string, string> = {}) => {
    const path = mkdtempSync(join(tmpdir(), 'postmortem-integration-'));
    folders.push(path);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(path, name, '..'), { recursive: true });
      writeFileSync(join(path, name), text);
    }
    return path;
  };
  /** A shell with the installed package's commands first on PATH, as after `npm install --global`. */
  const shell = (script: string, cwd: string, env: NodeJS.ProcessEnv = {}) =>
    spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ...env } });

  before(() => {
    const packed = folder();
    const tarball = execFileSync(process.execPath, [join(ROOT, 'scripts', 'pack-cli.mjs'), '--destination', packed], { cwd: ROOT, encoding: 'utf8' }).trim();
    const fresh = folder({ 'package.json': '{ "name": "fresh", "private": true }\n' });
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', tarball], { cwd: fresh, encoding: 'utf8' });
    bin = join(fresh, 'node_modules', '.bin');
  });
  after(() => folders.forEach((path) => rmSync(path, { recursive: true, force: true })));

  describe('the npm package', () => {
    it('installs the postmortem command from its tarball, with no dependencies', () => {
      const cwd = folder({ 'ok.postmortem': CLEAN, 'bad.postmortem': IMPOSSIBLE_DATE });
      assert.equal(shell('postmortem --version', cwd).stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
      assert.equal(shell(`postmortem check --today ${TODAY} ok.postmortem`, cwd).status, 0);
      const bad = shell(`postmortem check --today ${TODAY} bad.postmortem`, cwd);
      assert.equal(bad.status, 1);
      assert.match(bad.stdout, /^bad\.postmortem:\d+:\d+ error PM015 /m);
      assert.ok(!existsSync(join(bin, '..', '@postmortem-tools', 'cli', 'node_modules')), 'the package brought dependencies');
    });

    it('ships the threads of check: its workers and the thread that reads ahead', () => {
      const files = Object.fromEntries(Array.from({ length: 800 }, (_, i) => [`p${i}.postmortem`, CLEAN]));
      const cwd = folder(files);
      const run = shell(`postmortem check --today ${TODAY} .`, cwd, { POSTMORTEM_THREADS: '2', POSTMORTEM_DEBUG: '1' });
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stderr, /^postmortem: 800 files, 2 threads, read ahead$/m);
      assert.match(run.stdout, /^800 files checked: 0 errors/m);
    });

    it('installs postmortem-language-server, which answers initialize over standard input and output', async () => {
      const server = spawn(join(bin, 'postmortem-language-server'), [], { stdio: ['pipe', 'pipe', 'inherit'] });
      try {
        const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
        server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        const reply = await new Promise<string>((resolve, reject) => {
          let received = '';
          server.stdout.on('data', (chunk: Buffer) => {
            received += chunk.toString('utf8');
            if (/"id":1/.test(received) && /\}\s*$/.test(received)) resolve(received);
          });
          server.once('exit', (code) => reject(new Error(`the server exited (${code}) before answering: ${received}`)));
        });
        assert.match(reply, /"name":"postmortem-language-server"/);
        assert.match(reply, /"hoverProvider":true/);
      } finally {
        server.kill();
      }
    });
  });

  describe('the GitHub Action', () => {
    it('runs scripts/action/check.sh from its check step with the inputs as environment', () => {
      const action = readFileSync(join(ROOT, 'action.yml'), 'utf8');
      assert.match(action, /using: composite/);
      assert.match(action, /run: bash "\$GITHUB_ACTION_PATH\/scripts\/action\/check\.sh"/);
      for (const name of ['POSTMORTEM_PATHS', 'POSTMORTEM_MAX_WARNINGS', 'POSTMORTEM_BASE_SHA']) assert.match(action, new RegExp(`${name}: \\$\\{\\{`));
      assert.match(action, /uses: github\/codeql-action\/upload-sarif@v3\n\s+with:\n\s+sarif_file: \$\{\{ steps\.check\.outputs\.sarif-file \}\}/);
    });

    it('writes SARIF, annotates only the lines a pull request changed, and hands back the exit status', () => {
      const cwd = folder({ 'incidents/a.postmortem': TWO_ZONELESS, 'incidents/b.postmortem': CLEAN, '.postmortemrc.json': JSON.stringify({ today: TODAY }) });
      const git = (...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
      git('init', '-q');
      git('add', '.');
      git('commit', '-qm', 'base');
      const base = git('rev-parse', 'HEAD').trim();
      // The pull request breaks one date in b; a's two findings were there before it.
      writeFileSync(join(cwd, 'incidents/b.postmortem'), IMPOSSIBLE_DATE);
      git('commit', '-qam', 'change');
      const output = join(cwd, 'github-output');
      const run = shell(`bash ${join(ROOT, 'scripts', 'action', 'check.sh')}`, cwd, {
        POSTMORTEM_PATHS: 'incidents', POSTMORTEM_MAX_WARNINGS: '', POSTMORTEM_BASE_SHA: base, GITHUB_OUTPUT: output, RUNNER_TEMP: cwd,
      });
      assert.equal(run.status, 0, run.stderr);
      const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::'));
      assert.equal(annotations.length, 1, run.stdout);
      assert.match(annotations[0], /^::error file=incidents\/b\.postmortem,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=PM015::/);
      assert.match(run.stdout, /^incidents\/a\.postmortem:\d+:\d+ warning PM010 /m);
      const outputs = readFileSync(output, 'utf8');
      assert.match(outputs, /^status=1$/m);
      const sarif = JSON.parse(readFileSync(join(cwd, 'postmortem.sarif'), 'utf8'));
      assert.deepEqual(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId).sort(), ['PM010', 'PM010', 'PM015']);
      // Without a base commit (a push), every finding is annotated.
      const push = shell(`bash ${join(ROOT, 'scripts', 'action', 'check.sh')}`, cwd, { POSTMORTEM_PATHS: 'incidents', GITHUB_OUTPUT: output, RUNNER_TEMP: cwd });
      assert.equal(push.stdout.split('\n').filter((line) => line.startsWith('::')).length, 3);
    });
  });

  it('GitLab CI: the README job writes a code quality report and fails on errors', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const job = /### GitLab CI\n+```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(job, 'the README has the GitLab job');
    const lines = [...job.matchAll(/^ {4}- (.+)$/gm)].map((m) => m[1]).filter((line) => !line.startsWith('npm install'));
    assert.deepEqual(lines.map((l) => l.split(' ').slice(0, 2).join(' ')), ['postmortem check', 'postmortem check']);
    const cwd = folder({ 'incidents/a.postmortem': TWO_ZONELESS, 'incidents/b.postmortem': IMPOSSIBLE_DATE, '.postmortemrc.json': JSON.stringify({ today: TODAY }) });
    // GitLab runs the script's lines in one shell that stops at the first failing line.
    const run = shell(['set -e', ...lines].join('\n'), cwd);
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(readFileSync(join(cwd, 'gl-code-quality-report.json'), 'utf8')) as Record<string, any>[];
    assert.deepEqual(report.map((issue) => [issue.check_name, issue.severity, issue.location.path]).sort(), [
      ['PM010', 'major', 'incidents/a.postmortem'], ['PM010', 'major', 'incidents/a.postmortem'], ['PM015', 'critical', 'incidents/b.postmortem'],
    ]);
    for (const issue of report) {
      assert.equal(typeof issue.description, 'string');
      assert.match(issue.fingerprint, /^[0-9a-f]{32}$/);
      assert.ok(Number.isInteger(issue.location.lines.begin) && issue.location.lines.begin >= 1);
    }
    assert.equal(new Set(report.map((issue) => issue.fingerprint)).size, report.length, 'fingerprints are unique');
  });

  it('pre-commit: each hook runs its entry on the staged .postmortem files', () => {
    const hooks = readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
    const entries = [...hooks.matchAll(/^- id: (\S+)[\s\S]*?^ {2}entry: (.+)$[\s\S]*?^ {2}files: (.+)$/gm)].map((m) => ({ id: m[1], entry: m[2], files: new RegExp(m[3]) }));
    assert.deepEqual(entries.map((e) => e.id), ['postmortem-check', 'postmortem-fix']);
    const staged = ['a.postmortem', 'b.postmortem', 'notes.md'];
    const cwd = folder({ 'a.postmortem': TWO_ZONELESS, 'b.postmortem': CLEAN, 'notes.md': '# not a postmortem\n', '.postmortemrc.json': JSON.stringify({ today: TODAY }) });
    // pre-commit passes the staged files its `files` pattern matches after the entry.
    const run = (entry: (typeof entries)[number]) => shell(`${entry.entry} ${staged.filter((f) => entry.files.test(f)).join(' ')}`, cwd);
    const check = run(entries[0]);
    assert.equal(check.status, 0, 'warnings do not fail the check');
    assert.match(check.stdout, /^2 files checked: 0 errors, 2 warnings/m);
    const fix = run(entries[1]);
    assert.equal(fix.status, 0);
    assert.match(readFileSync(join(cwd, 'a.postmortem'), 'utf8'), /14:30 UTC {2}Connection/);
    writeFileSync(join(cwd, 'b.postmortem'), IMPOSSIBLE_DATE);
    assert.equal(run(entries[0]).status, 1, 'an error fails the commit');
  });

  it('VS Code tasks: the contributed problem matcher reads every line of the text report', () => {
    const matcher = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).contributes.problemMatchers[0];
    assert.equal(matcher.name, 'postmortem');
    const pattern = new RegExp(matcher.pattern.regexp);
    const cwd = folder({ 'a b/one.postmortem': TWO_ZONELESS, 'two.postmortem': IMPOSSIBLE_DATE, '.postmortemrc.json': JSON.stringify({ today: TODAY }) });
    const text = shell('postmortem check', cwd).stdout.split('\n');
    const json = JSON.parse(shell('postmortem check --format json', cwd).stdout) as { files: { path: string; diagnostics: { code: string; severity: string; message: string; range: { start: { line: number; character: number } } }[] }[] };
    // VS Code reads error, warning and info; any other word (information, hint) gets the matcher's severity.
    const vscodeSeverity = (word: string) => (['error', 'warning', 'info'].includes(word) ? word : word === 'hint' ? 'info' : matcher.severity);
    const matched = text.map((line) => pattern.exec(line)).filter((m): m is RegExpExecArray => !!m).map((m) => ({
      file: m[matcher.pattern.file], line: Number(m[matcher.pattern.line]), column: Number(m[matcher.pattern.column]),
      severity: vscodeSeverity(m[matcher.pattern.severity]), code: m[matcher.pattern.code], message: m[matcher.pattern.message],
    }));
    const expected = json.files.flatMap((file) => file.diagnostics.map((d) => ({
      file: file.path, line: d.range.start.line + 1, column: d.range.start.character + 1,
      severity: vscodeSeverity(d.severity), code: d.code, message: d.message,
    })));
    assert.equal(expected.length, 3);
    assert.deepEqual(matched, expected);
  });
});
