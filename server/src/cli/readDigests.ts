import { readFileSync } from 'node:fs';
import { analyze } from '../core/analysis/analyze';
import type { PostmortemConfig } from '../core/analysis/types';
import { digestOf, type PostmortemDigest } from '../core/insights/digest';
import { rules } from '../core/rules/index';
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
 * Reads one postmortem into its digest. The figures need no diagnostics: with every rule off, the
 * analysis is the parse alone. Never throws: a file that cannot be read or decoded is a problem
 * message naming it.
 */
export function readDigest(job: DigestJob, today: string): DigestOutcome {
  let bytes: Buffer;
  try {
    bytes = readFileSync(job.file);
  } catch (error) {
    return { problem: `${job.path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  const document = decodeDocument(bytes);
  if (document.kind === 'not-utf8') return { problem: `${job.path}: ${document.message}` };
  const analysis = analyze(document.text, { config: { ...job.config, rules: RULES_OFF }, today });
  return { digest: digestOf(job.path, analysis) };
}
