import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { useWorkbench } from '../support/scenario';
import { e2eSession } from '../support/session';
import { waitUntil } from '../support/waitUntil';

/**
 * Three incidents a team wrote over a year, put into the workspace while it is open (as a `git
 * pull` would): the action-item view and the status bar pick them up from the server's index.
 * Dates are relative to the real today, which is the day the view counts from.
 */
const DAY = 86_400_000;
const dayOffset = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
/** Whole days from today (as the view counts, in UTC on this machine) to `date`; negative when past. */
const daysUntil = (date: string) => Math.round((Date.parse(date) - Date.parse(dayOffset(0))) / DAY);
/**
 * The row's text once it reads as `expected` says for today. A run that spans midnight sees the
 * files written one day and counted the next, so the day counts are worked out when the row is read
 * (before and after reading it, so that a midnight in between is no failure either).
 */
async function rowText(row: Locator, expected: () => RegExp): Promise<string> {
  const before = expected();
  const text = await row.innerText();
  const after = expected();
  assert.ok(before.test(text) || after.test(text), `${text} does not match ${after}`);
  return text;
}

function incident(id: string, title: string, started: string, services: string, actions: string): string {
  return `postmortem: ${title}
id: ${id}
date: ${started}

incident:
  type: incident
  started: ${started} 09:10 UTC
  detected: ${started} 09:18 UTC
  resolved: ${started} 10:40 UTC
  severity: SEV2
  services: ${services}

actions:
${actions}`;
}

/** The three files, with dates relative to the day they are written; `due` holds the dates the assertions count from. */
const files = (due: { poolAlert: string; cacheExpiry: string }): Record<string, string> => ({
  'inc-e2e-101.postmortem': incident('INC-E2E-101', 'Checkout pool exhausted under the spring sale', dayOffset(-150), 'checkout-api', `  A1: Alert when the connection pool is 80% used
    owner: @platform-team
    due: ${due.poolAlert}
    status: in-progress
  A2: Load-test checkout at twice the peak
    owner: @qa-team
    due: ${dayOffset(-45)}
    status: not-started
`),
  'inc-e2e-102.postmortem': incident('INC-E2E-102', 'Stale prices served from the product cache', dayOffset(-90), 'checkout-api, search-api', `  A1: Expire cache entries by catalogue version
    owner: @cache-team
    due: ${due.cacheExpiry}
    status: in-progress
  A2: Page the cache owner on hit-rate drops
    owner: @platform-team
    due: ${dayOffset(-10)}
    status: blocked
`),
  'inc-e2e-103.postmortem': incident('INC-E2E-103', 'Search timeouts after the index rebuild', dayOffset(-20), 'search-api', `  A1: Rebuild the index off the serving path
    owner: @search-team
    due: ${dayOffset(60)}
    status: not-started
`),
});

describe('the action items view, the status bar and the insights page', function () {
  const workbench = useWorkbench();
  const written: string[] = [];
  /** Two items' due dates as written, which the view counts from. */
  const dueDates = { poolAlert: '', cacheExpiry: '' };

  workbench.setUp(async () => {
    const folder = e2eSession().workspaceFolder;
    dueDates.poolAlert = dayOffset(-120);
    dueDates.cacheExpiry = dayOffset(5);
    for (const [name, text] of Object.entries(files(dueDates))) {
      writeFileSync(join(folder, name), text);
      written.push(join(folder, name));
    }
    await workbench().openFile('inc-e2e-102.postmortem');
  });
  after(() => {
    for (const path of written) rmSync(path, { force: true });
  });

  it('counts the overdue items in the status bar; clicking it shows them, overdue first', async function () {
    const page = workbench().page;
    const statusItem = page.locator('.statusbar-item', { hasText: /\d+ overdue/ }).first();
    // The index learns of the new files from the file watcher: wait for all three to count.
    await waitUntil(
      'the status bar to count the three new overdue items',
      async () => (Number(/(\d+) overdue/.exec(await statusItem.innerText().catch(() => ''))?.[1] ?? 0) >= 3 ? true : undefined),
      { timeoutMs: 60_000, lastSeen: async () => (await statusItem.innerText().catch(() => '(no item)')) },
    );
    // The workspace's file tree shares the Explorer with the view: folded, it leaves the view room.
    const folders = page.locator('.explorer-viewlet .pane-header').first();
    if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
    await statusItem.click();
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Postmortem Action Items/i }) });
    const rows = view.locator('.monaco-list-row');
    const row = (text: string): Locator => rows.filter({ hasText: text }).first();
    await row('Alert when the connection pool is 80% used').waitFor({ timeout: 30_000 });
    await rowText(row('Alert when the connection pool is 80% used'), () => new RegExp(`${-daysUntil(dueDates.poolAlert)} days overdue · INC-E2E-101`));
    await rowText(row('Expire cache entries by catalogue version'), () => new RegExp(`due in ${daysUntil(dueDates.cacheExpiry)} days`));
    // Grouped by owner: @platform-team holds two overdue items, the older first.
    const texts = await rows.allInnerTexts();
    const platform = texts.findIndex((text) => /@platform-team/.test(text));
    assert.ok(platform >= 0, texts.join(' | '));
    const alert = texts.findIndex((text) => text.includes('Alert when the connection pool'));
    const page2 = texts.findIndex((text) => text.includes('Page the cache owner'));
    assert.ok(platform < alert && alert < page2, `@platform-team's items, 120 days overdue before 10:\n${texts.join('\n')}`);
    await workbench().capture('action-items');
  });

  it('opens the insights page with the figures of the workspace', async function () {
    await workbench().runCommand('Postmortem: Open Insights');
    const insights = await workbench().waitForWebviewFrame('the insights page', 'Postmortem insights');
    const body = insights.locator('body');
    await body.getByText('checkout-api').first().waitFor({ timeout: 15_000 });
    const text = await body.innerText();
    assert.match(text, /INC-E2E-101/, 'the recurring incidents on checkout-api name INC-E2E-101');
    assert.ok((await insights.locator('svg').count()) >= 2, 'the charts are drawn');
    await workbench().capture('insights');
  });
});
