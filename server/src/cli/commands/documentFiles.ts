import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyze } from '../../core/analysis/analyze';
import type { Analysis } from '../../core/analysis/types';
import { MAX_DOCUMENT_BYTES, readRegularFile, UnreadableFile } from '../../node/regularFile';
import { ConfigResolver } from '../configs';
import { displayPath } from '../displayPath';
import { decodeDocument } from '../readDocument';
import { writeOut } from '../terminal';
import { InputError, UsageError } from '../usageError';

function reason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** Reads one document (a file, or standard input for `-`) and analyses it with its configuration. */
export function loadAnalysis(file: string, options: { config?: string; today?: string }): { analysis: Analysis; path: string } {
  const fromStdin = file === '-';
  const path = fromStdin ? '<stdin>' : displayPath(file);
  let bytes: Buffer;
  try {
    bytes = fromStdin ? readFileSync(0) : readRegularFile(resolve(file), MAX_DOCUMENT_BYTES);
  } catch (error) {
    const code = reason(error);
    const problem = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder; give one .postmortem file' : error instanceof UnreadableFile ? error.message : `cannot be read (${code})`;
    throw new InputError(`${path}: ${problem}`);
  }
  const document = decodeDocument(bytes);
  if (document.kind === 'not-utf8') throw new InputError(`${path}: ${document.message}`);
  const configs = new ConfigResolver(options.config);
  const loaded = configs.configFor(fromStdin ? resolve('stdin.postmortem') : file);
  if (loaded.problems.length) throw new InputError(loaded.problems);
  return { analysis: analyze(document.text, { config: loaded.config, today: options.today }), path };
}

/**
 * Refuses `-o` naming the input file itself (by any path or link): writing the result there would
 * replace the postmortem with its Markdown or HTML.
 */
export function refuseOverwritingInput(input: string, output: string | undefined): void {
  if (output === undefined || output === '-' || input === '-') return;
  let same = resolve(input) === resolve(output);
  try {
    const a = statSync(resolve(input));
    const b = statSync(resolve(output));
    same ||= a.dev === b.dev && a.ino === b.ino;
  } catch {
    // one of them does not exist yet: only the same path can be the same file
  }
  if (same) throw new UsageError(`-o ${output} is the input file; choose another output file`);
}

/** Writes the result to `-o FILE`, or to standard output without one (or with `-o -`). */
export async function writeResult(output: string | undefined, text: string): Promise<void> {
  if (output === undefined || output === '-') {
    await writeOut(text);
    return;
  }
  try {
    writeFileSync(resolve(output), text, 'utf8');
  } catch (error) {
    const code = reason(error);
    throw new InputError(`${displayPath(output)}: cannot be written (${code === 'ENOENT' ? 'no such folder' : code})`);
  }
}
