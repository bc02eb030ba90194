import { render } from '../../core/render/html';
import { toMarkdown } from '../../core/render/markdown';
import { writeOut } from '../terminal';
import { UsageError } from '../usageError';
import { loadAnalysis, refuseOverwritingInput, writeResult } from './documentFiles';
import { parseOptions, todayOption } from './options';
import { runCommand } from './runCommand';

export const EXPORT_USAGE = `Usage: postmortem export [options] FILE

Writes FILE in another format: GitHub-flavoured Markdown for a wiki (the template's sections,
the timeline and the action items as tables), or the standalone HTML of \`postmortem render\`.
FILE may be - for standard input.

Options:
  --format md|html          output format (default: md)
  -o, --output OUT          write to OUT instead of standard output
  --today YYYY-MM-DD        the date overdue action items count from (overrides the configuration)
  --config FILE             use this configuration file instead of the nearest .postmortemrc.json
  -h, --help                show this help

Exit status: 0 written, 2 bad usage or an unreadable file.
`;

const FORMATS = ['md', 'markdown', 'html'];

/** `postmortem export`: see EXPORT_USAGE. Returns the exit status. */
export async function run(args: string[]): Promise<number> {
  return runCommand('export', async () => {
    const options = parseOptions(args, { values: { '--format': ['-f'], '--output': ['-o'], '--today': [], '--config': [] }, flags: [] });
    if (options.flags.has('--help')) {
      await writeOut(EXPORT_USAGE);
      return 0;
    }
    const format = options.values.get('--format') ?? 'md';
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be md or html, not "${format}"`);
    if (options.positionals.length !== 1) throw new UsageError(options.positionals.length ? 'give exactly one FILE to export' : 'give the FILE to export');
    const today = todayOption(options.values.get('--today'));
    refuseOverwritingInput(options.positionals[0], options.values.get('--output'));
    const { analysis } = loadAnalysis(options.positionals[0], { config: options.values.get('--config'), today });
    const text = format === 'html' ? render(analysis, { standalone: true }) : toMarkdown(analysis);
    await writeResult(options.values.get('--output'), text);
    return 0;
  });
}
