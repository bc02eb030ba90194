import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { analyze } from '../../server/src/core/analysis/analyze';
import { loadConfigFor } from '../../server/src/node/configFile';
import { render, type RenderTheme } from '../../server/src/core/render/html';
import { examplePaths, GOLDEN_TODAY } from '../golden/goldenExports';
import { launchChromium, ORIGIN, ROOT, servePages } from './chromium';
import { installVsCodeApi, previewPage, VSCODE_DARK_THEME } from './webviewPage';

// Code passed to page.evaluate runs in the page, where these exist; the project itself is
// compiled without the DOM library, so they are declared here for this file alone.
declare const window: any;
declare const document: any;
declare function getComputedStyle(element: unknown): any;

/**
 * Renders every example the way `postmortem render` does, in the light and the dark theme, and
 * one in the preview with a dark VS Code theme, to PNG files under docs/screenshots/ for the
 * README. A fixed "today" keeps overdue marks, and so the images, stable.
 */
const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
const WIDTH = 1040;

function analysisOf(example: string) {
  return analyze(readFileSync(example, 'utf8'), { config: loadConfigFor(example).config, today: GOLDEN_TODAY });
}

/** Width and height from a PNG's header. */
function pngSize(path: string): { width: number; height: number } {
  const header = readFileSync(path).subarray(0, 24);
  assert.equal(header.subarray(1, 4).toString('latin1'), 'PNG', `${path} is not a PNG`);
  return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
}

describe('screenshots of the examples (docs/screenshots/)', function () {
  this.timeout(180_000);
  let browser: Browser;
  let page: Page;
  const pages = new Map<string, string>();

  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: WIDTH, height: 900 } });
    await servePages(page, pages);
  });
  after(async () => {
    await browser?.close();
  });

  for (const example of examplePaths()) {
    const name = basename(example, '.postmortem');
    for (const theme of ['light', 'dark'] as RenderTheme[]) {
      it(`${name} in the ${theme} theme`, async () => {
        pages.set(`/${name}-${theme}.html`, render(analysisOf(example), { standalone: true, theme }));
        await page.goto(`${ORIGIN}/${name}-${theme}.html`);
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        assert.equal(background, theme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
        const path = join(SCREENSHOTS, `${name}-${theme}.png`);
        await page.screenshot({ path, fullPage: true });
        const size = pngSize(path);
        assert.equal(size.width, WIDTH);
        assert.ok(size.height > 900 && statSync(path).size > 20_000, `${relative(ROOT, path)} looks empty`);
      });
    }
  }

  it('the preview in a dark VS Code theme', async () => {
    const example = examplePaths()[0];
    const preview = await browser.newPage({ viewport: { width: 900, height: 1100 } });
    try {
      await servePages(preview, pages);
      await installVsCodeApi(preview);
      await preview.addInitScript({ content: VSCODE_DARK_THEME });
      pages.set('/preview.html', previewPage(render(analysisOf(example))));
      await preview.goto(`${ORIGIN}/preview.html`);
      const path = join(SCREENSHOTS, 'preview-vscode-dark.png');
      await preview.screenshot({ path });
      assert.deepEqual(pngSize(path), { width: 900, height: 1100 });
    } finally {
      await preview.close();
    }
  });
});
