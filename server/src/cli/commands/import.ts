import { readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { analyze } from '../../core/analysis/analyze';
import { importMarkdown, NotAPostmortemError } from '../../core/import/importMarkdown';
import { ConfigResolver } from '../configs';
import { displayPath } from '../displayPath';
import { formatText } from '../formats/text';
import { decodeDocument } from '../readDocument';
import { summarize } from '../report';
import { useColour, writeOut } from '../terminal';
import { InputError, UsageError } from '../usageError';
import { writeResult } from './documentFiles';
import { parseOptions, todayOption } from './options';
import { runCommand } from './runCommand';

export const IMPORT_USAGE = `Usage: postmortem import [options] FILE.md

Reads a Markdown postmortem written from the classic template (numbered or plain headings,
timeline and action tables or lists, incident details as bullets or a table), or written by
\`postmortem export --format md\`, and writes it as a .postmortem file. Text that fits no
section is kept word for word in notes:, under a comment saying where it came from.
Then prints what \`postmortem check\` finds in the result, on standard error.
FILE may be - for standard input.

Options:
  -o, --output OUT          write to OUT instead of standard output
  --today YYYY-MM-DD        the date overdue action items count from, for the check
  --config FILE             use this configuration file for the check
  -h, --help                show this help

Exit status: 0 imported, 2 bad usage, an unreadable file, or Markdown with no section of a
postmortem (nothing is written then).
`;

/** `postmortem import`: see IMPORT_USAGE. Returns the exit status. */
export async function run(args: string[]): Promise<number> {
  return runCommand('import', async () => {
    const options = parseOptions(args, { values: { '--output': ['-o'], '--today': [], '--config': [] }, flags: [] });
    if (options.flags.has('--help')) {
      await writeOut(IMPORT_USAGE);
      return 0;
    }
    if (options.positionals.length !== 1) throw new UsageError(options.positionals.length ? 'give exactly one Markdown FILE to import' : 'give the Markdown FILE to import');
    const today = todayOption(options.values.get('--today'));
    const file = options.positionals[0];
    const fromStdin = file === '-';
    const path = fromStdin ? '<stdin>' : displayPath(file);
    let bytes: Buffer;
    try {
      bytes = readFileSync(fromStdin ? 0 : resolve(file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot be read (${code ?? String(error)})`);
    }
    const document = decodeDocument(bytes);
    if (document.kind === 'not-utf8') throw new InputError(`${path}: ${document.message}`);
    let text: string;
    try {
      text = importMarkdown(document.text, { fallbackTitle: fromStdin ? undefined : basename(file, extname(file)) }).text;
    } catch (error) {
      if (error instanceof NotAPostmortemError) throw new InputError(`${path}: not imported: ${error.message}`);
      throw error;
    }
    const output = options.values.get('--output');
    const target = output && output !== '-' ? output : 'imported.postmortem';
    const loaded = new ConfigResolver(options.values.get('--config')).configFor(resolve(target));
    if (loaded.problems.length) throw new InputError(loaded.problems.join('\n'));
    await writeResult(output, text);
    const analysis = analyze(text, { config: loaded.config, today });
    const report = { path: output && output !== '-' ? displayPath(output) : `${path} (imported)`, diagnostics: analysis.diagnostics, metrics: analysis.metrics };
    process.stderr.write(formatText([report], summarize([report]), useColour(process.stderr)));
    return 0;
  });
}
