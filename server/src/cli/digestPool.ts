import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { readDigest, type DigestJob, type DigestOutcome } from './readDigests';

/** Below this many files a worker's start-up (about 60 ms: it loads the parser) costs more than it saves. */
const FILES_PER_WORKER = 400;
const MAX_WORKERS = 4;
/** The worker bundle, next to cli.js in dist/ (absent when the sources run unbundled, as in unit tests). */
const WORKER_SCRIPT = join(__dirname, 'digestWorker.js');

/**
 * Reads every job's digest, in the jobs' order. Parsing is the cost, so with many files and more
 * than one core, worker threads take a share each while this thread reads its own.
 */
export async function readDigests(jobs: readonly DigestJob[], today: string): Promise<DigestOutcome[]> {
  const threads = Math.min(MAX_WORKERS, availableParallelism(), Math.floor(jobs.length / FILES_PER_WORKER) + 1);
  if (threads <= 1 || !existsSync(WORKER_SCRIPT)) return jobs.map((job) => readDigest(job, today));
  // Contiguous slices keep each thread's files together on disk; the results are joined in order.
  const size = Math.ceil(jobs.length / threads);
  const slices = Array.from({ length: threads }, (_, i) => jobs.slice(i * size, (i + 1) * size));
  const workers = slices.slice(1).map(
    (slice) =>
      new Promise<DigestOutcome[]>((resolve, reject) => {
        const worker = new Worker(WORKER_SCRIPT, { workerData: { jobs: slice, today } });
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => code !== 0 && reject(new Error(`a worker reading postmortems stopped with status ${code}`)));
      }),
  );
  const own = slices[0].map((job) => readDigest(job, today));
  return [...own, ...(await Promise.all(workers)).flat()];
}
