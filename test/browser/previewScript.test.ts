import { strict as assert } from 'node:assert';
import type { Browser, Page } from 'playwright-core';
import { analyze } from '../../server/src/core/analysis/analyze';
import { render } from '../../server/src/core/render/html';
import { launchChromium, ORIGIN, servePages } from './chromium';
import { installVsCodeApi, previewPage, VSCODE_DARK_THEME } from './webviewPage';

// Code passed to page.evaluate runs in the page, where these exist; the project itself is
// compiled without the DOM library, so they are declared here for this file alone.
declare const window: any;
declare const document: any;
declare function getComputedStyle(element: unknown): any;

const URI = 'file:///work/test.postmortem';

/** A document long enough to scroll: 300 timeline events on lines 9 to 308. */
function longDocument(marker = 'Event'): string {
  const events = Array.from({ length: 300 }, (_, i) => `  2025-02-14T${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z  ${marker} ${i}`);
  return [
    'postmortem: Scrolling test',
    'id: INC-1',
    '',
    'incident:',
    '  started: 2025-02-14 10:00 UTC',
    '  resolved: 2025-02-14 15:00 UTC',
    '  severity: SEV3',
    '',
    'timeline:',
    ...events,
    '',
    'actions:',
    '  A1: Add an alert',
    '    owner: @sre',
    '    ticket: https://tracker.example/SRE-9',
    '',
  ].join('\n');
}

const FIRST_EVENT_LINE = 9;

interface Message {
  type: string;
  uri?: string;
  line?: number;
  focus?: boolean;
  href?: string;
}

function messages(page: Page): Promise<Message[]> {
  return page.evaluate(() => (window as unknown as { __messages: Message[] }).__messages.splice(0));
}

function savedState(page: Page): Promise<{ uri: string; line: number }> {
  return page.evaluate(() => (window as unknown as { __state: { uri: string; line: number } }).__state);
}

/** The data-line of the first table row whose top is at or below the top of the window. */
function firstVisibleRowLine(page: Page): Promise<number> {
  return page.evaluate(() => {
    for (const row of document.querySelectorAll('tr[data-line]')) {
      if (row.getBoundingClientRect().top >= -1) return Number(row.getAttribute('data-line'));
    }
    return -1;
  });
}

function post(page: Page, message: object): Promise<void> {
  return page.evaluate((m) => window.postMessage(m, '*'), message);
}

