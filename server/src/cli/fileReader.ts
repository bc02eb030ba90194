import { parentPort, workerData } from 'node:worker_threads';
import { readRegularFile, UnreadableFile } from '../node/regularFile';
import type { ReadBatch, ReaderData } from './readAhead';

/**
 * The reading thread of readAhead.ts: reads the files in order, a batch at a time, and waits while
 * the batches it sent and the other thread has not consumed reach `aheadBatches` or `aheadBytes`.
 */
const { files, maxBytes, batchFiles, batchBytes, aheadBatches, aheadBytes, consumed } = workerData as ReaderData;
const done = new Int32Array(consumed);
/** The bytes of each batch sent, by its number. */
const sentBytes: number[] = [];

function waitingBytes(consumedBatches: number): number {
  let bytes = 0;
  for (let i = consumedBatches; i < sentBytes.length; i++) bytes += sentBytes[i];
  return bytes;
}

let next = 0;
while (next < files.length) {
  for (let seen = Atomics.load(done, 0); sentBytes.length - seen >= aheadBatches || waitingBytes(seen) >= aheadBytes; seen = Atomics.load(done, 0)) {
    Atomics.wait(done, 0, seen);
  }
  const batch: ReadBatch = [];
  const transfer: ArrayBuffer[] = [];
  let bytes = 0;
  while (next < files.length && batch.length < batchFiles && bytes < batchBytes) {
    try {
      // A copy of its own, which can move to the other thread without being copied again.
      const read = new Uint8Array(readRegularFile(files[next], maxBytes));
      batch.push(read);
      transfer.push(read.buffer);
      bytes += read.byteLength;
    } catch (error) {
      batch.push({ message: (error as UnreadableFile).message, code: (error as UnreadableFile).code });
    }
    next++;
  }
  parentPort!.postMessage(batch, transfer);
  sentBytes.push(bytes);
}
