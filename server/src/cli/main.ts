import { runCli } from './dispatch';
import { compileRegexesOnce } from './regexCompilation';
import { noteOutputError, outputFailure, printError } from './terminal';

// A reader that closes the pipe early (`postmortem check | head`) is not an error: the rest of
// the output is dropped and the exit status still tells what the check found. Output that cannot
// be written at all (a full disk) is: the run ends with status 2, not with what it found.
process.stdout.on('error', noteOutputError);
compileRegexesOnce();

runCli(process.argv.slice(2)).then(
  (status) => {
    const failure = outputFailure();
    if (failure) printError(failure);
    // Setting the status instead of calling exit() lets piped output finish writing.
    process.exitCode = failure ? 2 : status;
  },
  (error: unknown) => {
    printError(`internal error: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.POSTMORTEM_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 2;
  },
);
