import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { stopAtEnd } from '../helpers/stopAtEnd';

/** Debian's Chromium, installed by scripts/ensure-chromium.sh (run by `npm test`'s pretest). */
export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = join(import.meta.dirname, '..', '..');

/** An origin for test pages; requests to it are answered from memory, nothing leaves the machine. */
export const ORIGIN = 'https://preview.test';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run "sh scripts/ensure-chromium.sh" (as root) or "apt-get install -y chromium"`);
  }
  const launched = chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const forget = stopAtEnd(async () => (await launched).close());
  const browser = await launched;
  browser.on('disconnected', forget);
  return browser;
}

/**
 * Serves `pages` (path → HTML) and the extension's `media/` files at ORIGIN and refuses every
 * other request, so a payload that tried to load or navigate anywhere would get nowhere.
 */
export async function servePages(page: Page, pages: Map<string, string>): Promise<string[]> {
  const refused: string[] = [];
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === ORIGIN && pages.has(url.pathname)) {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: pages.get(url.pathname)! });
    } else if (url.origin === ORIGIN && /^\/media\/preview\.(js|css)$/.test(url.pathname)) {
      const type = url.pathname.endsWith('.js') ? 'text/javascript' : 'text/css';
      await route.fulfill({ status: 200, contentType: type, body: readFileSync(join(ROOT, url.pathname)) });
    } else {
      refused.push(url.href);
      await route.abort();
    }
  });
  return refused;
}