describe('preview script (media/preview.js) in a real Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let page: Page;
  const pages = new Map<string, string>();
  const body = render(analyze(longDocument(), { today: '2025-03-20' }));

  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  async function open(options: { line?: number; saved?: unknown; theme?: string } = {}): Promise<void> {
    page = await browser.newPage({ viewport: { width: 900, height: 600 } });
    await servePages(page, pages);
    await installVsCodeApi(page, options.saved);
    if (options.theme) await page.addInitScript({ content: options.theme });
    pages.set('/preview.html', previewPage(body, { uri: URI, version: 5, line: options.line }));
    // The script runs before the load event that goto waits for.
    await page.goto(`${ORIGIN}/preview.html`);
  }

  afterEach(async () => {
    await page?.close();
  });

  it('starts at the line it was opened on, or at the one its saved state holds', async () => {
    await open({ line: 200 });
    await page.waitForFunction(() => window.scrollY > 0);
    assert.ok(Math.abs((await firstVisibleRowLine(page)) - 200) <= 1, `line ${await firstVisibleRowLine(page)} at the top`);
    await page.close();
    await open({ line: 200, saved: { uri: URI, line: 100 } });
    await page.waitForFunction(() => window.scrollY > 0);
    assert.ok(Math.abs((await firstVisibleRowLine(page)) - 100) <= 1, `line ${await firstVisibleRowLine(page)} at the top after a restore`);
  });

  it('scrolls to the line the editor shows, without echoing it back', async () => {
    await open();
    await messages(page);
    await post(page, { type: 'scrollToLine', uri: URI, line: 150 });
    await page.waitForFunction(() => window.scrollY > 0);
    assert.ok(Math.abs((await firstVisibleRowLine(page)) - 150) <= 1);
    await page.waitForTimeout(300);
    assert.deepEqual((await messages(page)).filter((m) => m.type === 'revealLine'), []);
    assert.ok(Math.abs((await savedState(page)).line - 150) < 1, 'the state keeps the line');
    await post(page, { type: 'scrollToLine', uri: 'file:///work/other.postmortem', line: 10 });
    await page.waitForTimeout(100);
    assert.ok(Math.abs((await firstVisibleRowLine(page)) - 150) <= 1, 'a message for another document is ignored');
  });

  it('tells the editor which line is at its top when the reader scrolls', async () => {
    await open();
    await page.waitForTimeout(200);
    await messages(page);
    await page.mouse.move(400, 300);
    await page.mouse.wheel(0, 2400);
    await page.waitForFunction(() => (window as unknown as { __messages: { type: string }[] }).__messages.some((m) => m.type === 'revealLine'));
    await page.waitForTimeout(200);
    const reveals = (await messages(page)).filter((m) => m.type === 'revealLine');
    const last = reveals[reveals.length - 1];
    const top = await firstVisibleRowLine(page);
    assert.equal(last.uri, URI);
    assert.ok(last.line !== undefined && Math.abs(last.line - top) <= 1.5, `told line ${last.line}, showing ${top}`);
    assert.ok(Math.abs((await savedState(page)).line - top) <= 1.5);
  });

  it('applies newer versions, ignores older ones, and keeps the line at the top', async () => {
    await open({ line: 120 });
    await page.waitForFunction(() => window.scrollY > 0);
    const before = await firstVisibleRowLine(page);
    const newer = render(analyze(longDocument('Changed'), { today: '2025-03-20' }));
    await post(page, { type: 'update', uri: URI, version: 6, html: newer });
    await page.waitForFunction(() => document.body.innerText.includes('Changed 0'));
    assert.ok(Math.abs((await firstVisibleRowLine(page)) - before) <= 1, 'the update moved the view');
    await post(page, { type: 'update', uri: URI, version: 4, html: '<p>stale</p>' });
    await page.waitForTimeout(150);
    assert.ok((await page.evaluate(() => document.body.innerText)).includes('Changed 0'), 'a stale version replaced a newer one');
    await post(page, { type: 'update', uri: 'file:///work/other.postmortem', version: 1, html: body, line: 30 });
    await page.waitForFunction(() => document.body.innerText.includes('Event 0'));
    assert.ok(Math.abs((await firstVisibleRowLine(page)) - 30) <= 1, 'another document opens at its line');
    assert.equal((await savedState(page)).uri, 'file:///work/other.postmortem');
  });

  it('reveals the source line of a clicked element, and focuses the editor on a double click', async () => {
    await open();
    await messages(page);
    await page.locator(`tr[data-line="${FIRST_EVENT_LINE + 3}"] .pm-event-text`).click();
    await page.locator('h1').dblclick();
    const shown = (await messages(page)).filter((m) => m.type === 'showSource');
    assert.deepEqual(shown.slice(0, 1), [{ type: 'showSource', uri: URI, line: FIRST_EVENT_LINE + 3, focus: false }]);
    assert.deepEqual(shown[shown.length - 1], { type: 'showSource', uri: URI, line: 0, focus: true });
  });

  it('asks the extension to open ticket links instead of navigating', async () => {
    await open();
    await messages(page);
    await page.locator('[data-href]').click();
    await page.locator('[data-href]').focus();
    await page.keyboard.press('Enter');
    const opened = (await messages(page)).filter((m) => m.type === 'openLink');
    assert.deepEqual(opened, [
      { type: 'openLink', href: 'https://tracker.example/SRE-9' },
      { type: 'openLink', href: 'https://tracker.example/SRE-9' },
    ]);
    assert.equal(page.url(), `${ORIGIN}/preview.html`);
  });

  it('takes its colours from the VS Code theme', async () => {
    await open({ theme: VSCODE_DARK_THEME });
    const colours = await page.evaluate(() => {
      const report = getComputedStyle(document.querySelector('.pm-report')!);
      const link = getComputedStyle(document.querySelector('.pm-link')!);
      return { text: report.color, link: link.color, background: getComputedStyle(document.body).backgroundColor };
    });
    assert.deepEqual(colours, { text: 'rgb(204, 204, 204)', link: 'rgb(77, 170, 252)', background: 'rgb(31, 31, 31)' });
  });
});
