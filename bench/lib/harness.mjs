import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { generateIncident, toMarkdown, toPostmortem } from './documents.mjs';

// Retained-memory figures need a full collection first; this exposes gc() without a flag.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc');

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * What every bench section gets: the built bundles, the generated documents, a timer and a way
 * to print figures and targets. Sections add rows; run.mjs prints the verdict at the end.
 */
export class Bench {
  constructor(root) {
    this.root = root;
    this.require = createRequire(join(root, 'package.json'));
    this.targets = [];
    this.documents = new Map();
    this.temporaryFolders = [];
  }

  /** A built bundle from dist/, loaded once. */
  dist(name) {
    return this.require(join(this.root, 'dist', name));
  }

  /** The incident with `events` timeline events, as `.postmortem` text and as Markdown. */
  document(events) {
    if (!this.documents.has(events)) {
      const incident = generateIncident(events);
      const postmortem = toPostmortem(incident);
      this.documents.set(events, {
        incident,
        postmortem,
        markdown: toMarkdown(incident),
        lines: postmortem.split('\n').length - 1,
        kilobytes: Buffer.byteLength(postmortem) / 1024,
      });
    }
    return this.documents.get(events);
  }

  /**
   * Runs `fn` a few times to warm up, then `runs` times. Returns the median and fastest wall
   * times in ms, and the median process CPU time: on a shared machine the wall time includes
   * waiting for a core, the CPU time does not (it does include the garbage collector's threads).
   */
  time(fn, { runs, warmup = Math.min(5, runs) }) {
    for (let i = 0; i < warmup; i++) fn();
    const samples = [];
    const cpuSamples = [];
    for (let i = 0; i < runs; i++) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      fn();
      samples.push(performance.now() - start);
      const cpu = process.cpuUsage(cpuStart);
      cpuSamples.push((cpu.user + cpu.system) / 1000);
    }
    return { median: median(samples), min: Math.min(...samples), cpuMedian: median(cpuSamples), samples };
  }

  /** Heap bytes that stay alive while `make()`'s result is held. */
  retainedBytes(make) {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    const kept = make();
    collectGarbage();
    const after = process.memoryUsage().heapUsed;
    if (!kept) throw new Error('retainedBytes needs the value to keep');
    return Math.max(0, after - before);
  }

  temporaryFolder() {
    const folder = mkdtempSync(join(tmpdir(), 'postmortem-bench-'));
    this.temporaryFolders.push(folder);
    return folder;
  }

  cleanUp() {
    for (const folder of this.temporaryFolders) rmSync(folder, { recursive: true, force: true });
  }

  section(title) {
    console.log(`\n## ${title}\n`);
  }

  figure(label, text) {
    console.log(`  ${label.padEnd(46)} ${text}`);
  }

  /** A figure with its target: `measured` must be at most `limit`. */
  target(label, measured, limit, unit) {
    const pass = measured <= limit;
    this.targets.push({ label, pass });
    const shown = `${formatNumber(measured)} ${unit}`.padEnd(14);
    console.log(`  ${label.padEnd(46)} ${shown} target ≤ ${formatNumber(limit)} ${unit}  ${pass ? 'PASS' : 'FAIL'}`);
  }
}

export function formatNumber(value) {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}
