// A repository of 5,000 postmortems (bench/lib/repository.mjs): the command line's check, stats and
// actions as whole processes, the language server's workspace index, a single small file against
// `node -e 0`, and markdownlint on the same 5,000 documents written as Markdown. Run by
// `npm run bench`, or alone with `node bench/repository.bench.mjs` after `node esbuild.mjs`.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import rpc from 'vscode-languageserver-protocol/node.js';
import { Bench, formatNumber, median } from './lib/harness.mjs';
import { writeRepository } from './lib/repository.mjs';

const COUNT = 5_000;
/** Rounds of the three commands, interleaved, so that a slow minute of a shared machine falls on all of them. */
const RUNS = 5;
/** Pairs of `node -e 0` and a one-file check, run one after the other: the ratio is the median of the pairs' ratios. */
const SMALL_RUNS = 15;
const TODAY = '2026-01-01';
const TARGETS = { wholeTreeMs: 2_000, indexMs: 3_000, indexRssMegabytes: 200, firstPaintMs: 500, smallFileRatio: 1.5 };

/** CPU time (user + system, ms) of the children this process has waited for, from /proc (Linux). */
function childrenCpuMilliseconds() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // Fields 16 and 17 after the command name: cutime and cstime in clock ticks (1/100 s).
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Runs a process once: its wall and CPU time in ms, and its result. */
function runProcess(args, cwd) {
  const cpuBefore = childrenCpuMilliseconds();
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { wall: performance.now() - start, cpu: childrenCpuMilliseconds() - cpuBefore, result };
}

/** Runs each named process `runs` times, round after round; per name the median wall and CPU time and the last result. */
function timeInRounds(processes, { cwd, runs }) {
  const times = Object.fromEntries(Object.keys(processes).map((name) => [name, []]));
  for (let i = 0; i < runs; i++) for (const [name, args] of Object.entries(processes)) times[name].push(runProcess(args, cwd));
  return Object.fromEntries(
    Object.entries(times).map(([name, list]) => [
      name,
      { wall: median(list.map((t) => t.wall)), cpu: median(list.map((t) => t.cpu)), result: list.at(-1).result, runs: list },
    ]),
  );
}

/** CPU time (user + system, ms) a running process has used so far, from /proc (Linux). */
function processCpuMilliseconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // Fields 14 and 15: utime and stime in clock ticks (1/100 s).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

function rssMegabytes(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** Starts the language server on `folder`; resolves with the time to index it and its memory then. */
async function indexWorkspace(root, folder) {
  const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  connection.onRequest(rpc.ConfigurationRequest.type, (params) => params.items.map(() => ({})));
  connection.onRequest(rpc.RegistrationRequest.type, () => null);
  connection.onRequest(rpc.WorkDoneProgressCreateRequest.type, () => null);
  const indexed = new Promise((resolve) => connection.onNotification('postmortem/indexChanged', (params) => params.ready && resolve(performance.now())));
  connection.onNotification(() => undefined);
  connection.listen();
  const start = performance.now();
  await connection.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'bench' }],
    capabilities: { workspace: { configuration: true, workspaceFolders: true } },
  });
  await connection.sendNotification(rpc.InitializedNotification.type, {});
  // The server announces the index 200 ms after it is ready (it waits for bursts to settle).
  const readyAt = (await indexed) - 200;
  const rss = rssMegabytes(child.pid);
  const indexCpu = processCpuMilliseconds(child.pid);
  const requestStart = performance.now();
  const items = await connection.sendRequest('postmortem/actionItems', { today: TODAY });
  const answered = performance.now() - requestStart;
  await connection.sendRequest(rpc.ShutdownRequest.type);
  await connection.sendNotification(rpc.ExitNotification.type);
  connection.dispose();
  return { indexMs: readyAt - start, indexCpu, rss, actionItemsMs: answered, items: items.items.length };
}

