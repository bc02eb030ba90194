/** A mistake in how the command was called: reported with the usage, exit status 2. */
export class UsageError extends Error {}

/** Problems with a path, a file or the configuration that stop the run: exit status 2, one line each. */
export class InputError extends Error {
  readonly problems: string[];

  constructor(problems: string | string[]) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.join('\n'));
    this.problems = list;
  }
}
