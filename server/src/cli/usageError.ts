/** A mistake in how the command was called: reported with the usage, exit status 2. */
export class UsageError extends Error {}

/** A problem with a path, a file or the configuration that stops the run: exit status 2. */
export class InputError extends Error {}
