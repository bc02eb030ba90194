import { parentPort, workerData } from 'node:worker_threads';
import { readDigest, type DigestJob } from './readDigests';

/** A worker of digestPool.ts: reads its share of the files and posts the digests back, in order. */
const { jobs, today } = workerData as { jobs: DigestJob[]; today: string };
parentPort!.postMessage(jobs.map((job) => readDigest(job, today)));