export default async function repository(bench) {
  const cli = join(bench.root, 'dist', 'cli.js');
  const folder = bench.temporaryFolder();
  const generated = performance.now();
  const repo = writeRepository(folder, COUNT);
  bench.section(`a repository of ${COUNT.toLocaleString('en')} postmortems (${(repo.bytes / 1024 / 1024).toFixed(1)} MB, ${repo.lines.toLocaleString('en')} lines, 2021–2025; written in ${formatNumber((performance.now() - generated) / 1000)} s)`);

  const figures = timeInRounds(
    {
      check: [cli, 'check', '--today', TODAY, '--format', 'json', repo.postmortems],
      stats: [cli, 'stats', '--today', TODAY, '--format', 'json', repo.postmortems],
      actions: [cli, 'actions', '--today', TODAY, '--format', 'json', repo.postmortems],
    },
    { cwd: folder, runs: RUNS },
  );
  for (const [name, timing] of Object.entries(figures)) {
    if (timing.result.status === 2) throw new Error(`postmortem ${name} failed: ${timing.result.stderr.slice(0, 500)}`);
    bench.figure(`postmortem ${name}, whole process`, `median ${formatNumber(timing.wall)} ms wall, ${formatNumber(timing.cpu)} ms CPU (${RUNS} rounds)`);
  }
  const markdownlint = runProcess(['-e', `const { lint } = require('markdownlint/sync'); const { readdirSync } = require('node:fs'); const { join } = require('node:path');
const root = process.argv[1]; const files = readdirSync(root).flatMap((y) => readdirSync(join(root, y)).map((f) => join(root, y, f)));
const result = lint({ files }); console.log(Object.values(result).reduce((n, list) => n + list.length, 0));`, repo.markdown], bench.root);
  bench.figure('markdownlint on the same 5,000 as Markdown', `${formatNumber(markdownlint.wall)} ms wall, ${formatNumber(markdownlint.cpu)} ms CPU (one run) · ${formatNumber(markdownlint.wall / figures.check.wall)}× check's time`);

  const index = await indexWorkspace(bench.root, repo.postmortems);
  bench.figure('language server: workspace index ready', `${formatNumber(index.indexMs)} ms after initialize (the server's CPU by then: ${formatNumber(index.indexCpu)} ms), RSS ${formatNumber(index.rss)} MB`);
  bench.figure('postmortem/actionItems answer (first paint data)', `${formatNumber(index.actionItemsMs)} ms for ${index.items} open items`);

  const small = join(bench.root, 'examples', 'near-miss-certificate.postmortem');
  const startUp = timeInRounds({ node: ['-e', '0'], check: [cli, 'check', '--today', TODAY, small] }, { cwd: bench.root, runs: SMALL_RUNS });
  const smallRatio = median(startUp.check.runs.map((run, i) => run.cpu / startUp.node.runs[i].cpu));
  bench.figure('node -e 0', `median ${formatNumber(startUp.node.wall)} ms wall, ${formatNumber(startUp.node.cpu)} ms CPU`);
  bench.figure('postmortem check, one small file', `median ${formatNumber(startUp.check.wall)} ms wall, ${formatNumber(startUp.check.cpu)} ms CPU (${SMALL_RUNS} pairs with node -e 0)`);

  bench.section('targets (5,000 postmortems)');
  for (const name of ['check', 'stats', 'actions']) bench.target(`${name}, whole process (wall)`, figures[name].wall, TARGETS.wholeTreeMs, 'ms');
  bench.target('workspace index ready', index.indexMs, TARGETS.indexMs, 'ms');
  bench.target('server RSS with the index', index.rss, TARGETS.indexRssMegabytes, 'MB');
  bench.target('action items answer after the index', index.actionItemsMs, TARGETS.firstPaintMs, 'ms');
  bench.target('one small file vs node -e 0 (CPU, median of pairs)', smallRatio, TARGETS.smallFileRatio, '×');
}

// Alone: `node bench/repository.bench.mjs`.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const bench = new Bench(join(import.meta.dirname, '..'));
  try {
    await repository(bench);
  } finally {
    bench.cleanUp();
  }
}
