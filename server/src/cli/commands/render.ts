import { render, type RenderTheme } from '../../core/render/html';
import { writeOut } from '../terminal';
import { UsageError } from '../usageError';
import { loadAnalysis, refuseOverwritingInput, writeResult } from './documentFiles';
import { parseOptions, todayOption } from './options';
import { runCommand } from './runCommand';

export const RENDER_USAGE = `Usage: postmortem render [options] FILE

Writes FILE as one standalone HTML page: the same report the editor's preview shows, with the
CSS inlined and no scripts, ready to share or print. FILE may be - for standard input.

Options:
  -o, --output OUT.html     write to OUT.html instead of standard output
  --theme light|dark|auto   colours of the page (default: auto, which follows the reader's system)
  --today YYYY-MM-DD        the date overdue action items count from (overrides the configuration)
  --config FILE             use this configuration file instead of the nearest .postmortemrc.json
  -h, --help                show this help

Exit status: 0 written, 2 bad usage or an unreadable file.
`;

const THEMES: readonly RenderTheme[] = ['light', 'dark', 'auto'];

/** `postmortem render`: see RENDER_USAGE. Returns the exit status. */
export async function run(args: string[]): Promise<number> {
  return runCommand('render', async () => {
    const options = parseOptions(args, { values: { '--output': ['-o'], '--theme': [], '--today': [], '--config': [] }, flags: [] });
    if (options.flags.has('--help')) {
      await writeOut(RENDER_USAGE);
      return 0;
    }
    if (options.positionals.length !== 1) throw new UsageError(options.positionals.length ? 'give exactly one FILE to render' : 'give the FILE to render');
    const theme = options.values.get('--theme') ?? 'auto';
    if (!THEMES.includes(theme as RenderTheme)) throw new UsageError(`--theme must be one of ${THEMES.join(', ')}, not "${theme}"`);
    const today = todayOption(options.values.get('--today'));
    refuseOverwritingInput(options.positionals[0], options.values.get('--output'));
    const { analysis } = loadAnalysis(options.positionals[0], { config: options.values.get('--config'), today });
    await writeResult(options.values.get('--output'), render(analysis, { standalone: true, theme: theme as RenderTheme }));
    return 0;
  });
}
