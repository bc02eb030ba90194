import assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { fixtureLineOf, useWorkbench } from '../support/scenario';
import { waitUntil } from '../support/waitUntil';

const file = 'preview.postmortem';

describe('the preview to the side', function () {
  const workbench = useWorkbench();
  let preview: Frame;

  workbench.setUp(async () => {
    await workbench().openFile(file);
  });

  it('shows the metrics, the timeline and the action table', async function () {
    await workbench().runCommand('Postmortem: Open Preview to the Side');
    preview = await workbench().waitForWebviewFrame('the postmortem preview', 'Checkout latency (preview)');
    const body = preview.locator('body');
    // Each metric with its value, in an element that holds that metric and no other.
    const metrics: [string, string][] = [['Duration', '40m'], ['Time to detect', '4m'], ['Time to respond', '2m'], ['Time to mitigate', '28m']];
    for (const [name, value] of metrics) {
      let card = body.locator('div, li, tr, dl').filter({ hasText: new RegExp(`^\\s*${name}`, 'i') }).filter({ hasText: value });
      for (const [other] of metrics) if (other !== name) card = card.filter({ hasNotText: new RegExp(other, 'i') });
      await card.first().waitFor();
    }
    await body.getByText('Checkout latency alert fires').filter({ visible: true }).first().waitFor();
    const table = preview.locator('table', { hasText: 'A2' }).first();
    await table.waitFor();
    const tableText = await table.innerText();
    for (const cell of ['A1', 'A2', '@platform-team', '@cache-team', 'P1', 'P2']) {
      assert.ok(tableText.includes(cell), `the action table shows ${cell}:\n${tableText}`);
    }
    await workbench().capture('preview');
  });

  it('updates after an edit', async function () {
    const line = fixtureLineOf(file, 'A1: Add staged, region-by-region rollout');
    await workbench().goToEndOfLine(line);
    await workbench().typeInEditor(' for every service');
    await waitUntil('the preview to show the edited action', async () => {
      const frame = await workbench().waitForWebviewFrame('the postmortem preview', 'Checkout latency (preview)', 5_000);
      preview = frame;
      return (await frame.getByText('rollout to the configuration tool for every service').count()) > 0 ? true : undefined;
    });
  });

  it('reveals the source line when an item is clicked', async function () {
    const target = fixtureLineOf(file, 'A2: Alert when the product cache');
    await workbench().goToLine(1, 1);
    const item = preview.locator(`[data-line="${target - 1}"]`).getByText('Alert when the product cache hit rate drops below 80%', { exact: true }).first();
    await item.waitFor();
    await item.click();
    // The click reveals the line and gives the keyboard back to the editor.
    await workbench().waitForCursor(target);
    await workbench().waitForEditorFocus();
  });
});
