import { printError } from '../terminal';
import { InputError, UsageError } from '../usageError';

/**
 * Runs a command's body and turns usage and input problems into messages on stderr and exit
 * status 2, the way every `postmortem` command reports them.
 */
export async function runCommand(name: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) {
      printError(error.message, `Run "postmortem ${name} --help" for the options.`);
      return 2;
    }
    if (error instanceof InputError) {
      error.problems.forEach((problem) => printError(problem));
      return 2;
    }
    throw error;
  }
}
