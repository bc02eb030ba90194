import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UnreadableFile } from '../node/regularFile';

/** What the reading thread (fileReader.ts) is given. */
export interface ReaderData {
  files: string[];
  maxBytes: number;
  batchSize: number;
  /** How many batches it may read ahead of the ones consumed. */
  window: number;
  /** One Int32: the batches consumed so far. */
  consumed: SharedArrayBuffer;
}

/** One batch of files, in order: the bytes, or why they could not be read. */
export type ReadBatch = (Uint8Array | { message: string; code?: string })[];

/** Next to cli.js in dist/ (absent when the sources run unbundled, as in unit tests). */
const READER_SCRIPT = join(__dirname, 'fileReader.js');
const BATCH_SIZE = 32;
const WINDOW = 8;

/**
 * Reads files on a thread of its own, in order, while this thread analyses the ones before: on the
 * 2-core machine the system calls of opening and reading 5,000 files were an eighth of `actions`.
 * At most `WINDOW` batches are read ahead, so a slow analysis never has the whole tree in memory.
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
    const data: ReaderData = { files, maxBytes, batchSize: BATCH_SIZE, window: WINDOW, consumed: this.consumed.buffer as SharedArrayBuffer };
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
