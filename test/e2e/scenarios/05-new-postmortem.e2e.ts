import { TEMPLATE_SNIPPET_LINES } from '../../../server/src/core/template/postmortemTemplate';
import { useWorkbench } from '../support/scenario';
import { waitUntil } from '../support/waitUntil';

const TITLE = 'Checkout API errors during peak';

/** The 1-based line of the template that starts with `key`. */
function templateLineOf(key: string): number {
  const index = TEMPLATE_SNIPPET_LINES.findIndex((line) => line.startsWith(key));
  if (index < 0) throw new Error(`the template has no line starting with "${key}"`);
  return index + 1;
}

describe('Postmortem: New Postmortem, written and exported', function () {
  const workbench = useWorkbench();

  it('asks for the title, names the file after it and the date, and fills in the template by its tab stops', async function () {
    const page = workbench().page;
    await workbench().runCommand('Postmortem: New Postmortem', undefined, { asksForInput: true });
    const input = workbench().quickInput.locator('input[placeholder="Checkout API errors during peak"]');
    await input.waitFor({ state: 'visible' });
    await input.fill(TITLE);
    await page.keyboard.press('Enter');
    await page.locator('.editor-group-container.active .tab.active', { hasText: '-checkout-api-errors-during-peak.postmortem' }).waitFor();
    await workbench().waitForLine('with the title', (text) => text === `postmortem: ${TITLE}`);
    // The snippet selected the title; Tab moves to the next stop. Each step waits for the cursor
    // to reach its stop before typing, and to see its text after.
    await workbench().waitForCursor(1);
    await workbench().pressInEditor('Tab');
    await workbench().waitForCursor(templateLineOf('id:'));
    await workbench().typeInEditor('INC-2026-031');
    await workbench().waitForLine('with the incident ID', (text) => text === 'id: INC-2026-031');
    await workbench().pressInEditor('Tab');
    await workbench().waitForCursor(templateLineOf('authors:'));
    await workbench().typeInEditor('@ines');
    await workbench().waitForLine('with the author', (text) => text === 'authors: @ines');
    await workbench().pressInEditor('Tab');
    await workbench().waitForCursor(templateLineOf('summary:') + 1);
    await workbench().typeInEditor('Checkout calls failed for 18 minutes while the payments pool was exhausted.');
    await workbench().waitForLine('with the summary', (text) => text.includes('payments pool was exhausted'));
    await workbench().pressInEditor('Escape');
    await workbench().hidePanel();
    await workbench().capture('new-postmortem');
  });

  it('saves under its proposed name and exports to Markdown', async function () {
    const page = workbench().page;
    await workbench().pressInEditor('Control+S');
    // An untitled document that knows its path saves there without a dialog; the tab loses its dirty mark.
    await page.locator('.editor-group-container.active .tab.active:not(.dirty)', { hasText: '-checkout-api-errors-during-peak.postmortem' }).waitFor();
    await workbench().runCommand('Postmortem: Export to Markdown');
    const notification = page.locator('.notification-toast', { hasText: /Exported .*-checkout-api-errors-during-peak\.md/ });
    await waitUntil('the export notification', async () => ((await notification.count()) > 0 ? true : undefined), {
      lastSeen: async () => (await page.locator('.notification-toast').allInnerTexts()).join(' | ') || '(no notification)',
    });
    await workbench().capture('exported');
  });
});
