import assert from 'node:assert/strict';
import { useWorkbench } from '../support/scenario';

describe('Postmortem: New Postmortem', function () {
  const workbench = useWorkbench();

  it('opens an untitled postmortem from the template with today\'s UTC date', async function () {
    await workbench().runCommand('Postmortem: New Postmortem');
    await workbench().page.locator('.editor-group-container.active .tab.active', { hasText: 'Untitled' }).waitFor({ timeout: 20_000 });
    const today = new Date().toISOString().slice(0, 10);
    await workbench().waitForLine('with the template title', (text) => text.startsWith('postmortem:'));
    await workbench().waitForLine(`dated ${today}`, (text) => text.startsWith('date:') && text.includes(today));
    const shown = await workbench().renderedText();
    for (const section of ['summary:', 'incident:', 'timeline:']) {
      assert.ok(shown.split('\n').includes(section), `the template shows ${section}\n${shown}`);
    }
    assert.equal(await workbench().languageMode(), 'Postmortem');
  });
});
