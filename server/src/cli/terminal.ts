import { escapeForTerminal } from '../core/render/escape';

/** Colour only on a terminal, never with NO_COLOR set (https://no-color.org), always with FORCE_COLOR. */
export function useColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return !!stream.isTTY;
}

/**
 * Messages for people go to stderr, one line each, prefixed with the program's name; control
 * characters (from file names, documents) are shown escaped. A `hint` of ours follows on its own line.
 */
export function printError(message: string, hint?: string): void {
  process.stderr.write(`postmortem: ${escapeForTerminal(message)}\n${hint === undefined ? '' : `${hint}\n`}`);
}

/** The first error writing standard output, other than a reader that went away (EPIPE). */
let outputError: NodeJS.ErrnoException | undefined;

/** Records a failed write to stdout (a full disk, `> /dev/full`): the run then ends with status 2. */
export function noteOutputError(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') outputError ??= error;
}

/** Why the output could not be written, if it could not. */
export function outputFailure(): string | undefined {
  return outputError && `cannot write the output (${outputError.code ?? outputError.message})`;
}

/**
 * Writes to stdout and resolves once the text is handed to the operating system, so that exit
 * loses nothing; also when the write fails (the error is kept for the exit status, see main.ts).
 */
export function writeOut(text: string): Promise<void> {
  return new Promise((resolve) => {
    process.stdout.write(text, (error) => {
      if (error) noteOutputError(error);
      resolve();
    });
  });
}
