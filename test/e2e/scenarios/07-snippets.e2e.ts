import { useWorkbench } from '../support/scenario';
import { waitUntil } from '../support/waitUntil';

describe('snippets', function () {
  const workbench = useWorkbench();

  it('inserts the five whys by their prefix in a new postmortem', async function () {
    await workbench().runCommand('Postmortem: New Postmortem');
    await workbench().page.locator('.editor-group-container.active .tab.active', { hasText: 'Untitled' }).waitFor({ timeout: 20_000 });
    // Keys go to whatever has focus: clear the template only once the editor has it, and see it cleared.
    await waitUntil(
      'the new postmortem to be cleared',
      async () => {
        await workbench().page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
        await workbench().page.keyboard.press('Control+A');
        await workbench().page.keyboard.press('Delete');
        return (await workbench().renderedText()).trim() === '' ? true : undefined;
      },
      { timeoutMs: 20_000, lastSeen: async () => (await workbench().renderedText()).slice(0, 80) },
    );
    await workbench().page.keyboard.type('whys');
    await workbench().acceptCompletion('whys', { snippet: true });
    await workbench().waitForLine('with the whys header', (text) => text === 'whys:');
    await workbench().waitForLine('with why 5', (text) => /^\s+why 5:/.test(text));
    await workbench().waitForLine('with the root cause', (text) => /^\s+root cause:/.test(text));
  });
});
