// The language server through its real front door: `node dist/server.js --stdio`, driven by a
// protocol client as an editor drives it. Run by `npm run bench` (bench/run.mjs), or alone with
// `node bench/lsp.bench.mjs` after `node esbuild.mjs server`.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import rpc from 'vscode-languageserver-protocol/node.js';
import { generateIncident, toPostmortem } from './lib/documents.mjs';
import { Bench, formatNumber, median } from './lib/harness.mjs';

const EDITS = 200;
const WARMUP_EDITS = 20;
const REQUESTS = 200;
const OPEN_DOCUMENTS = 50;
const TARGET_LINES = 2_000;
const TARGETS = { diagnosticsP95: 30, completionP95: 10, rssMegabytes: 150 };

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The generated incident with the fewest events that still reaches `lines` lines. */
function documentOfLines(lines) {
  for (let events = Math.round(lines / 1.3); ; events += 10) {
    const text = toPostmortem(generateIncident(events));
    if (text.split('\n').length - 1 >= lines) return text;
  }
}

/** Resident memory of a process in MB, from /proc (Linux) or ps. */
function rssMegabytes(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (match) return Number(match[1]) / 1024;
  } catch {
    // Not Linux: ask ps below.
  }
  const ps = spawn('ps', ['-o', 'rss=', '-p', String(pid)]);
  return new Promise((resolve) => {
    let out = '';
    ps.stdout.on('data', (chunk) => (out += chunk));
    ps.on('close', () => resolve(Number(out.trim()) / 1024));
  });
}

/** CPU time a process has used so far in ms (Linux /proc; undefined elsewhere). */
function cpuMilliseconds(pid) {
  try {
    // Fields 14 and 15 after the command name: user and system time in clock ticks (1/100 s).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

class Server {
  constructor(root) {
    this.child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(this.child.stdout), new rpc.StreamMessageWriter(this.child.stdin));
    this.waiting = new Map();
    this.versions = new Map();
    this.connection.onNotification(rpc.PublishDiagnosticsNotification.type, ({ uri, version }) => {
      const key = `${uri}#${version}`;
      this.waiting.get(key)?.();
      this.waiting.delete(key);
    });
    this.connection.onRequest(rpc.ConfigurationRequest.type, (params) => params.items.map(() => ({})));
    this.connection.onRequest(rpc.RegistrationRequest.type, () => null);
    this.connection.onRequest(rpc.WorkDoneProgressCreateRequest.type, () => null);
    this.connection.listen();
  }

  async initialize() {
    await this.connection.sendRequest(rpc.InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await this.connection.sendNotification(rpc.InitializedNotification.type, {});
  }

  diagnostics(uri, version) {
    return new Promise((resolve) => this.waiting.set(`${uri}#${version}`, resolve));
  }

  open(uri, text) {
    this.versions.set(uri, 1);
    const published = this.diagnostics(uri, 1);
    void this.connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'postmortem', version: 1, text } });
    return published;
  }

  /** Sends one incremental change; resolves when its diagnostics are published. */
  change(uri, change) {
    const version = this.versions.get(uri) + 1;
    this.versions.set(uri, version);
    const published = this.diagnostics(uri, version);
    void this.connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    return published;
  }

  async stop() {
    await this.connection.sendRequest(rpc.ShutdownRequest.type);
    await this.connection.sendNotification(rpc.ExitNotification.type);
    this.connection.dispose();
  }
}

