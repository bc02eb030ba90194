// Behaviour identity between two builds (issue 11): `node --import tsx scripts/compare-builds.mjs
// BASE_DIST NEW_DIST [--mutated N]`. Each build analyses the examples, the fixtures, test/realworld
// and N seeded mutated documents (default 3000) under a few configurations and renders them;
// the diagnostics with their fixes, the metrics, the HTML (fragment and standalone), the
// Markdown export and the action ledger must be equal byte for byte. Each build's command line
// then runs over a folder of the same documents (check in every format, check --fix, actions,
// stats, render, export, and a few wrong command lines) and its output, exit status and fixed
// files must be equal too. Prints the counts; exits 1 on any difference.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mutate, seededRandom } from '../test/helpers/fuzz.ts';

const [baseDist, newDist] = process.argv.slice(2, 4).map((d) => resolve(d ?? ''));
if (!process.argv[3]) {
  console.error('usage: node --import tsx scripts/compare-builds.mjs BASE_DIST NEW_DIST [--mutated N]');
  process.exit(2);
}
const mutatedAt = process.argv.indexOf('--mutated');
const MUTATED = mutatedAt > 0 ? Number(process.argv[mutatedAt + 1]) : 3000;
const TODAY = '2025-03-01';
const ROOT = resolve(import.meta.dirname, '..');

const require = createRequire(import.meta.url);
const builds = [baseDist, newDist].map((dist) => ({ dist, core: require(join(dist, 'core.js')), render: require(join(dist, 'render.js')) }));

function postmortemsIn(folder) {
  return readdirSync(folder, { recursive: true })
    .filter((f) => String(f).endsWith('.postmortem'))
    .sort()
    .map((f) => ({ name: `${folder.slice(ROOT.length + 1)}/${f}`, text: readFileSync(join(folder, String(f)), 'utf8') }));
}

const seeds = [...postmortemsIn(join(ROOT, 'examples')), ...postmortemsIn(join(ROOT, 'test', 'fixtures')), ...postmortemsIn(join(ROOT, 'test', 'realworld'))];
const random = seededRandom(20261129);
const mutated = Array.from({ length: MUTATED }, (_, n) => ({ name: `mutated-${n}`, text: mutate(random.pick(seeds).text, random) }));
const documents = [...seeds, ...mutated];

const CONFIGS = [
  { name: 'defaults', options: { today: TODAY } },
  { name: 'strict', options: { today: TODAY, config: { requiredWhys: 5, rules: { PM040: 'error', PM006: 'off' }, people: ['Alice', 'Bob'], followupDays: 7, writeupWithinHours: 24 } } },
  { name: 'other today', options: { today: '2026-11-29', config: { severities: ['P0', 'P1', 'P2'], allowedPhrases: ['human error'] } } },
];

/** Everything a document shows to a user, from one build. */
function facets(build, text, options) {
  const analysis = build.core.analyze(text, options);
  return {
    diagnostics: JSON.stringify(analysis.diagnostics),
    metrics: JSON.stringify(analysis.metrics),
    html: build.render.render(analysis),
    'standalone html': build.render.render(analysis, { standalone: true, theme: 'light' }),
    markdown: build.render.toMarkdown(analysis),
    ledger: build.render.formatLedgerJson(build.render.buildLedger([{ path: 'x.postmortem', analysis }], options.today)),
  };
}

let compared = 0;
const differences = [];
for (const { name: configName, options } of CONFIGS) {
  for (const document of documents) {
    // Documents too large for quick comparison under every configuration are compared once.
    if (configName !== 'defaults' && document.name.startsWith('mutated-') && Number(document.name.slice(8)) % 3 !== 0) continue;
    const [a, b] = builds.map((build) => facets(build, document.text, options));
    compared++;
    for (const facet of Object.keys(a)) if (a[facet] !== b[facet]) differences.push(`${document.name} (${configName}): ${facet}`);
  }
}

