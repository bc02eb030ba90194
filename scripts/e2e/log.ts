/** A failure the user can fix (a missing package, a port in use): reported without a stack trace. */
export class E2eSetupError extends Error {}

export function log(message: string): void {
  process.stdout.write(`[e2e] ${message}\n`);
}
