import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UnreadableFile } from '../node/regularFile';

/** What the reading thread (fileReader.ts) is given. */
export interface ReaderData {
  files: string[];
  maxBytes: number;
  /** A batch ends at this many files or at `batchBytes`, whichever comes first. */
  batchFiles: number;
  batchBytes: number;
  /** It reads no further while this many batches, or this many bytes, wait to be consumed. */
  aheadBatches: number;
  aheadBytes: number;
  /** One Int32: the batches consumed so far. */
  consumed: SharedArrayBuffer;
}

/** One batch of files, in order: the bytes, or why they could not be read. */
export type ReadBatch = (Uint8Array | { message: string; code?: string })[];

/** Next to cli.js in dist/ (absent when the sources run unbundled, as in unit tests). */
const READER_SCRIPT = join(__dirname, 'fileReader.js');
/**
 * How far ahead it reads: 8 batches of up to 32 files, and no further once 8 MB wait. A repository
 * of 30 MB documents then has at most 8 MB and a batch in memory (a batch ends after the file that
 * takes it past 1 MB), not the whole tree.
 */
const LIMITS = { batchFiles: 32, batchBytes: 1024 * 1024, aheadBatches: 8, aheadBytes: 8 * 1024 * 1024 };

/**
 * Reads files on a thread of its own, in order, while this thread analyses the ones before: on the
 * 2-core machine opening and reading were a sixth of the time `check` spent on 5,000 files.
 */
export class ReadAhead {
  static available(): boolean {
    return existsSync(READER_SCRIPT);
  }

  private readonly consumed = new Int32Array(new SharedArrayBuffer(4));
  private readonly batches: ReadBatch[] = [];
  private waiting: { resolve: (batch: ReadBatch) => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;
  private readonly worker: import('node:worker_threads').Worker;

  constructor(Worker: typeof import('node:worker_threads').Worker, files: string[], maxBytes: number) {
    const data: ReaderData = { files, maxBytes, ...LIMITS, consumed: this.consumed.buffer as SharedArrayBuffer };
    this.worker = new Worker(READER_SCRIPT, { workerData: data });
    this.worker.on('message', (batch: ReadBatch) => {
      const waiting = this.waiting;
      this.waiting = undefined;
      if (waiting) waiting.resolve(batch);
      else this.batches.push(batch);
    });
    const fail = (error: Error) => {
      this.failure = error;
      this.waiting?.reject(error);
    };
    this.worker.once('error', fail);
    this.worker.once('exit', (code) => code !== 0 && fail(new Error(`the thread reading postmortems stopped with status ${code}`)));
  }

  /** The next batch of files, as `Buffer`s or `UnreadableFile`s. */
  async next(): Promise<(Buffer | UnreadableFile)[]> {
    if (this.failure) throw this.failure;
    const batch = this.batches.shift() ?? (await new Promise<ReadBatch>((resolve, reject) => (this.waiting = { resolve, reject })));
    Atomics.add(this.consumed, 0, 1);
    Atomics.notify(this.consumed, 0);
    return batch.map((read) => (read instanceof Uint8Array ? Buffer.from(read.buffer, read.byteOffset, read.byteLength) : new UnreadableFile(read.message, read.code)));
  }

  close(): void {
    void this.worker.terminate();
  }
}