// The command lines over one folder of the same documents.
const work = mkdtempSync(join(tmpdir(), 'compare-builds-'));
const corpus = join(work, 'corpus');
mkdirSync(corpus);
for (const [i, document] of documents.slice(0, seeds.length + 300).entries()) writeFileSync(join(corpus, `${String(i).padStart(4, '0')}.postmortem`), document.text);
const one = join(corpus, '0000.postmortem');
/** Each run has a working folder of its own (`new` writes a file there). */
let runs = 0;
const freshFolder = () => {
  const folder = join(work, `run-${runs++}`);
  mkdirSync(folder);
  return folder;
};
const COMMANDS = [
  ['check', '--today', TODAY, '--format', 'json', corpus],
  ['check', '--today', TODAY, '--format', 'text', corpus],
  ['check', '--today', TODAY, '--format', 'sarif', corpus],
  ['check', '--today', TODAY, '--format', 'codequality', corpus],
  ['check', '--today', TODAY, '--max-warnings', '3', corpus],
  ['actions', corpus],
  ['stats', '--today', TODAY, '--format', 'json', corpus],
  ['stats', '--today', TODAY, '--format', 'text', corpus],
  ['stats', '--today', TODAY, '--format', 'html', corpus],
  ['stats', '--today', TODAY, '--since', '2019-01-01', '--until', '2024-12-31', '--format', 'json', corpus],
  ['render', one],
  ['export', '--format', 'md', one],
  ['new', '--title', 'Queue backlog'],
  ['--help'], ['--version'], ['check', '--help'], ['stats', '--help'], ['actions', '--help'], ['render', '--help'], ['export', '--help'], ['new', '--help'], ['import', '--help'],
  ['check', '--bogus'], ['check', '--format'], ['check', '--format', 'xml', corpus], ['check', '--max-warnings', 'x', corpus], ['check', '--today', '2025-02-30', corpus],
  ['stats', '--since', 'yesterday', corpus], ['stats', '--format', 'pdf', corpus], ['render'], ['render', one, one], ['export', one], ['export', '--format', 'html', one],
  ['actions'], ['import'], ['new', '--title'], ['nosuch'], [], ['check', join(work, 'missing')],
];
for (const args of COMMANDS) {
  const [a, b] = builds.map(({ dist }) => {
    const cwd = freshFolder();
    const run = spawnSync(process.execPath, [join(dist, 'cli.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 30 });
    // SARIF names the working folder; the two runs' folders differ by name only.
    return { status: run.status, stdout: run.stdout.replaceAll(cwd, '…'), stderr: run.stderr.replaceAll(cwd, '…') };
  });
  compared++;
  const label = `postmortem ${args.join(' ').replaceAll(work, '…')}`;
  if (a.status !== b.status) differences.push(`${label}: exit ${a.status} ≠ ${b.status}`);
  if (a.stdout !== b.stdout) differences.push(`${label}: standard output`);
  if (a.stderr !== b.stderr) differences.push(`${label}: standard error`);
}
// check --fix rewrites files: each build fixes its own copy, and the copies must be equal after.
const fixed = builds.map(({ dist }, i) => {
  const copy = join(work, `fixed-${i}`);
  cpSync(corpus, copy, { recursive: true });
  const run = spawnSync(process.execPath, [join(dist, 'cli.js'), 'check', '--fix', '--today', TODAY, '--format', 'json', '.'], { cwd: copy, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { run: `${run.status}\n${run.stdout}\n${run.stderr}`, files: readdirSync(copy).sort().map((f) => [f, readFileSync(join(copy, f), 'utf8')]) };
});
compared++;
if (fixed[0].run !== fixed[1].run) differences.push('postmortem check --fix: output');
for (const [i, [file, text]] of fixed[0].files.entries()) {
  compared++;
  if (fixed[1].files[i]?.[0] !== file || fixed[1].files[i][1] !== text) differences.push(`check --fix: ${file}`);
}
rmSync(work, { recursive: true, force: true });

console.log(`${documents.length} documents (${seeds.length} examples, fixtures and real-world postmortems, ${MUTATED} mutated), ${CONFIGS.length} configurations, ${COMMANDS.length + 1} command lines, ${fixed[0].files.length} files fixed by check --fix`);
console.log(`${compared} comparisons, ${differences.length} differences`);
for (const difference of differences.slice(0, 50)) console.log(`  ${difference}`);
process.exit(differences.length ? 1 : 0);
