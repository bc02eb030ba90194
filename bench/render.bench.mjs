// The renderers: the 10,000-event document to HTML and Markdown in process, then
// `postmortem actions` over 500 generated postmortems as a user runs it. Run by `npm run bench`
// (bench/run.mjs), or alone with `node bench/render.bench.mjs` after `node esbuild.mjs`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateIncident, toPostmortem } from './lib/documents.mjs';
import { Bench, formatNumber, median } from './lib/harness.mjs';

const EVENTS = 10_000;
const RUNS = 15;
const POSTMORTEMS = 500;
const ACTIONS_RUNS = 3;
const TODAY = '2025-03-01';
const TARGETS = { renderMs: 200, actionsMs: 2_000 };

/** 500 postmortems of 20 to 120 events, in nested folders as a team's repository holds them. */
function writePostmortems(folder) {
  for (let i = 0; i < POSTMORTEMS; i++) {
    const text = toPostmortem(generateIncident(20 + (i % 6) * 20, i)).replace(/^postmortem: /, `postmortem: (${i}) `);
    const sub = join(folder, `team-${i % 10}`, String(2020 + (i % 5)));
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `incident-${i}.postmortem`), i % 25 === 0 ? text.replace('incident:\n', 'incident:\n  type: drill\n') : text);
  }
}

export default async function renderBench(bench) {
  const { analyze } = bench.dist('core.js');
  const { render, toMarkdown } = bench.dist('render.js');
  const doc = bench.document(EVENTS);
  const analysis = analyze(doc.postmortem, { today: TODAY });

  const html = bench.time(() => render(analysis), { runs: RUNS });
  const standalone = bench.time(() => render(analysis, { standalone: true }), { runs: RUNS });
  const markdown = bench.time(() => toMarkdown(analysis), { runs: RUNS });
  const size = Buffer.byteLength(render(analysis)) / 1024;

  bench.section(`renderers: ${EVENTS.toLocaleString('en')}-event document (${doc.lines} lines), analysis done beforehand`);
  bench.target('render → preview HTML (median)', html.median, TARGETS.renderMs, 'ms');
  bench.figure('render → preview HTML, fastest / CPU median', `${formatNumber(html.min)} ms / ${formatNumber(html.cpuMedian)} ms; ${formatNumber(size)} KB of HTML`);
  bench.figure('render → standalone HTML (median)', `${formatNumber(standalone.median)} ms`);
  bench.figure('export → Markdown (median)', `${formatNumber(markdown.median)} ms`);

  const folder = bench.temporaryFolder();
  writePostmortems(folder);
  const cli = join(bench.root, 'dist', 'cli.js');
  const times = [];
  let last;
  for (let i = 0; i < ACTIONS_RUNS; i++) {
    const start = performance.now();
    last = spawnSync(process.execPath, [cli, 'actions', '--format', 'json', '--today', TODAY, folder], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    times.push(performance.now() - start);
  }
  if (last.status !== 0) throw new Error(`postmortem actions failed (${last.status}): ${last.stderr}`);
  const ledger = JSON.parse(last.stdout);
  bench.section(`postmortem actions: ${POSTMORTEMS} generated postmortems (${ledger.summary.items} action items)`);
  bench.target('actions --format json, whole command (median)', median(times), TARGETS.actionsMs, 'ms');
  bench.figure('listed', `${ledger.owners.length} owners, ${ledger.summary.open} open, ${ledger.summary.overdue} overdue, ${ledger.summary.drillItems} from drills`);
}

// Alone: `node bench/render.bench.mjs`.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const bench = new Bench(dirname(dirname(fileURLToPath(import.meta.url))));
  try {
    await renderBench(bench);
  } finally {
    bench.cleanUp();
  }
  process.exitCode = bench.targets.every((t) => t.pass) ? 0 : 1;
}
