import { fixtureLineOf, useWorkbench } from '../support/scenario';

const file = 'outline.postmortem';

describe('completion inserts blocks', function () {
  const workbench = useWorkbench();

  workbench.setUp(async () => {
    await workbench().openFile(file);
  });

  it('inserts a whole action item with the next free ID where an item can start', async function () {
    const blank = fixtureLineOf(file, 'verify: The alert fires in a staging drill') + 1;
    // goToLine waits for the cursor on the blank line and the editor's focus; the text is seen arriving.
    await workbench().goToLine(blank, 1);
    await workbench().typeInEditor('  A');
    await workbench().waitForTextOnLine(blank, 'with the typed ID prefix', (text) => text === '  A');
    await workbench().acceptCompletion('A3');
    // A2 above has the same priority and status lines: each is looked for on its own line of A3.
    await workbench().waitForTextOnLine(blank, 'with the new item', (text) => text === '  A3: A concrete change that prevents a recurrence');
    await workbench().waitForTextOnLine(blank + 1, 'with its priority', (text) => text === '    priority: P2');
    await workbench().waitForTextOnLine(blank + 4, 'with its status', (text) => text === '    status: not-started');
    await workbench().waitForTextOnLine(blank + 5, 'with its verification', (text) => text === '    verify: How completion will be checked');
  });
});
