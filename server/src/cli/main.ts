import { runCli } from './dispatch';
import { printError } from './terminal';

// A reader that closes the pipe early (`postmortem check | head`) is not an error: the rest of
// the output is dropped and the exit status still tells what the check found.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

runCli(process.argv.slice(2)).then(
  (status) => {
    // Setting the status instead of calling exit() lets piped output finish writing.
    process.exitCode = status;
  },
  (error: unknown) => {
    printError(`internal error: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.POSTMORTEM_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 2;
  },
);
