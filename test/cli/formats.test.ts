import { strict as assert } from 'node:assert';
import { rules } from '../../server/src/core/rules/index';
import { buildCli, focusedConfig, parseJsonReport, runCli, TemporaryFolders, type JsonReport } from './cliHarness';
import { CLEAN, FIXABLE, IMPOSSIBLE_DATE, TODAY, TWO_ZONELESS } from './documents';

const TEXT_LINE = /^(.+):(\d+):(\d+) (error|warning|information|hint) (PM\d{3}) (.+)$/;
const SUMMARY_LINE = /^\d+ files? checked: \d+ errors?, \d+ warnings?, \d+ information, \d+ hints?$/;

describe('postmortem check output formats', () => {
  const folders = new TemporaryFolders();
  let cwd: string;
  let json: JsonReport;
  before(() => {
    buildCli();
    cwd = folders.create({ 'clean.postmortem': CLEAN, 'incidents/db/fixable.postmortem': FIXABLE, 'incidents/broken.postmortem': IMPOSSIBLE_DATE });
    json = parseJsonReport(runCli(['check', '--format', 'json', '--today', TODAY], { cwd }));
  });
  after(() => folders.removeAll());

  describe('--format json', () => {
    it('has exactly the documented shape', () => {
      assert.deepEqual(Object.keys(json), ['files', 'summary']);
      assert.deepEqual(Object.keys(json.summary), ['files', 'errors', 'warnings', 'information', 'hints']);
      for (const file of json.files) {
        assert.deepEqual(Object.keys(file), ['path', 'diagnostics', 'metrics']);
        assert.deepEqual(Object.keys(file.metrics), ['durationMinutes', 'timeToDetectMinutes', 'timeToRespondMinutes', 'timeToMitigateMinutes', 'impactMinutes', 'approximate']);
        for (const d of file.diagnostics) {
          assert.deepEqual(Object.keys(d), ['code', 'severity', 'message', 'range']);
          assert.deepEqual(Object.keys(d.range.start), ['line', 'character']);
        }
      }
    });

    it('lays out one finding per line, as LANGUAGE.md shows it', () => {
      const run = runCli(['check', '--format', 'json', '--today', TODAY], { cwd });
      const lines = run.stdout.split('\n').filter((line) => line.includes('"code":'));
      assert.equal(lines.length, json.files.reduce((n, f) => n + f.diagnostics.length, 0));
      for (const line of lines) assert.deepEqual(Object.keys(JSON.parse(line.trim().replace(/,$/, ''))), ['code', 'severity', 'message', 'range']);
    });

    it('gives paths relative to the current folder with forward slashes', () => {
      assert.deepEqual(json.files.map((f) => f.path).sort(), ['clean.postmortem', 'incidents/broken.postmortem', 'incidents/db/fixable.postmortem']);
    });

    it('gives 0-based ranges that cover the offending text', () => {
      const fixable = json.files.find((f) => f.path.endsWith('fixable.postmortem'))!;
      const lines = FIXABLE.split('\n');
      const zoneless = fixable.diagnostics.filter((d) => d.code === 'PM010');
      assert.equal(zoneless.length, 2);
      for (const d of zoneless) {
        const covered = lines[d.range.start.line].slice(d.range.start.character, d.range.end.character);
        assert.match(covered, /^14:[34]0$|^14:35$/);
      }
    });

    it('gives the four metrics, null when they cannot be computed', () => {
      const clean = json.files.find((f) => f.path === 'clean.postmortem')!;
      assert.deepEqual(clean.metrics, { durationMinutes: 45, timeToDetectMinutes: 0, timeToRespondMinutes: 1, timeToMitigateMinutes: null, impactMinutes: null, approximate: [] });
      assert.deepEqual(clean.diagnostics, []);
    });

    it('counts the diagnostics in the summary', () => {
      const all = json.files.flatMap((f) => f.diagnostics);
      assert.deepEqual(json.summary, {
        files: 3,
        errors: all.filter((d) => d.severity === 'error').length,
        warnings: all.filter((d) => d.severity === 'warning').length,
        information: all.filter((d) => d.severity === 'information').length,
        hints: all.filter((d) => d.severity === 'hint').length,
      });
      assert.equal(json.summary.errors, 1);
      assert.equal(json.summary.warnings, 3);
    });
  });

  describe('text', () => {
    it('prints file:line:col severity code message with 1-based positions, then a summary', () => {
      const run = runCli(['check', '--today', TODAY], { cwd });
      const lines = run.stdout.trimEnd().split('\n');
      assert.match(lines[lines.length - 1], SUMMARY_LINE);
      const printed = lines.slice(0, -1).map((line) => {
        const match = TEXT_LINE.exec(line);
        assert.ok(match, `not in the problem-matcher shape: ${line}`);
        return `${match[1]} ${+match[2] - 1} ${+match[3] - 1} ${match[4]} ${match[5]} ${match[6]}`;
      });
      const expected = json.files.flatMap((f) => f.diagnostics.map((d) => `${f.path} ${d.range.start.line} ${d.range.start.character} ${d.severity} ${d.code} ${d.message}`));
      assert.deepEqual(printed, expected);
      assert.equal(lines[lines.length - 1], '3 files checked: 1 error, 3 warnings, 0 information, 0 hints');
    });

    it('uses colour only when asked and never with NO_COLOR', () => {
      const piped = runCli(['check', '--today', TODAY], { cwd });
      assert.doesNotMatch(piped.stdout, /\u001b\[/);
      const forced = runCli(['check', '--today', TODAY], { cwd, env: { FORCE_COLOR: '1' } });
      assert.match(forced.stdout, /\u001b\[33mwarning\u001b\[0m/);
      const refused = runCli(['check', '--today', TODAY], { cwd, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
      assert.doesNotMatch(refused.stdout, /\u001b\[/);
    });

    it('never draws the progress line when stderr is not a terminal', () => {
      const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`many/${i}.postmortem`, CLEAN]));
      const run = runCli(['check', '--today', TODAY, 'many'], { cwd: folders.create(many) });
      assert.equal(run.status, 0);
      assert.equal(run.stderr, '');
    });
  });

  describe('--format sarif', () => {
    interface SarifLog {
      $schema: string;
      version: string;
      runs: {
        tool: { driver: { name: string; informationUri: string; rules: { id: string; name: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }[] } };
        results: {
          ruleId: string;
          ruleIndex?: number;
          level: string;
          message: { text: string };
          locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
          fixes?: { description: { text: string }; artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: Record<string, number>; insertedContent: { text: string } }[] }[] }[];
        }[];
        originalUriBaseIds?: Record<string, { uri: string }>;
      }[];
    }
    let sarif: SarifLog;
    before(() => {
      const run = runCli(['check', '--format', 'sarif', '--today', TODAY], { cwd });
      assert.equal(run.status, 1);
      sarif = JSON.parse(run.stdout) as SarifLog;
    });

    it('has the required top-level properties of SARIF 2.1.0', () => {
      assert.equal(sarif.version, '2.1.0');
      assert.match(sarif.$schema, /sarif-2\.1\.0/);
      assert.equal(sarif.runs.length, 1);
      const driver = sarif.runs[0].tool.driver;
      assert.equal(driver.name, 'postmortem');
      assert.match(driver.informationUri, /^[a-z]+:\/\//, 'informationUri must be absolute');
    });

    it('lists every rule of the registry with its documentation and default level', () => {
      const driverRules = sarif.runs[0].tool.driver.rules;
      assert.deepEqual(driverRules.map((r) => r.id), rules.map((r) => r.code));
      for (const [i, rule] of driverRules.entries()) {
        assert.equal(rule.name, rules[i].name);
        assert.ok(rule.shortDescription.text.length > 0);
        assert.match(rule.helpUri, new RegExp(`^[a-z]+://.*docs/rules/${rule.id}\\.md$`));
        assert.equal(rule.defaultConfiguration.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[rules[i].defaultSeverity]);
      }
    });

    it('gives one result per diagnostic, with 1-based regions', () => {
      const results = sarif.runs[0].results;
      const expected = json.files.flatMap((f) => f.diagnostics.map((d) => ({ path: f.path, d })));
      assert.equal(results.length, expected.length);
      results.forEach((result, i) => {
        const { path, d } = expected[i];
        assert.equal(result.ruleId, d.code);
        assert.equal(sarif.runs[0].tool.driver.rules[result.ruleIndex!].id, d.code);
        assert.equal(result.level, d.severity === 'error' ? 'error' : 'warning');
        assert.equal(result.message.text, d.message);
        const location = result.locations[0].physicalLocation;
        assert.equal(location.artifactLocation.uri, path);
        assert.equal(location.artifactLocation.uriBaseId, '%SRCROOT%');
        assert.deepEqual(location.region, {
          startLine: d.range.start.line + 1,
          startColumn: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
        });
      });
      assert.match(sarif.runs[0].originalUriBaseIds!['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
    });

    it('carries each quick fix as a SARIF fix', () => {
      const zoneless = sarif.runs[0].results.filter((r) => r.ruleId === 'PM010');
      assert.equal(zoneless.length, 2);
      for (const result of zoneless) {
        const fix = result.fixes![0];
        assert.ok(fix.description.text);
        const change = fix.artifactChanges[0];
        assert.equal(change.artifactLocation.uri, result.locations[0].physicalLocation.artifactLocation.uri);
        const replacement = change.replacements[0];
        assert.equal(replacement.insertedContent.text, ' UTC');
        assert.equal(replacement.deletedRegion.startLine, result.locations[0].physicalLocation.region.startLine);
        assert.equal(replacement.deletedRegion.startColumn, replacement.deletedRegion.endColumn, 'an insertion deletes nothing');
      }
      assert.equal(sarif.runs[0].results.find((r) => r.ruleId === 'PM015')!.fixes, undefined);
    });

    it('carries the fixes the authors choose between as further SARIF fixes', () => {
      const block = 'postmortem: t\nincident:\n  started: 2021-10-28 20:37 UTC\ntimeline:\n  1:37 PM PDT  a\n  1:45 PM  b\n';
      const folder = folders.create({ '.postmortemrc.json': focusedConfig({ rules: { PM010: 'warning' } }), 'a.postmortem': block });
      const log = JSON.parse(runCli(['check', '--format', 'sarif', '--today', TODAY], { cwd: folder }).stdout) as SarifLog;
      const [bare] = log.runs[0].results.filter((r) => r.ruleId === 'PM010');
      assert.deepEqual(bare.fixes!.map((f) => f.description.text), ['Convert “1:37 PM PDT” and the time below it, read in PDT, to UTC', 'Mark the time as UTC']);
      assert.deepEqual(bare.fixes![0].artifactChanges[0].replacements.map((r) => r.insertedContent.text), ['20:37 UTC', '20:45 UTC']);
    });

    it('reports information and hints as notes', () => {
      const hinted = folders.create({ '.postmortemrc.json': focusedConfig({ rules: { PM010: 'hint' } }), 'a.postmortem': TWO_ZONELESS });
      const log = JSON.parse(runCli(['check', '--format', 'sarif', '--today', TODAY], { cwd: hinted }).stdout) as SarifLog;
      assert.deepEqual(log.runs[0].results.map((r) => r.level), ['note', 'note']);
    });
  });
});
