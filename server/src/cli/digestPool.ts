import { readDigest, type DigestJob, type DigestOutcome } from './readDigests';

/** Reads every job's digest, in the jobs' order. */
export async function readDigests(jobs: readonly DigestJob[], today: string): Promise<DigestOutcome[]> {
  return jobs.map((job) => readDigest(job, today));
}
