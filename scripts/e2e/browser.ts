// Debian's Chromium driven by playwright-core (no browser download). Launched as a server on the
// loopback interface so the run can read the browser's process id and measure its memory.
import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';
import { chromiumExecutable } from './paths';
import { E2eSetupError } from './log';

export const chromiumArguments = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedChromium {
  browser: Browser;
  /** Also the id of its process group (Playwright starts it detached). */
  pid: number;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<LaunchedChromium> {
  if (!existsSync(chromiumExecutable)) {
    throw new E2eSetupError(`Chromium is missing at ${chromiumExecutable}; install it with: apt-get update && apt-get install -y chromium`);
  }
  const server = await chromium.launchServer({
    executablePath: chromiumExecutable,
    args: chromiumArguments,
    headless: true,
    host: '127.0.0.1',
  });
  const browser = await chromium.connect(server.wsEndpoint());
  const pid = server.process().pid;
  if (pid === undefined) throw new E2eSetupError('Chromium started without a process id');
  return {
    browser,
    pid,
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}
