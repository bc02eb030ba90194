import type { PostmortemConfig } from '../core/analysis/types';
import { digestOf, type PostmortemDigest } from '../core/insights/digest';
import type { UnreadableFile } from '../node/regularFile';
import { readStructure } from './readStructure';

export interface DigestJob {
  file: string;
  /** How output names the file. */
  path: string;
  config: Partial<PostmortemConfig>;
}

export type DigestOutcome = { digest: PostmortemDigest } | { problem: string };

/** One postmortem's digest, from its bytes. Never throws (see `readStructure`). */
export function readDigest(job: DigestJob, today: string, bytes: Buffer | UnreadableFile): DigestOutcome {
  const read = readStructure(job, today, bytes);
  if ('problem' in read) return read;
  // A copy, as for the ledger (fileTasks.ts): the digest's texts are slices that would keep the
  // whole document in memory (5% of `stats` on 5,000 files).
  return { digest: structuredClone(digestOf(job.path, read.analysis)) };
}
