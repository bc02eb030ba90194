/**
 * Processes the tests start (language servers, Chromium) must not outlive the run. A hook that
 * times out leaves the process it was starting unassigned, so its own `after` hook cannot stop
 * it, and its open pipes would keep mocha from exiting: every started process registers here,
 * and a root hook stops whatever is still running when all tests are done.
 */
const running = new Set<() => Promise<unknown>>();

/** Registers `stop` for the end of the run; call the returned function once stopped yourself. */
export function stopAtEnd(stop: () => Promise<unknown>): () => void {
  running.add(stop);
  return () => running.delete(stop);
}

/** Mocha root hooks, loaded through `.mocharc.json`'s `require`. */
export const mochaHooks = {
  async afterAll(): Promise<void> {
    const stops = [...running];
    running.clear();
    await Promise.allSettled(stops.map((stop) => stop()));
  },
};
