/** Colour only on a terminal, never with NO_COLOR set (https://no-color.org), always with FORCE_COLOR. */
export function useColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return !!stream.isTTY;
}

/** Messages for people go to stderr, one line each, prefixed with the program's name. */
export function printError(message: string): void {
  process.stderr.write(`postmortem: ${message}\n`);
}

/**
 * Writes to stdout and resolves once the text is handed to the operating system, so that exit
 * loses nothing; also when the reader has gone away (the error is then ignored, see main.ts).
 */
export function writeOut(text: string): Promise<void> {
  return new Promise((resolve) => {
    process.stdout.write(text, () => resolve());
  });
}
