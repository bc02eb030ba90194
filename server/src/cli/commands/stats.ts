import { calendarDateOf, formatDate } from '../../core/language/time';
import type { PostmortemDigest } from '../../core/insights/digest';
import { computeStats } from '../../core/insights/stats';
import { formatStatsText } from '../../core/insights/statsText';
import { renderInsights } from '../../core/render/insightsHtml';
import { ConfigResolver } from '../configs';
import { discoverFiles } from '../discovery';
import { displayPath } from '../displayPath';
import { runFileTask } from '../filePool';
import { printError, useColour } from '../terminal';
import { InputError, UsageError } from '../usageError';
import { writeResult } from './documentFiles';
import { parseOptions, todayOption } from './options';
import { runCommand } from './runCommand';

export const STATS_USAGE = `Usage: postmortem stats [options] [PATH...]

Figures across the postmortems found (each PATH is a file or a folder, searched recursively for
*.postmortem files; the current folder without a PATH): incidents by severity, service and
month, the median duration and times to detect, respond and mitigate, action items by state,
services with recurring incidents and incidents with alike causes. Only type: incident feeds
the incident figures; the action items of every postmortem count. docs/stats.md describes
every figure.

Options:
  --format text|json|html   output format (default: text); html is a standalone page with charts
  --since YYYY-MM-DD        only postmortems whose incident started on or after this day
  --until YYYY-MM-DD        only postmortems whose incident started on or before this day
  --today YYYY-MM-DD        the day overdue items and ages count from (default: today, UTC)
  -o, --output FILE         write to FILE instead of standard output
  --config FILE             use this configuration file instead of the nearest .postmortemrc.json
  -h, --help                show this help

Files that cannot be read and dates that cannot be read are named on standard error.
Exit status: 0 done, 2 bad usage, a missing path, no .postmortem files found, a configuration
problem, or a file that cannot be read (the figures are still written, without it).
`;

const FORMATS = ['text', 'json', 'html'];

function dayOption(name: string, value: string | undefined): string | undefined {
  try {
    return todayOption(value);
  } catch {
    throw new UsageError(`${name} must be a real date written YYYY-MM-DD, not "${value}"`);
  }
}

/** `postmortem stats`: see STATS_USAGE. Returns the exit status. */
export async function run(args: string[]): Promise<number> {
  return runCommand('stats', async () => {
    const options = parseOptions(args, {
      values: { '--format': ['-f'], '--since': [], '--until': [], '--today': [], '--output': ['-o'], '--config': [] },
      flags: [],
    });
    if (options.flags.has('--help')) {
      await writeResult(undefined, STATS_USAGE);
      return 0;
    }
    const format = options.values.get('--format') ?? 'text';
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be text, json or html, not "${format}"`);
    const since = dayOption('--since', options.values.get('--since'));
    const until = dayOption('--until', options.values.get('--until'));
    if (since && until && since > until) throw new UsageError(`--since ${since} is after --until ${until}`);
    const today = todayOption(options.values.get('--today'));
    const paths = options.positionals.length ? options.positionals : ['.'];

    const { files, problems } = discoverFiles(paths);
    if (problems.length) throw new InputError(problems.join('\n'));
    const configs = new ConfigResolver(options.values.get('--config'));
    const jobs = files.map((file) => ({ file, path: displayPath(file), config: configs.configFor(file).config }));
    const configProblems = configs.loaded().flatMap((loaded) => loaded.problems);
    if (configProblems.length) throw new InputError(configProblems.join('\n'));

    const day = today ?? configuredToday(jobs) ?? formatDate(calendarDateOf(Date.now()));
    const outcomes = await runFileTask('digest', jobs, day);
    const digests: PostmortemDigest[] = [];
    const unreadable: string[] = [];
    for (const outcome of outcomes) {
      if ('problem' in outcome) unreadable.push(outcome.problem);
      else digests.push(outcome.digest);
    }
    const report = computeStats(digests, { today: day, since, until });
    const partlyParsed = digests.filter((d) => d.syntaxErrors > 0);
    const output = format === 'json' ? `${JSON.stringify(report.stats, null, 2)}\n` : format === 'html' ? renderInsights(report, { standalone: true }) : formatStatsText(report, useColour(process.stdout) && !options.values.has('--output'));
    await writeResult(options.values.get('--output'), output);

    for (const problem of unreadable) printError(problem);
    if (unreadable.length) printError(`${unreadable.length} of ${files.length} files could not be read and are not in the figures`);
    for (const digest of partlyParsed) printError(`${digest.path}: ${digest.syntaxErrors} syntax error${digest.syntaxErrors === 1 ? '' : 's'}; the figures use what could be parsed (run postmortem check)`);
    for (const problem of report.problems) printError(problem);
    return unreadable.length ? 2 : 0;
  });
}

/** `today` from the configuration files, when they all agree on one. */
function configuredToday(jobs: { config: { today?: string } }[]): string | undefined {
  const days = new Set(jobs.map((job) => job.config.today));
  return days.size === 1 ? [...days][0] : undefined;
}
