// The pure core in process against markdownlint on the same content, then the command line's
// peak memory on the largest document.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { lint } from 'markdownlint/sync';
import { formatNumber } from './lib/harness.mjs';


const SIZES = [200, 1_000, 10_000];
/** Enough runs for a stable median without making the bench slow on a shared 2-core machine. */
const RUNS = { 200: 300, 1_000: 60, 10_000: 20 };
/** markdownlint takes seconds on the largest document: fewer runs give a median just as well. */
const MARKDOWNLINT_RUNS = { 200: 20, 1_000: 8, 10_000: 3 };
/** The documents' action items fall due after this, so "overdue" does not depend on the clock. */
const TODAY = '2025-03-01';
const MB = 1024 * 1024;

export default async function core(bench) {
  const { analyze } = bench.dist('core.js');
  const medians = new Map();

  // All of ours first, then markdownlint: its much larger heap would otherwise slow our later
  // runs with garbage collection and hide our own peak memory.
  const ours = new Map();
  for (const events of SIZES) {
    const doc = bench.document(events);
    ours.set(events, bench.time(() => analyze(doc.postmortem, { today: TODAY }), { runs: RUNS[events] }));
  }
  const peakAfterOurs = process.resourceUsage().maxRSS / 1024;
  const theirs = new Map();
  for (const events of SIZES) {
    const doc = bench.document(events);
    theirs.set(events, bench.time(() => lint({ strings: { postmortem: doc.markdown } }), { runs: MARKDOWNLINT_RUNS[events], warmup: 1 }));
  }

  bench.section('analyze() in process vs markdownlint on the same content written as Markdown');
  for (const events of SIZES) {
    const doc = bench.document(events);
    const mine = ours.get(events);
    const other = theirs.get(events);
    const diagnostics = analyze(doc.postmortem, { today: TODAY }).diagnostics.length;
    bench.figure(
      `${events} events (${doc.lines} lines, ${doc.kilobytes.toFixed(0)} KB)`,
      `analyze median ${formatNumber(mine.median)} ms (fastest ${formatNumber(mine.min)}, cpu ${formatNumber(mine.cpuMedian)}) · ${diagnostics} diagnostics`,
    );
    bench.figure(
      '',
      `markdownlint median ${formatNumber(other.median)} ms (fastest ${formatNumber(other.min)}) · ratio markdownlint / analyze ${formatNumber(other.median / mine.median)}×`,
    );
    medians.set(events, mine.median);
  }

  bench.section('targets');
  bench.target('10,000 events, analyze median', medians.get(10_000), 100, 'ms');
  bench.target('200 events, analyze median', medians.get(200), 3, 'ms');
  bench.target('growth 10,000 vs 1,000 events', medians.get(10_000) / medians.get(1_000), 12, '×');

  bench.section('memory');
  const largest = bench.document(10_000);
  const retained = bench.retainedBytes(() => analyze(largest.postmortem, { today: TODAY }));
  bench.figure('one 10,000-event analysis kept alive', `${(retained / MB).toFixed(1)} MB of heap`);
  bench.figure('bench process peak RSS after analyze() runs', `${peakAfterOurs.toFixed(0)} MB (before markdownlint ran)`);
  bench.figure('bench process peak RSS with markdownlint', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

  const folder = bench.temporaryFolder();
  const file = join(folder, 'incident-10000.postmortem');
  const rssFile = join(folder, 'cli-max-rss');
  writeFileSync(file, largest.postmortem);
  const start = performance.now();
  const cli = spawnSync(
    process.execPath,
    ['--require', join(bench.root, 'bench/lib/report-max-rss.cjs'), join(bench.root, 'dist/cli.js'), 'check', '--format', 'json', '--today', TODAY, file],
    { env: { ...process.env, POSTMORTEM_BENCH_RSS_FILE: rssFile }, encoding: 'utf8', maxBuffer: 256 * MB },
  );
  const elapsed = performance.now() - start;
  if (cli.status !== 0 && cli.status !== 1) throw new Error(`the command line failed (status ${cli.status}): ${cli.stderr}`);
  const peak = Number(readFileSync(rssFile, 'utf8')) / MB;
  bench.figure('CLI check --format json, 10,000 events', `${elapsed.toFixed(0)} ms wall, including Node start`);
  bench.target('CLI peak RSS, 10,000 events', peak, 150, 'MB');
}
