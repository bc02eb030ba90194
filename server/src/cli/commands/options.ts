import { parseIsoDay } from '../../core/language/time';
import { UsageError } from '../usageError';

/**
 * Argument reading shared by every command: `--name value`, `--name=value`, short aliases
 * (`-o`), flags, and `--` to end the options. `-` is an argument (standard input).
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
