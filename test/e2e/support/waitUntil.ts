/**
 * How long a step waits for what it expects before it fails. The limit says when the expected
 * state is taken never to come, not how fast it must come (the run measures that separately):
 * on a machine running other suites at once, a state that comes in 2 s alone can take a minute.
 */
export const STEP_TIMEOUT_MS = 120_000;

/**
 * Polls `probe` until it returns something other than undefined, or fails after `timeoutMs`
 * saying what was awaited and what was last seen. The scenarios wait on what the user would see,
 * never for a fixed time.
 */
export async function waitUntil<T>(
  description: string,
  probe: () => Promise<T | undefined>,
  { timeoutMs = STEP_TIMEOUT_MS, lastSeen }: { timeoutMs?: number; lastSeen?: () => Promise<string> } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolveLater) => setTimeout(resolveLater, 150));
  }
  const seen = lastSeen ? `\n  last seen: ${await lastSeen().catch((error: unknown) => String(error))}` : '';
  const cause = lastError instanceof Error ? `\n  last error: ${lastError.message.split('\n')[0]}` : '';
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}${seen}${cause}`);
}
