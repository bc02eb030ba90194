import { analyze } from '../core/analysis/analyze';
import type { PostmortemConfig } from '../core/analysis/types';
import { digestOf, type PostmortemDigest } from '../core/insights/digest';
import { rules } from '../core/rules/index';
import { UnreadableFile } from '../node/regularFile';
import { decodeDocument } from './readDocument';

const RULES_OFF = Object.fromEntries(rules.map((rule) => [rule.code, 'off' as const]));

export interface DigestJob {
  file: string;
  /** How output names the file. */
  path: string;
  config: Partial<PostmortemConfig>;
}

export type DigestOutcome = { digest: PostmortemDigest } | { problem: string };

/**
 * One postmortem's digest, from its bytes. The figures need no diagnostics: with every rule off, the
 * analysis is the parse alone. Never throws: a file that cannot be read or decoded is a problem
 * message naming it.
 */
export function readDigest(job: DigestJob, today: string, bytes: Buffer | UnreadableFile): DigestOutcome {
  if (bytes instanceof UnreadableFile) return { problem: `${job.path}: ${bytes.message}` };
  const document = decodeDocument(bytes);
  if (document.kind === 'not-utf8') return { problem: `${job.path}: ${document.message}` };
  const analysis = analyze(document.text, { config: { ...job.config, rules: RULES_OFF }, today });
  // A copy, as for the ledger (fileTasks.ts): the digest's texts are slices that would keep the
  // whole document in memory (5% of `stats` on 5,000 files).
  return { digest: structuredClone(digestOf(job.path, analysis)) };
}
