import { strict as assert } from 'node:assert';
import { buildCli, focusedConfig, parseJsonReport, runCli, TemporaryFolders } from './cliHarness';
import { CLEAN, TODAY, TWO_ZONELESS } from './documents';

/** CLEAN's A1 is due 2025-03-15 and in progress: overdue (PM036) from 2025-03-16 on. */
const BEFORE_DUE = '2025-03-10';
const AFTER_DUE = '2025-04-01';

describe('postmortem check options', () => {
  const folders = new TemporaryFolders();
  before(buildCli);
  after(() => folders.removeAll());

  describe('--max-warnings', () => {
    it('fails only when the warnings outnumber N', () => {
      const cwd = folders.create({ 'a.postmortem': TWO_ZONELESS });
      assert.equal(runCli(['check', '--today', TODAY, '--max-warnings', '2', 'a.postmortem'], { cwd }).status, 0);
      assert.equal(runCli(['check', '--today', TODAY, '--max-warnings=2', 'a.postmortem'], { cwd }).status, 0);
      const over = runCli(['check', '--today', TODAY, '--max-warnings', '1', 'a.postmortem'], { cwd });
      assert.equal(over.status, 1);
      assert.match(over.stderr, /2 warnings, more than --max-warnings 1/);
      assert.equal(runCli(['check', '--today', TODAY, '--max-warnings', '0', 'a.postmortem'], { cwd }).status, 1);
      assert.equal(runCli(['check', '--today', TODAY, 'a.postmortem'], { cwd }).status, 0, 'without the option warnings never fail');
    });
  });

  describe('--today', () => {
    const overdue = (cwd: string, args: string[]) =>
      parseJsonReport(runCli(['check', '--format', 'json', ...args, 'a.postmortem'], { cwd })).files[0].diagnostics.filter((d) => d.code === 'PM036').length;

    it('sets the date overdue actions count from', () => {
      const cwd = folders.create({ 'a.postmortem': CLEAN });
      assert.equal(overdue(cwd, ['--today', BEFORE_DUE]), 0);
      assert.equal(overdue(cwd, ['--today', AFTER_DUE]), 1);
    });

    it('overrides the configuration\'s today', () => {
      const cwd = folders.create({ '.postmortemrc.json': focusedConfig({ today: AFTER_DUE }), 'a.postmortem': CLEAN });
      assert.equal(overdue(cwd, []), 1, 'the configuration sets today');
      assert.equal(overdue(cwd, ['--today', BEFORE_DUE]), 0, 'the option wins');
    });
  });

  describe('configuration', () => {
    const codes = (cwd: string, args: string[], path = 'a.postmortem') =>
      parseJsonReport(runCli(['check', '--format', 'json', '--today', TODAY, ...args, path], { cwd })).files.map((f) => f.diagnostics.map((d) => `${d.code}:${d.severity}`).join(' '));

    it('uses the nearest .postmortemrc.json above each file', () => {
      const cwd = folders.create({
        '.postmortemrc.json': focusedConfig(),
        'team-a/a.postmortem': TWO_ZONELESS,
        'team-b/.postmortemrc.json': focusedConfig({ rules: { PM010: 'error' } }),
        'team-b/deep/b.postmortem': TWO_ZONELESS,
      });
      assert.deepEqual(codes(cwd, [], '.'), ['PM010:warning PM010:warning', 'PM010:error PM010:error']);
    });

    it('uses the --config file for every file instead', () => {
      const cwd = folders.create({
        'team-b/.postmortemrc.json': focusedConfig({ rules: { PM010: 'error' } }),
        'team-b/b.postmortem': TWO_ZONELESS,
        'ci.json': focusedConfig({ rules: { PM010: 'hint' } }),
      });
      assert.deepEqual(codes(cwd, ['--config', 'ci.json'], 'team-b'), ['PM010:hint PM010:hint']);
    });

    it('turns a rule off', () => {
      const cwd = folders.create({ '.postmortemrc.json': focusedConfig({ rules: { PM010: 'off' } }), 'a.postmortem': TWO_ZONELESS });
      assert.deepEqual(codes(cwd, []), ['']);
    });
  });
});
