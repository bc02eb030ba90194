import { strict as assert } from 'node:assert';
import type { Browser, Page } from 'playwright-core';
import { analyze } from '../../server/src/core/analysis/analyze';
import { httpUrl } from '../../server/src/core/render/escape';
import { render } from '../../server/src/core/render/html';
import { launchChromium, ORIGIN, servePages } from './chromium';
import { FIELDS, FLAG, PAYLOADS, hostileDocument } from './payloads';
import { installVsCodeApi, previewPage, withoutCsp } from './webviewPage';

// Code passed to page.evaluate runs in the page, where these exist; the project itself is
// compiled without the DOM library, so they are declared here for this file alone.
declare const window: any;
declare const document: any;
declare function getComputedStyle(element: unknown): any;

/** Every element the renderer writes; anything else on the page came from a payload. */
const REPORT_ELEMENTS = new Set([
  'ARTICLE', 'HEADER', 'SECTION', 'DIV', 'SPAN', 'H1', 'H2', 'H3', 'P', 'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'STRONG', 'CODE',
  'TIME', 'DETAILS', 'SUMMARY', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'FIGURE', 'FIGCAPTION', 'A',
  'svg', 'g', 'line', 'rect', 'circle', 'text', 'title',
]);

interface PageFindings {
  flag: unknown;
  title: string;
  unexpectedElements: string[];
  handlers: string[];
  scripts: number;
  svgs: number;
  urls: string[];
  dataHrefs: string[];
  heading: string;
  eventText: string;
  owner: string;
  visibleText: string;
  violations: string[];
}

