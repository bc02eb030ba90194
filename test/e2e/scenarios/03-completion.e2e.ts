import { fixtureLineOf, useWorkbench } from '../support/scenario';

const file = 'completion.postmortem';

describe('completion inside an action item', function () {
  const workbench = useWorkbench();

  workbench.setUp(async () => {
    await workbench().openFile(file);
    await workbench().waitForProblems(file, 'PM030 and PM033', (problems) => problems.some((p) => p.code === 'PM030') && problems.some((p) => p.code === 'PM033'), 60_000);
  });

  it('completes the status key and a status value', async function () {
    // A2 has no status and no owner; type them on a new line after its last field.
    const lastField = fixtureLineOf(file, 'verify: The alert fires in a staging drill');
    await workbench().goToEndOfLine(lastField);
    await workbench().page.keyboard.press('Enter');
    await workbench().waitForCursor(lastField + 1);
    await workbench().page.keyboard.type('sta');
    await workbench().acceptCompletion('status');
    await workbench().waitForLine('with the status key', (line) => /^\s+status:\s*$/.test(line));
    // The README picture: the status values with their descriptions, no panel in the way.
    await workbench().hidePanel();
    await workbench().page.keyboard.press('Control+Space');
    await workbench().suggestions.getByText('in-progress', { exact: true }).waitFor({ timeout: 20_000 });
    await workbench().page.keyboard.press('Control+Space'); // a second Ctrl+Space shows the item's documentation
    await workbench().page.locator('.suggest-details').filter({ visible: true }).first().waitFor();
    await workbench().capture('completion');
    await workbench().acceptCompletion('in-progress');
    await workbench().waitForLine('with the completed status', (line) => /^\s+status: in-progress$/.test(line));
  });

  it('completes an owner from the handles in the workspace', async function () {
    await workbench().page.keyboard.press('End');
    await workbench().page.keyboard.press('Enter');
    await workbench().page.keyboard.type('owner: @ca');
    await workbench().acceptCompletion('@cache-team');
    await workbench().waitForLine('with the completed owner', (line) => /^\s+owner: @cache-team$/.test(line));
    await workbench().waitForProblems(file, 'no PM030 and no PM033', (problems) => !problems.some((p) => p.code === 'PM030' || p.code === 'PM033'));
  });
});
