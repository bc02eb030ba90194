// `npm run bench`: the core first, then every bench/*.bench.mjs in name order. Each section is a
// module whose default export takes the Bench (lib/harness.mjs) and prints its figures.
import { readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Bench } from './lib/harness.mjs';

const benchFolder = dirname(fileURLToPath(import.meta.url));
const bench = new Bench(dirname(benchFolder));
const sections = ['core.mjs', ...readdirSync(benchFolder).filter((name) => name.endsWith('.bench.mjs')).sort()];

console.log(`# postmortem benchmark — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`);
// Other work on the machine slows every figure; the load average says how busy it was.
console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
try {
  for (const name of sections) {
    const section = await import(pathToFileURL(join(benchFolder, name)).href);
    await section.default(bench);
  }
} finally {
  bench.cleanUp();
}

const missed = bench.targets.filter((t) => !t.pass);
console.log(`\n${bench.targets.length - missed.length} of ${bench.targets.length} targets met${missed.length ? `; missed: ${missed.map((t) => t.label).join('; ')}` : ''}`);
process.exitCode = missed.length ? 1 : 0;
