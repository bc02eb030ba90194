import { parentPort, workerData } from 'node:worker_threads';
import { readRegularFile, UnreadableFile } from '../node/regularFile';
import type { ReadBatch, ReaderData } from './readAhead';

/**
 * The reading thread of readAhead.ts: reads the files in order, a batch at a time, and waits
 * while it is `window` batches ahead of the thread that analyses them.
 */
const { files, maxBytes, batchSize, window, consumed } = workerData as ReaderData;
const done = new Int32Array(consumed);
let sent = 0;
for (let start = 0; start < files.length; start += batchSize) {
  for (let seen = Atomics.load(done, 0); sent - seen >= window; seen = Atomics.load(done, 0)) Atomics.wait(done, 0, seen);
  const batch: ReadBatch = [];
  const transfer: ArrayBuffer[] = [];
  for (const file of files.slice(start, start + batchSize)) {
    try {
      // A copy of its own, which can move to the other thread without being copied again.
      const bytes = new Uint8Array(readRegularFile(file, maxBytes));
      batch.push(bytes);
      transfer.push(bytes.buffer);
    } catch (error) {
      batch.push({ message: (error as UnreadableFile).message, code: (error as UnreadableFile).code });
    }
  }
  parentPort!.postMessage(batch, transfer);
  sent++;
}
