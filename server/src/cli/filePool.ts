import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { runTaskOnJobs, type FileTaskName, type JobOf, type OutcomeOf, type SettingsOf } from './fileTasks';
import { printError } from './terminal';

/**
 * Below this many files a worker's start-up (it loads the parser and the rules: about 60 ms of
 * CPU) costs more than it saves.
 */
const FILES_PER_WORKER = 400;
const MAX_WORKERS = 4;
/** The worker bundle, next to cli.js in dist/ (absent when the sources run unbundled, as in unit tests). */
const WORKER_SCRIPT = join(__dirname, 'fileWorker.js');

/**
 * Cores nobody else is using, from the last minute's load average (0 where the system has none,
 * as on Windows).
 */
function idleCores(): number {
  return Math.round(availableParallelism() - loadavg()[0]);
}

/** `POSTMORTEM_THREADS`, when it is a whole number from 1: the threads a command is told to use. */
function threadsAsked(): number | undefined {
  const asked = Number(process.env.POSTMORTEM_THREADS);
  return Number.isInteger(asked) && asked >= 1 ? asked : undefined;
}

/**
 * How many threads share the files: one per idle core, less one. One thread already keeps 1.3–1.5
 * cores busy (V8 collects garbage and compiles on helper threads), and each new thread compiles
 * the parser and the rules anew. On the 2-core machine the bench runs on, two threads were 17–20%
 * slower than one for `check` and `stats` on 5,000 files, even idle; on busy cores they cost more
 * CPU and save nothing.
 */
function threadCount(files: number): number {
  const wanted = threadsAsked() ?? Math.max(1, idleCores() - 1);
  return Math.min(MAX_WORKERS, wanted, Math.floor(files / FILES_PER_WORKER) + 1);
}

/**
 * Runs a command's task on every job, outcomes in the jobs' order. Parsing is the cost, so with
 * many files and more than one core, worker threads take a share each while this thread runs its
 * own; `onOwn` hears of each of this thread's jobs as it starts (for a progress line).
 */
export async function runFileTask<T extends FileTaskName>(
  task: T,
  jobs: readonly JobOf<T>[],
  settings: SettingsOf<T>,
  onOwn?: (index: number, threads: number) => void,
): Promise<OutcomeOf<T>[]> {
  const threads = threadCount(jobs.length);
  if (process.env.POSTMORTEM_DEBUG) printError(`${jobs.length} files, ${threads} thread${threads === 1 ? '' : 's'}`);
  const runOwn = (own: readonly JobOf<T>[]) => runTaskOnJobs(task, own, settings, (i) => onOwn?.(i, threads));
  if (threads <= 1 || !existsSync(WORKER_SCRIPT)) return runOwn(jobs);
  // Contiguous slices keep each thread's files together on disk; the outcomes are joined in order.
  // Loaded only when threads are used: loading it was a visible share of a one-file check's start-up.
  const { Worker } = await import('node:worker_threads');
  const size = Math.ceil(jobs.length / threads);
  const slices = Array.from({ length: threads }, (_, i) => jobs.slice(i * size, (i + 1) * size));
  const workers = slices.slice(1).map(
    (slice) =>
      new Promise<OutcomeOf<T>[]>((resolve, reject) => {
        const worker = new Worker(WORKER_SCRIPT, { workerData: { task, jobs: slice, settings } });
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => code !== 0 && reject(new Error(`a worker reading postmortems stopped with status ${code}`)));
      }),
  );
  const own = runOwn(slices[0]);
  return [...own, ...(await Promise.all(workers)).flat()];
}
