import { parseOptions, todayOption } from './options';
import { UsageError } from '../usageError';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'codequality'] as const;
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

/** Reads `check`'s arguments; `--name value` and `--name=value` both work, `--` ends the options. */
export function parseCheckArguments(args: readonly string[]): CheckArguments {
  const options = parseOptions(args, {
    values: { '--format': [], '--today': [], '--config': [], '--max-warnings': [] },
    flags: ['--fix'],
    repeated: 'last',
  });
  if (options.positionals.includes('')) throw new UsageError('an empty PATH names no file or folder (use . for the current folder)');
  const result: CheckArguments = {
    format: formatOption(options.values.get('--format')),
    fix: options.flags.has('--fix'),
    help: options.flags.has('--help'),
    paths: options.positionals.length ? options.positionals : ['.'],
  };
  const today = todayOption(options.values.get('--today'));
  if (today !== undefined) result.today = today;
  const config = options.values.get('--config');
  if (config !== undefined) {
    if (!config) throw new UsageError('--config needs a file name');
    result.config = config;
  }
  const maxWarnings = options.values.get('--max-warnings');
  if (maxWarnings !== undefined) {
    if (!/^\d+$/.test(maxWarnings) || !Number.isSafeInteger(Number(maxWarnings))) {
      throw new UsageError(`--max-warnings must be a whole number of 0 or more, not "${maxWarnings}"`);
    }
    result.maxWarnings = Number(maxWarnings);
  }
  return result;
}

function formatOption(value: string | undefined): OutputFormat {
  if (value === undefined) return 'text';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(value)) {
    throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}, not "${value}"`);
  }
  return value as OutputFormat;
}

export const CHECK_USAGE = `Usage: postmortem check [options] [PATH...]

Checks .postmortem files. Each PATH is a file or a folder; folders are searched recursively for
*.postmortem files (node_modules and .git are skipped; symbolic links are followed only when
they stay inside the folder). Without a PATH the current folder is checked.

Options:
  --format text|json|sarif|codequality
                            output format (default: text; codequality is GitLab's report)
  --today YYYY-MM-DD        the date overdue checks count from (overrides the configuration)
  --config FILE             use this configuration file instead of the nearest .postmortemrc.json
  --max-warnings N          fail when there are more than N warnings
  --fix                     apply every automatic fix, then report what remains
  -h, --help                show this help

Exit status: 0 no errors, 1 errors (or more warnings than --max-warnings),
2 bad usage, a missing or unreadable path, no .postmortem files found, or a configuration problem.
`;
