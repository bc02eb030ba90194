import { strict as assert } from 'node:assert';
import type { Browser, Page } from 'playwright-core';
import { analyze } from '../../server/src/core/analysis/analyze';
import { digestOf } from '../../server/src/core/insights/digest';
import { computeStats } from '../../server/src/core/insights/stats';
import { renderInsights } from '../../server/src/core/render/insightsHtml';
import { insightsDocument } from '../../client/src/workspace/insightsDocument';
import { launchChromium, ORIGIN, servePages } from './chromium';
import { FLAG, PAYLOADS, hostileDocument } from './payloads';
import { withoutCsp } from './webviewPage';

// Code passed to page.evaluate runs in the page, where these exist (the project has no DOM types).
declare const window: any;
declare const document: any;
declare function getComputedStyle(element: unknown): any;

/** Every element the insights renderer writes; anything else came from a document. */
const INSIGHTS_ELEMENTS = new Set([
  'ARTICLE', 'HEADER', 'SECTION', 'DIV', 'SPAN', 'H1', 'H2', 'H3', 'P', 'UL', 'LI', 'STRONG', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD',
  'FIGURE', 'FIGCAPTION', 'svg', 'line', 'rect', 'circle', 'text', 'title', 'path',
]);

const TODAY = '2025-03-20';

/** Each payload as the severity, id, services, root cause and an unreadable start of three incidents. */
function hostileRepository() {
  return PAYLOADS.flatMap((payload, i) => {
    const text = hostileDocument(payload).replace(/^ {2}severity: SEV2$/m, `  severity: ${payload}`);
    const unreadableStart = text.replace('  started: 2025-02-14 14:30 UTC', `  started: ${payload}`);
    return [
      digestOf(`a-${i}.postmortem`, analyze(text, { today: TODAY })),
      digestOf(`b-${i}.postmortem`, analyze(text.replace('2025-02-14', '2025-03-01'), { today: TODAY })),
      digestOf(`c-${i}.postmortem`, analyze(unreadableStart, { today: TODAY })),
    ];
  });
}

interface Findings {
  flag: unknown;
  unexpectedElements: string[];
  handlers: string[];
  scripts: number;
  charts: number;
  urls: string[];
  visibleText: string;
  violations: string[];
  maxWidth: string;
}

function inspect(page: Page): Promise<Findings> {
  return page.evaluate(
    ({ flag, allowed }) => {
      const all = [...document.body.querySelectorAll('*')];
      const allowedSet = new Set(allowed);
      return {
        flag: window[flag] ?? null,
        unexpectedElements: [...new Set(all.map((e) => e.tagName).filter((t) => !allowedSet.has(t)))],
        handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`)),
        scripts: document.scripts.length,
        charts: document.querySelectorAll('svg.pm-ins-chart').length,
        urls: all.flatMap((e) => ['href', 'src', 'srcdoc', 'action', 'formaction', 'data', 'xlink:href', 'style'].map((n) => e.getAttribute(n)).filter((v) => v !== null)),
        visibleText: document.body.innerText,
        violations: (window.__violations ?? []).slice(),
        maxWidth: getComputedStyle(document.querySelector('.pm-report')).maxWidth,
      };
    },
    { flag: FLAG, allowed: [...INSIGHTS_ELEMENTS] },
  );
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function assertInert(findings: Findings, where: string) {
  assert.equal(findings.flag, null, `a payload ran (${where})`);
  assert.deepEqual(findings.unexpectedElements, [], `markup from a document became elements (${where})`);
  assert.deepEqual(findings.handlers, [], `event handlers on the page (${where})`);
  assert.equal(findings.scripts, 0, `scripts on the page (${where})`);
  // The hostile documents have no responded or mitigated time: those two medians have no chart.
  assert.equal(findings.charts, 4, `the month chart, the duration and detect medians, the action bar (${where})`);
  assert.deepEqual(findings.urls.filter((url) => !url.startsWith(`${ORIGIN}/media/`)), [], `URLs on the page (${where})`);
  for (const payload of PAYLOADS) {
    assert.ok(normalise(findings.visibleText).includes(normalise(payload)), `${JSON.stringify(payload)} is not shown as text (${where})`);
  }
}

describe('insights page (postmortem stats --format html, Open Insights) in a real Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let page: Page;
  const pages = new Map<string, string>();
  const report = computeStats(hostileRepository(), { today: TODAY });

  before(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    await servePages(page, pages);
    await page.addInitScript({
      content: `window.__violations = [];
        document.addEventListener('securitypolicyviolation', function (event) {
          window.__violations.push(event.violatedDirective + ' ' + event.blockedURI);
        });`,
    });
  });
  after(async () => {
    await browser?.close();
  });

  it('standalone page: every payload is text, even without its Content-Security-Policy', async () => {
    pages.set('/insights/no-csp.html', withoutCsp(renderInsights(report, { standalone: true })));
    await page.goto(`${ORIGIN}/insights/no-csp.html`);
    assertInert(await inspect(page), 'standalone without policy');
  });

  it('standalone page as shipped: its stylesheet applies under its policy, nothing is blocked', async () => {
    pages.set('/insights/shipped.html', renderInsights(report, { standalone: true }));
    await page.goto(`${ORIGIN}/insights/shipped.html`);
    const findings = await inspect(page);
    assertInert(findings, 'standalone');
    assert.equal(findings.maxWidth, '1040px', 'the inline stylesheet did not apply');
    assert.deepEqual(findings.violations, []);
  });

  it('the webview page: no script allowed at all, the theme bridge loads', async () => {
    const html = insightsDocument({ cspSource: ORIGIN, styleUri: `${ORIGIN}/media/preview.css`, body: renderInsights(report) });
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src https:\/\/preview\.test 'nonce-[^']+'; img-src/);
    assert.doesNotMatch(html, /script-src/);
    pages.set('/insights/webview.html', html);
    await page.goto(`${ORIGIN}/insights/webview.html`);
    const findings = await inspect(page);
    assertInert(findings, 'webview');
    assert.deepEqual(findings.violations, []);
  });

  it('names the start times it cannot read, as text', () => {
    assert.equal(report.problems.filter((p) => p.includes('cannot be read as a date and time')).length, PAYLOADS.length);
  });
});
