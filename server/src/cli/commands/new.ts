import { existsSync } from 'node:fs';
import { cleanTitle, postmortemFileName, templateText } from '../../core/template/postmortemTemplate';
import { displayPath } from '../displayPath';
import { writeOut } from '../terminal';
import { InputError, UsageError } from '../usageError';
import { writeResult } from './documentFiles';
import { parseOptions } from './options';
import { runCommand } from './runCommand';

export const NEW_USAGE = `Usage: postmortem new [options]

Writes a new postmortem from the template: the text VS Code's "New Postmortem" inserts, dated
today. Every placeholder left in is reported by PM006 until it is replaced.

Options:
  -t, --title TITLE   the title (what failed, in a few words); it also names the file
  -o, --output FILE   write to FILE (- for standard output); default: YYYY-MM-DD-slug.postmortem
                      in the current folder
  -h, --help          show this help

An existing file is never replaced. Exit status: 0 written, 2 bad usage or a file that exists
or cannot be written.
`;

/** `postmortem new`: see NEW_USAGE. Returns the exit status. */
export async function run(args: string[]): Promise<number> {
  return runCommand('new', async () => {
    const options = parseOptions(args, { values: { '--title': ['-t'], '--output': ['-o'] }, flags: [] });
    if (options.flags.has('--help')) {
      await writeOut(NEW_USAGE);
      return 0;
    }
    if (options.positionals.length) throw new UsageError(`unexpected argument "${options.positionals[0]}"; give the title with --title`);
    const title = options.values.get('--title');
    const now = new Date();
    const output = options.values.get('--output') ?? postmortemFileName(now, cleanTitle(title ?? '') || 'postmortem');
    if (output !== '-' && existsSync(output)) throw new InputError(`${displayPath(output)} already exists; choose another name with -o`);
    await writeResult(output, templateText(now, title));
    if (output !== '-') await writeOut(`Wrote ${displayPath(output)}\n`);
    return 0;
  });
}
