import { COMMANDS } from './commands';
import { CLI_NAME, VERSION } from './manifest';
import { printError, writeOut } from './terminal';

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return [
    `Usage: ${CLI_NAME} COMMAND [options]`,
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`),
    '',
    'Synopsis:',
    ...Object.values(COMMANDS).map((entry) => `  ${CLI_NAME} ${entry.synopsis}`),
    '',
    'Options:',
    '  -h, --help     show this help (after a command: that command\'s help)',
    '  --version      show the version',
    '',
  ].join('\n');
}

/** Runs the command line; resolves to the exit status. */
export async function runCli(args: readonly string[]): Promise<number> {
  const [first, ...rest] = args;
  if (first === undefined) {
    process.stderr.write(usage());
    return 2;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    await writeOut(usage());
    return 0;
  }
  if (first === '--version') {
    await writeOut(`${VERSION}\n`);
    return 0;
  }
  const entry = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!entry) {
    printError(first.startsWith('-') ? `unknown option ${first}` : `unknown command "${first}"`);
    process.stderr.write(usage());
    return 2;
  }
  const command = await entry.load();
  return command.run(rest);
}
