import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { runTaskOnJobs, runTaskReadingAhead, type FileTaskName, type JobOf, type OutcomeOf, type SettingsOf } from './fileTasks';
import { ReadAhead } from './readAhead';
import { MAX_DOCUMENT_BYTES } from '../node/regularFile';
import { printError } from './terminal';

/**
 * Below this many files a worker's start-up (it loads the parser and the rules: about 60 ms of
 * CPU) costs more than it saves.
 */
const FILES_PER_WORKER = 400;
const MAX_WORKERS = 4;
/**
 * The tasks whose files a thread of their own reads ahead (readAhead.ts). It pays where the
 * analysis is the bottleneck: on 5,000 files `check` took 5.7–8.5% less time with it. `stats` and
 * `actions` only parse, their collector's helper threads already keep the other core busy, and
 * they took as long either way (−1.4% to +0.8%).
 */
const READ_AHEAD_TASKS: ReadonlySet<FileTaskName> = new Set(['check']);
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
  const size = Math.ceil(jobs.length / threads);
  // Starting the reading thread costs little, but below this many files there is little to gain.
  const readAhead = READ_AHEAD_TASKS.has(task) && size >= FILES_PER_WORKER && ReadAhead.available();
  if (process.env.POSTMORTEM_DEBUG) printError(`${jobs.length} files, ${threads} thread${threads === 1 ? '' : 's'}${readAhead ? ', read ahead' : ''}`);
  const onEach = (i: number) => onOwn?.(i, threads);
  const runOwn = async (own: readonly JobOf<T>[]) => {
    if (!readAhead) return runTaskOnJobs(task, own, settings, onEach);
    const { Worker } = await import('node:worker_threads');
    const reader = new ReadAhead(Worker, own.map((job) => job.file), MAX_DOCUMENT_BYTES);
    try {
      return await runTaskReadingAhead(task, own, settings, reader, onEach);
    } finally {
      reader.close();
    }
  };
  if (threads <= 1 || !existsSync(WORKER_SCRIPT)) return runOwn(jobs);
  // Contiguous slices keep each thread's files together on disk; the outcomes are joined in order.
  // Loaded only when threads are used: loading it was a visible share of a one-file check's start-up.
  const { Worker } = await import('node:worker_threads');
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
  const own = await runOwn(slices[0]);
  return [...own, ...(await Promise.all(workers)).flat()];
}
