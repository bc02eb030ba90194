import { parseIsoDay } from '../language/time';
import { UsageError } from './usageError';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface CheckArguments {
  format: OutputFormat;
  /** `YYYY-MM-DD`; wins over the configuration's `today`. */
  today?: string;
  /** A configuration file for every checked file instead of the nearest `.postmortemrc.json`. */
  config?: string;
  /** Exit with status 1 when there are more warnings than this. */
  maxWarnings?: number;
  fix: boolean;
  help: boolean;
  /** Files and folders as given; the current folder when none is. */
  paths: string[];
}

const VALUE_OPTIONS = ['--format', '--today', '--config', '--max-warnings'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

/** Reads `check`'s arguments; `--name value` and `--name=value` both work, `--` ends the options. */
export function parseCheckArguments(args: readonly string[]): CheckArguments {
  const result: CheckArguments = { format: 'text', fix: false, help: false, paths: [] };
  let optionsEnded = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      result.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals > 0 ? arg.slice(0, equals) : arg;
    if (name === '--help' || name === '-h' || name === '--fix') {
      if (equals > 0) throw new UsageError(`option ${name} takes no value`);
      if (name === '--fix') result.fix = true;
      else result.help = true;
      continue;
    }
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) throw new UsageError(`unknown option ${name}`);
    let value: string;
    if (equals > 0) value = arg.slice(equals + 1);
    else if (i + 1 < args.length) value = args[++i];
    else throw new UsageError(`option ${name} needs a value`);
    setOption(result, name as ValueOption, value);
  }
  if (result.paths.length === 0) result.paths.push('.');
  return result;
}

function setOption(result: CheckArguments, name: ValueOption, value: string): void {
  switch (name) {
    case '--format':
      if (!(OUTPUT_FORMATS as readonly string[]).includes(value)) {
        throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}, not "${value}"`);
      }
      result.format = value as OutputFormat;
      return;
    case '--today':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !parseIsoDay(value)) {
        throw new UsageError(`--today must be a real date written YYYY-MM-DD, not "${value}"`);
      }
      result.today = value;
      return;
    case '--config':
      if (!value) throw new UsageError('--config needs a file name');
      result.config = value;
      return;
    case '--max-warnings':
      if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
        throw new UsageError(`--max-warnings must be a whole number of 0 or more, not "${value}"`);
      }
      result.maxWarnings = Number(value);
      return;
  }
}

export const CHECK_USAGE = `Usage: postmortem check [options] [PATH...]

Checks .postmortem files. Each PATH is a file or a folder; folders are searched recursively for
*.postmortem files (node_modules and .git are skipped). Without a PATH the current folder is
checked.

Options:
  --format text|json|sarif  output format (default: text)
  --today YYYY-MM-DD        the date overdue checks count from (overrides the configuration)
  --config FILE             use this configuration file instead of the nearest .postmortemrc.json
  --max-warnings N          fail when there are more than N warnings
  --fix                     apply every automatic fix, then report what remains
  -h, --help                show this help

Exit status: 0 no errors, 1 errors (or more warnings than --max-warnings),
2 bad usage, a missing or unreadable path, no .postmortem files found, or a configuration problem.
`;