async function timed(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export default async function lsp(bench) {
  const serverPath = join(bench.root, 'dist', 'server.js');
  if (!existsSync(serverPath)) throw new Error('dist/server.js is missing: run `node esbuild.mjs server` first');
  const text = documentOfLines(TARGET_LINES);
  const lines = text.split('\n');
  const server = new Server(bench.root);
  await server.initialize();
  const uri = 'file:///bench/incident.postmortem';
  await server.open(uri, text);

  // Typing at the end of a timeline event in the middle of the document: a character in, then out.
  const eventLine = lines.findIndex((l, i) => i > lines.length / 3 && /^ {2}\d{2}:\d{2} UTC {2}/.test(l));
  const end = lines[eventLine].length;
  const type = (i) => (i % 2 === 0
    ? { range: { start: { line: eventLine, character: end }, end: { line: eventLine, character: end } }, text: 'x' }
    : { range: { start: { line: eventLine, character: end }, end: { line: eventLine, character: end + 1 } }, text: '' });
  for (let i = 0; i < WARMUP_EDITS; i++) await server.change(uri, type(i));
  const editLatencies = [];
  const cpuBefore = cpuMilliseconds(server.child.pid);
  for (let i = 0; i < EDITS; i++) editLatencies.push(await timed(() => server.change(uri, type(i))));
  const cpuPerEdit = cpuBefore === undefined ? undefined : (cpuMilliseconds(server.child.pid) - cpuBefore) / EDITS;

  // Completion where an author asks for it: an owner, a new timeline line, a severity.
  const ownerLine = lines.findIndex((l) => l.startsWith('    owner: '));
  const severityLine = lines.findIndex((l) => l.startsWith('  severity: '));
  const positions = [
    { line: ownerLine, character: '    owner: '.length },
    { line: eventLine, character: 2 },
    { line: severityLine, character: '  severity: '.length },
  ];
  const complete = (i) => server.connection.sendRequest(rpc.CompletionRequest.type, { textDocument: { uri }, position: positions[i % positions.length] });
  for (let i = 0; i < 20; i++) await complete(i);
  const completionLatencies = [];
  for (let i = 0; i < REQUESTS; i++) completionLatencies.push(await timed(() => complete(i)));
  const symbols = () => server.connection.sendRequest(rpc.DocumentSymbolRequest.type, { textDocument: { uri } });
  for (let i = 0; i < 20; i++) await symbols();
  const symbolLatencies = [];
  for (let i = 0; i < REQUESTS; i++) symbolLatencies.push(await timed(symbols));

  // The same requests sent right after a keystroke, before its diagnostics: they wait for the analysis.
  const afterEdit = [];
  for (let i = 0; i < 50; i++) {
    const published = server.change(uri, type(i));
    afterEdit.push(await timed(() => complete(i)));
    await published;
  }

  const rssOne = await rssMegabytes(server.child.pid);
  const opened = [];
  for (let i = 1; i < OPEN_DOCUMENTS; i++) opened.push(server.open(`file:///bench/incident-${i}.postmortem`, text.replace('postmortem: ', `postmortem: (${i}) `)));
  await Promise.all(opened);
  const rssMany = await rssMegabytes(server.child.pid);
  await server.stop();

  bench.section(`language server over stdio: ${lines.length - 1}-line document (${(text.length / 1024).toFixed(0)} KB)`);
  bench.figure('edit → publishDiagnostics p50', `${formatNumber(percentile(editLatencies, 50))} ms over ${EDITS} edits (median ${formatNumber(median(editLatencies))} ms)`);
  bench.target('edit → publishDiagnostics p95', percentile(editLatencies, 95), TARGETS.diagnosticsP95, 'ms');
  // CPU time does not include waiting for a core, so it shows what an idle machine would see.
  if (cpuPerEdit !== undefined) bench.figure('server CPU per edit (mean)', `${formatNumber(cpuPerEdit)} ms`);
  bench.target('completion p95 (analysed document)', percentile(completionLatencies, 95), TARGETS.completionP95, 'ms');
  bench.figure('documentSymbol p95 (analysed document)', `${formatNumber(percentile(symbolLatencies, 95))} ms (p50 ${formatNumber(percentile(symbolLatencies, 50))} ms)`);
  bench.figure('completion right after an edit p95', `${formatNumber(percentile(afterEdit, 95))} ms (includes analysing the new version)`);
  bench.figure('server RSS, 1 open document', `${formatNumber(rssOne)} MB`);
  bench.target(`server RSS, ${OPEN_DOCUMENTS} open ${lines.length - 1}-line documents`, rssMany, TARGETS.rssMegabytes, 'MB');
}

// Alone: `node bench/lsp.bench.mjs`.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const bench = new Bench(dirname(dirname(fileURLToPath(import.meta.url))));
  // Other work on the machine slows every figure; the load average says how busy it was.
  console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
  try {
    await lsp(bench);
  } finally {
    bench.cleanUp();
  }
  process.exitCode = bench.targets.every((t) => t.pass) ? 0 : 1;
}
