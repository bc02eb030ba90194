import type { PostmortemConfig } from '../core/analysis/types';
import { ledgerEntriesOf, type LedgerEntry } from '../core/render/actionsLedger';
import { MAX_DOCUMENT_BYTES, readRegularFile, type UnreadableFile } from '../node/regularFile';
import { checkFile, type FileOutcome } from './checkFile';
import { readDigest, type DigestJob, type DigestOutcome } from './readDigests';
import type { ReadAhead } from './readAhead';
import { readStructure } from './readStructure';

/** One file for a command: where it is, how output names it, and its configuration. */
export interface FileJob {
  file: string;
  path: string;
  config: Partial<PostmortemConfig>;
}

export interface CheckSettings {
  today?: string;
  fix: boolean;
  /** Whether the output shows quick fixes (SARIF does): the others need only what was found. */
  keepFixes: boolean;
}

export type LedgerOutcome = { entries: LedgerEntry[]; today: string } | { problem: string };

/** The ledger's view of one file: its action items, and the day the analysis counted from. */
export function readLedgerEntries(job: FileJob, today: string | undefined, bytes: Buffer | UnreadableFile): LedgerOutcome {
  const read = readStructure(job, today, bytes);
  if ('problem' in read) return read;
  const { analysis } = read;
  // The items' texts are slices of the document, and a slice keeps the whole document alive: a
  // copy lets each file's text go as soon as it is read (5-7% of `actions` on 5,000 files, spent
  // by the collector copying texts that were no longer needed).
  return { entries: structuredClone(ledgerEntriesOf({ path: job.path, analysis })), today: analysis.today };
}

/**
 * What a command does with each of its files, by name, so that a worker thread (fileWorker.ts)
 * runs exactly the function the main thread runs on its own share. Each gets the file's bytes, or
 * why they could not be read.
 */
export const FILE_TASKS = {
  check: (job: FileJob, settings: CheckSettings, bytes: Buffer | UnreadableFile): FileOutcome =>
    checkFile(job.file, job.path, bytes, { config: job.config, today: settings.today }, settings),
  digest: (job: DigestJob, today: string, bytes: Buffer | UnreadableFile): DigestOutcome => readDigest(job, today, bytes),
  ledger: (job: FileJob, today: string | undefined, bytes: Buffer | UnreadableFile): LedgerOutcome => readLedgerEntries(job, today, bytes),
};

/** The task's function, with the types of its own job, settings and outcome. */
function taskOf<T extends FileTaskName>(task: T): (job: JobOf<T>, settings: SettingsOf<T>, bytes: Buffer | UnreadableFile) => OutcomeOf<T> {
  return FILE_TASKS[task] as (job: JobOf<T>, settings: SettingsOf<T>, bytes: Buffer | UnreadableFile) => OutcomeOf<T>;
}

function readJobFile(file: string): Buffer | UnreadableFile {
  try {
    return readRegularFile(file, MAX_DOCUMENT_BYTES);
  } catch (error) {
    return error as UnreadableFile;
  }
}

/**
 * Runs a task on each job in order, each file read with the same care whatever the command;
 * `onEach` hears of each job as it starts.
 */
export function runTaskOnJobs<T extends FileTaskName>(task: T, jobs: readonly JobOf<T>[], settings: SettingsOf<T>, onEach?: (index: number) => void): OutcomeOf<T>[] {
  const run = taskOf(task);
  return jobs.map((job, i) => {
    onEach?.(i);
    return run(job, settings, readJobFile(job.file));
  });
}

/** `runTaskOnJobs` with the files read on a thread of their own (readAhead.ts), a batch at a time. */
export async function runTaskReadingAhead<T extends FileTaskName>(
  task: T,
  jobs: readonly JobOf<T>[],
  settings: SettingsOf<T>,
  reader: ReadAhead,
  onEach?: (index: number) => void,
): Promise<OutcomeOf<T>[]> {
  const run = taskOf(task);
  const outcomes: OutcomeOf<T>[] = [];
  while (outcomes.length < jobs.length) {
    for (const bytes of await reader.next()) {
      onEach?.(outcomes.length);
      outcomes.push(run(jobs[outcomes.length], settings, bytes));
    }
  }
  return outcomes;
}

export type FileTaskName = keyof typeof FILE_TASKS;
export type JobOf<T extends FileTaskName> = Parameters<(typeof FILE_TASKS)[T]>[0];
export type SettingsOf<T extends FileTaskName> = Parameters<(typeof FILE_TASKS)[T]>[1];
export type OutcomeOf<T extends FileTaskName> = ReturnType<(typeof FILE_TASKS)[T]>;
