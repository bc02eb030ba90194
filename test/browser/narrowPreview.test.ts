import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { analyze } from '../../server/src/core/analysis/analyze';
import { render } from '../../server/src/core/render/html';
import { launchChromium, ORIGIN, ROOT, servePages } from './chromium';
import { installVsCodeApi, previewPage, VSCODE_DARK_THEME } from './webviewPage';

// Code passed to page.evaluate runs in the page, where these exist.
declare const window: any;
declare const document: any;
declare function getComputedStyle(element: unknown, pseudoElement?: string): any;

/** The preview beside the editor: a side panel 420 px wide, as the issue measured it. */
const SIDE_PANEL = { width: 420, height: 900 };
const EXAMPLE = join(ROOT, 'examples', 'dns-resolver-saturation.postmortem');

describe('the preview in a 420 px side panel (Chromium)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let page: Page;
  const pages = new Map<string, string>();

  before(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: SIDE_PANEL });
    await servePages(page, pages);
    await installVsCodeApi(page);
    await page.addInitScript({ content: VSCODE_DARK_THEME });
    pages.set('/preview.html', previewPage(render(analyze(readFileSync(EXAMPLE, 'utf8'), { today: '2025-03-20' }))));
    await page.goto(`${ORIGIN}/preview.html`);
  });
  after(async () => {
    await browser?.close();
  });

  it('is no wider than the panel', async () => {
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= SIDE_PANEL.width);
  });

  it('shows the action items as stacked cards, with labelled cells and readable detail lines', async () => {
    const layout = await page.evaluate(() => {
      const row = document.querySelector('.pm-actions tbody tr');
      const detail = document.querySelector('.pm-actions .pm-action-details dd');
      const owner = document.querySelector('.pm-actions .pm-action-owner');
      return {
        rowDisplay: getComputedStyle(row).display,
        rowWidth: row.getBoundingClientRect().width,
        header: getComputedStyle(document.querySelector('.pm-actions thead')).display,
        detailWidth: detail.getBoundingClientRect().width,
        ownerLabel: getComputedStyle(owner, '::before').content,
      };
    });
    assert.equal(layout.rowDisplay, 'block');
    assert.equal(layout.header, 'none');
    assert.ok(layout.rowWidth <= SIDE_PANEL.width && layout.rowWidth > SIDE_PANEL.width / 2, `card width ${layout.rowWidth}`);
    assert.ok(layout.detailWidth > 150, `a detail line is ${layout.detailWidth} px wide, not a word per line`);
    assert.equal(layout.ownerLabel, '"Owner"');
    await page.locator('.pm-actions').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'preview-side-panel-420.png'), fullPage: false });
  });

  it('hands the focus back to the editor on a click, and keeps it on Alt+click', async () => {
    await page.evaluate(() => window.__messages.splice(0));
    await page.locator('.pm-actions tbody tr .pm-action-id').first().click();
    await page.locator('.pm-actions tbody tr .pm-action-id').first().click({ modifiers: ['Alt'] });
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    const sent = (await page.evaluate(() => window.__messages.splice(0))) as { type: string }[];
    assert.deepEqual(sent.map((m) => m.type).filter((t) => t !== 'revealLine'), ['showSource', 'focusEditor']);
  });
});
