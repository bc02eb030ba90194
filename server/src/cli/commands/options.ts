import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyze } from '../../core/analysis/analyze';
import { MAX_DOCUMENT_BYTES, readRegularFile, UnreadableFile } from '../../node/regularFile';
import type { Analysis } from '../../core/analysis/types';
import { parseIsoDay } from '../../core/language/time';
import { ConfigResolver } from '../configs';
import { displayPath } from '../displayPath';
import { decodeDocument } from '../readDocument';
import { printError, writeOut } from '../terminal';
import { InputError, UsageError } from '../usageError';

/**
 * Argument reading shared by `render`, `export` and `actions`: `--name value`, `--name=value`,
 * short aliases (`-o`), flags, and `--` to end the options. `-` is an argument (standard input).
 */
export interface OptionSpec {
  /** Options that take a value, with their short aliases: `{ '--output': ['-o'] }`. */
  values: Record<string, string[]>;
  /** Options without a value. */
  flags: string[];
  /** A value option given twice: refused, or the last one wins (`check`'s long-standing rule). */
  repeated?: 'refuse' | 'last';
}

export interface ParsedOptions {
  values: Map<string, string>;
  flags: Set<string>;
  positionals: string[];
}

export function parseOptions(args: readonly string[], spec: OptionSpec): ParsedOptions {
  const parsed: ParsedOptions = { values: new Map(), flags: new Set(), positionals: [] };
  const canonical = new Map<string, string>();
  for (const [name, aliases] of Object.entries(spec.values)) for (const alias of [name, ...aliases]) canonical.set(alias, name);
  let optionsEnded = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      parsed.positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const given = equals > 0 ? arg.slice(0, equals) : arg;
    if (spec.flags.includes(given) || given === '--help' || given === '-h') {
      if (equals > 0) throw new UsageError(`option ${given} takes no value`);
      parsed.flags.add(given === '-h' ? '--help' : given);
      continue;
    }
    const name = canonical.get(given);
    if (!name) throw new UsageError(`unknown option ${given}`);
    let value: string;
    if (equals > 0) value = arg.slice(equals + 1);
    else if (i + 1 < args.length) value = args[++i];
    else throw new UsageError(`option ${given} needs a value`);
    if (parsed.values.has(name) && spec.repeated !== 'last') throw new UsageError(`option ${name} given twice`);
    parsed.values.set(name, value);
  }
  return parsed;
}

/** `--today`: a real calendar date written YYYY-MM-DD. */
export function todayOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !parseIsoDay(value)) throw new UsageError(`--today must be a real date written YYYY-MM-DD, not "${value}"`);
  return value;
}

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

/**
 * Runs a command's body and turns usage and input problems into messages on stderr and exit
 * status 2, the way every `postmortem` command reports them.
 */
export async function runCommand(name: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) {
      printError(error.message, `Run "postmortem ${name} --help" for the options.`);
      return 2;
    }
    if (error instanceof InputError) {
      error.problems.forEach((problem) => printError(problem));
      return 2;
    }
    throw error;
  }
}
