import { calendarDateOf, formatDate } from '../../core/language/time';
import { LedgerBuilder, formatLedgerJson, formatLedgerText } from '../../core/render/actionsLedger';
import { ConfigResolver } from '../configs';
import { discoverFiles } from '../discovery';
import { displayPath } from '../displayPath';
import { runFileTask } from '../filePool';
import { printError, useColour, writeOut } from '../terminal';
import { InputError, UsageError } from '../usageError';
import { parseOptions, todayOption } from './options';
import { runCommand } from './runCommand';

export const ACTIONS_USAGE = `Usage: postmortem actions [options] [PATH...]

Lists every action item across the postmortems found (each PATH is a file or a folder, searched
recursively for *.postmortem files; the current folder without a PATH), grouped by owner and
sorted by due date, with status and overdue marks. An item is overdue when its due date has
passed and its status is not done, verified or dropped. Drills are listed separately.

Options:
  --format text|json        output format (default: text)
  --today YYYY-MM-DD        the date overdue items count from (overrides the configuration)
  --owner OWNER             only this owner's items (@name and name are the same owner)
  --overdue                 only overdue items
  --open                    only items that are not done, verified or dropped
  --fail-on-overdue         exit with status 1 when any listed item is overdue
  --config FILE             use this configuration file instead of the nearest .postmortemrc.json
  -h, --help                show this help

Exit status: 0 listed, 1 an overdue item listed with --fail-on-overdue,
2 bad usage, a missing or unreadable path, no .postmortem files found, or a configuration problem.
`;

const FORMATS = ['text', 'json'];

/** `postmortem actions`: see ACTIONS_USAGE. Returns the exit status. */
export async function run(args: string[]): Promise<number> {
  return runCommand('actions', async () => {
    const options = parseOptions(args, {
      values: { '--format': ['-f'], '--today': [], '--owner': [], '--config': [] },
      flags: ['--overdue', '--open', '--fail-on-overdue'],
    });
    if (options.flags.has('--help')) {
      await writeOut(ACTIONS_USAGE);
      return 0;
    }
    const format = options.values.get('--format') ?? 'text';
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be text or json, not "${format}"`);
    const owner = options.values.get('--owner');
    if (owner !== undefined && !owner.replace(/^@/, '').trim()) throw new UsageError('--owner needs a name such as @platform-team');
    const today = todayOption(options.values.get('--today'));
    if (options.positionals.includes('')) throw new UsageError('an empty PATH names no file or folder (use . for the current folder)');
    const paths = options.positionals.length ? options.positionals : ['.'];

    const { files, problems } = discoverFiles(paths);
    if (problems.length) throw new InputError(problems);
    const configs = new ConfigResolver(options.values.get('--config'));
    const configOfFile = files.map((file) => configs.configFor(file));
    const configProblems = configs.loaded().flatMap((loaded) => loaded.problems);
    if (configProblems.length) throw new InputError(configProblems);

    const ledger = new LedgerBuilder({ owner, overdueOnly: options.flags.has('--overdue'), openOnly: options.flags.has('--open') });
    const unreadable: string[] = [];
    const days = new Set<string>();
    const jobs = files.map((file, i) => ({ file, path: displayPath(file), config: configOfFile[i].config }));
    for (const outcome of await runFileTask('ledger', jobs, today)) {
      if ('problem' in outcome) {
        unreadable.push(outcome.problem);
        continue;
      }
      days.add(outcome.today);
      ledger.addEntries(outcome.entries);
    }

    // Every analysis resolved "today" the same way unless configurations set different dates.
    const ledgerToday = today ?? (days.size === 1 ? [...days][0] : formatDate(calendarDateOf(Date.now())));
    const result = ledger.build(ledgerToday);
    await writeOut(format === 'json' ? formatLedgerJson(result) : formatLedgerText(result, useColour(process.stdout)));
    unreadable.forEach((problem) => printError(problem));
    if (unreadable.length) return 2;
    return options.flags.has('--fail-on-overdue') && result.summary.overdue > 0 ? 1 : 0;
  });
}
