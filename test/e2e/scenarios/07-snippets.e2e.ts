import { fixtureLineOf, useWorkbench } from '../support/scenario';

const file = 'outline.postmortem';

describe('completion inserts blocks', function () {
  const workbench = useWorkbench();

  workbench.setUp(async () => {
    await workbench().openFile(file);
  });

  it('inserts a whole action item with the next free ID where an item can start', async function () {
    const blank = fixtureLineOf(file, 'verify: The alert fires in a staging drill') + 1;
    await workbench().goToLine(blank, 1);
    // Keys go to whatever has focus: type only once the cursor is on the blank line, and see the text arrive.
    await workbench().waitForCursor(blank, 1);
    await workbench().page.keyboard.type('  A');
    await workbench().waitForLine('with the typed ID prefix', (text) => text === '  A');
    await workbench().acceptCompletion('A3', { timeoutMs: 60_000 });
    await workbench().waitForLine('with the new item', (text) => text === '  A3: A concrete change that prevents a recurrence');
    await workbench().waitForLine('with its priority', (text) => text === '    priority: P2');
    await workbench().waitForLine('with its status', (text) => text === '    status: not-started');
  });
});
