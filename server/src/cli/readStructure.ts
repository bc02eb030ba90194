import { analyze } from '../core/analysis/analyze';
import type { Analysis, PostmortemConfig } from '../core/analysis/types';
import { rules } from '../core/rules/index';
import { UnreadableFile } from '../node/regularFile';
import { decodeDocument } from './readDocument';

const RULES_OFF = Object.fromEntries(rules.map((rule) => [rule.code, 'off' as const]));

/**
 * A file's tree for the commands that show no diagnostics (`stats`, `actions`): with every rule
 * off, the analysis is the parse alone. A file that could not be read or is not UTF-8 is a problem
 * message naming it, as `path` names it.
 */
export function readStructure(
  job: { path: string; config: Partial<PostmortemConfig> },
  today: string | undefined,
  bytes: Buffer | UnreadableFile,
): { analysis: Analysis } | { problem: string } {
  if (bytes instanceof UnreadableFile) return { problem: `${job.path}: ${bytes.message}` };
  const document = decodeDocument(bytes);
  if (document.kind === 'not-utf8') return { problem: `${job.path}: ${document.message}` };
  return { analysis: analyze(document.text, { config: { ...job.config, rules: RULES_OFF }, today }) };
}