/** What is on the page: anything a payload could have added, and where its text ended up. */
function inspect(page: Page, reportElements: string[]): Promise<PageFindings> {
  return page.evaluate(
    ({ flag, allowed }) => {
      const body = document.body;
      const all = [...body.querySelectorAll('*')];
      const allowedSet = new Set(allowed);
      // No named helper functions in here: the bundler's name helper does not exist in the page.
      return {
        flag: (window as unknown as Record<string, unknown>)[flag] ?? null,
        title: document.title,
        unexpectedElements: [...new Set(all.map((e) => e.tagName).filter((t) => !allowedSet.has(t) && t !== 'SCRIPT'))],
        handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`)),
        scripts: document.scripts.length,
        svgs: body.querySelectorAll('svg').length,
        urls: all.flatMap((e) => ['href', 'src', 'srcdoc', 'action', 'formaction', 'data', 'xlink:href', 'style'].map((n) => e.getAttribute(n)).filter((v): v is string => v !== null)),
        dataHrefs: all.map((e) => e.getAttribute('data-href')).filter((v): v is string => v !== null),
        heading: document.querySelector('h1')?.textContent ?? '',
        // The event's own text: every node of its cell up to the list of its bullets.
        eventText: [...(document.querySelector('.pm-event-text')?.childNodes ?? [])].filter((n) => n.nodeName !== 'UL').map((n) => n.textContent).join(''),
        owner: document.querySelector('.pm-action-owner')?.textContent ?? '',
        visibleText: body.innerText,
        violations: ((window as unknown as { __violations?: string[] }).__violations ?? []).slice(),
      };
    },
    { flag: FLAG, allowed: reportElements },
  );
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Everything that must hold on any page showing a hostile document. */
function assertInert(findings: PageFindings, payload: string, where: string, expectedScripts: number): void {
  const context = `${where}, payload ${JSON.stringify(payload)}`;
  assert.equal(findings.flag, null, `a payload ran (${context})`);
  assert.deepEqual(findings.unexpectedElements, [], `markup from the document became elements (${context})`);
  assert.deepEqual(findings.handlers, [], `event handlers on the page (${context})`);
  assert.equal(findings.scripts, expectedScripts, `scripts on the page (${context})`);
  assert.equal(findings.svgs, 1, `only the timeline chart may be an SVG (${context})`);
  for (const url of [...findings.urls, ...findings.dataHrefs]) {
    assert.ok(httpUrl(url) === url || url.startsWith(`${ORIGIN}/media/`), `a non-http(s) URL on the page: ${url} (${context})`);
  }
  assert.deepEqual(findings.violations, [], `the page broke its own policy (${context})`);
  // The payload reads as the text it is, where a reader looks for it. Free text shows a
  // `code` span as code (language 1.1), so its backticks are not part of what a reader sees there.
  const asCode = payload.replace(/`([^`]+)`/g, '$1');
  assert.equal(findings.heading, payload, `the title shows differently (${context})`);
  assert.equal(findings.eventText, asCode, `the event text shows differently (${context})`);
  assert.equal(findings.owner, asCode, `the owner shows differently (${context})`);
  assert.ok(normalise(findings.visibleText).includes(normalise(asCode)), `the payload is not visible as text (${context})`);
}

const TODAY = '2025-03-20';

/** Pages work side by side: most of a page load is waiting, not computing. */
const TABS = 4;

/** Runs `check` for every payload, spread over the tabs. */
async function eachPayload(tabs: Page[], check: (page: Page, payload: string, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    tabs.map(async (tab) => {
      while (next < PAYLOADS.length) {
        const index = next++;
        await check(tab, PAYLOADS[index], index);
      }
    }),
  );
}

describe('XSS: hostile text in every field stays text in a real Chromium', function () {
  this.timeout(300_000);
  let browser: Browser;
  let page: Page;
  const tabs: Page[] = [];
  const pages = new Map<string, string>();

  before(async () => {
    browser = await launchChromium();
    for (let i = 0; i < TABS; i++) {
      const tab = await browser.newPage();
      await servePages(tab, pages);
      await tab.addInitScript({
        content: `window.__violations = [];
          document.addEventListener('securitypolicyviolation', function (event) {
            window.__violations.push(event.violatedDirective + ' ' + event.blockedURI);
          });`,
      });
      await installVsCodeApi(tab);
      tabs.push(tab);
    }
    page = tabs[0];
  });
  after(async () => {
    await browser?.close();
  });

  it(`has at least 30 payloads, each placed in ${FIELDS.length} kinds of field`, () => {
    assert.ok(PAYLOADS.length >= 30, `${PAYLOADS.length} payloads`);
    for (const payload of PAYLOADS) {
      const text = hostileDocument(payload);
      assert.ok(text.split(payload).length - 1 >= FIELDS.length, `${JSON.stringify(payload)} is not in every field`);
    }
  });

  it('standalone HTML: no payload runs even without its Content-Security-Policy', async () => {
    await eachPayload(tabs, async (tab, payload, i) => {
      const analysis = analyze(hostileDocument(payload), { today: TODAY });
      pages.set(`/standalone/${i}.html`, withoutCsp(render(analysis, { standalone: true })));
      await tab.goto(`${ORIGIN}/standalone/${i}.html`);
      const findings = await inspect(tab, [...REPORT_ELEMENTS]);
      assertInert(findings, payload, 'standalone', 0);
      assert.equal(findings.title, payload, `the page title shows differently (payload ${JSON.stringify(payload)})`);
    });
  });

  it('preview: no payload runs, neither on load nor after an update, even without the policy', async () => {
    await eachPayload(tabs, async (tab, payload, i) => {
      const body = render(analyze(hostileDocument(payload), { today: TODAY }));
      pages.set(`/preview/${i}.html`, withoutCsp(previewPage(body)));
      await tab.goto(`${ORIGIN}/preview/${i}.html`);
      assertInert(await inspect(tab, [...REPORT_ELEMENTS]), payload, 'preview on load', 1);
      // The same content again through the script's update path (innerHTML), then every link
      // followed the way a reader would.
      await tab.evaluate((html) => window.postMessage({ type: 'update', uri: 'file:///work/test.postmortem', version: 2, html }, '*'), `${body}<!--updated-->`);
      await tab.waitForFunction(() => document.getElementById('pm-root')?.innerHTML.endsWith('<!--updated-->'));
      await tab.evaluate(() => document.querySelectorAll('[data-href]').forEach((link: { click(): void }) => link.click()));
      const findings = await inspect(tab, [...REPORT_ELEMENTS]);
      assertInert(findings, payload, 'preview after update', 1);
      const messages = await tab.evaluate(() => (window as unknown as { __messages: { type: string; href?: string }[] }).__messages);
      for (const message of messages.filter((m) => m.type === 'openLink')) {
        assert.equal(httpUrl(message.href ?? ''), message.href, `the preview asked to open ${message.href}`);
      }
    });
  });

  it('the shipped pages, with their policies, show every payload at once as text', async () => {
    const all = PAYLOADS.join(' ');
    const analysis = analyze(hostileDocument(all), { today: TODAY });
    pages.set('/shipped/standalone.html', render(analysis, { standalone: true }));
    await page.goto(`${ORIGIN}/shipped/standalone.html`);
    const standalone = await inspect(page, [...REPORT_ELEMENTS]);
    assertInert(standalone, all, 'shipped standalone', 0);
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.querySelector('.pm-report')!).maxWidth), 'none', 'the inline stylesheet did not apply');

    pages.set('/shipped/preview.html', previewPage(render(analysis)));
    await page.goto(`${ORIGIN}/shipped/preview.html`);
    await page.waitForFunction(() => (window as unknown as { __state?: unknown }).__state !== undefined);
    const preview = await inspect(page, [...REPORT_ELEMENTS]);
    assertInert(preview, all, 'shipped preview', 1);
    await page.locator('[data-href]').first().click();
    const messages = await page.evaluate(() => (window as unknown as { __messages: { type: string }[] }).__messages);
    assert.ok(messages.some((m) => m.type === 'openLink'), 'the preview script did not run under its policy');
  });
});
