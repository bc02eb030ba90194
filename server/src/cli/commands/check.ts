import { rules } from '../../core/rules/index';
import { CHECK_USAGE, parseCheckArguments, type CheckArguments } from './checkArguments';
import { runCommand } from './runCommand';
import { ConfigResolver } from '../configs';
import { discoverFiles } from '../discovery';
import { displayPath } from '../displayPath';
import { runFileTask } from '../filePool';
import { formatJson } from '../formats/json';
import { formatSarif } from '../formats/sarif';
import { formatText } from '../formats/text';
import { ProgressLine } from '../progress';
import { summarize, type FileReport } from '../report';
import { printError, useColour, writeOut } from '../terminal';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `postmortem check`: see CHECK_USAGE. Returns the exit status. */
export function run(args: string[]): Promise<number> {
  return runCommand('check', () => check(parseCheckArguments(args)));
}

async function check(options: CheckArguments): Promise<number> {
  if (options.help) {
    await writeOut(CHECK_USAGE);
    return 0;
  }

  const { files, problems } = discoverFiles(options.paths);
  if (problems.length) {
    problems.forEach((problem) => printError(problem));
    return 2;
  }

  // Every configuration problem stops the run before any file is checked: a CI job must not
  // pass on settings it silently ignored.
  const configs = new ConfigResolver(options.config);
  const configOfFile = files.map((file) => configs.configFor(file));
  const configProblems = configs.loaded().flatMap((loaded) => loaded.problems);
  if (configProblems.length) {
    configProblems.forEach((problem) => printError(problem));
    return 2;
  }

  const reports: FileReport[] = [];
  const fileProblems: string[] = [];
  let fixesApplied = 0;
  let filesFixed = 0;
  const progress = new ProgressLine(process.stderr, files.length);
  const jobs = files.map((file, i) => ({ file, path: displayPath(file), config: configOfFile[i].config }));
  // This thread's share comes first: its place in it, times the threads, is about how far all are.
  const onOwn = (i: number, threads: number) => progress.update(Math.min(i * threads, files.length), jobs[i].path);
  const outcomes = await runFileTask('check', jobs, { today: options.today, fix: options.fix, keepFixes: options.format === 'sarif' }, onOwn);
  for (const outcome of outcomes) {
    if (outcome.report) reports.push(outcome.report);
    if (outcome.problem) fileProblems.push(outcome.problem);
    if (outcome.fixesApplied) {
      fixesApplied += outcome.fixesApplied;
      filesFixed++;
    }
  }
  progress.clear();

  const summary = summarize(reports);
  if (options.format === 'json') await writeOut(formatJson(reports, summary));
  else if (options.format === 'sarif') await writeOut(formatSarif(reports, rules));
  // Loaded only for its format: it needs node:crypto, whose loading was 5% of a one-file check.
  else if (options.format === 'codequality') await writeOut((await import('../formats/codequality')).formatCodeQuality(reports));
  else await writeOut(formatText(reports, summary, useColour(process.stdout)));

  if (options.fix) printError(`fixed ${plural(fixesApplied, 'problem')} in ${plural(filesFixed, 'file')}`);
  fileProblems.forEach((problem) => printError(problem));
  if (fileProblems.length) return 2;
  if (summary.errors > 0) return 1;
  if (options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) {
    printError(`${plural(summary.warnings, 'warning')}, more than --max-warnings ${options.maxWarnings}`);
    return 1;
  }
  return 0;
}
