import { fixtureLineOf, useWorkbench } from '../support/scenario';
import { waitUntil } from '../support/waitUntil';

const file = 'outline.postmortem';

describe('the Outline view', function () {
  const workbench = useWorkbench();

  workbench.setUp(async () => {
    await workbench().openFile(file);
    await workbench().showOutline();
  });

  it('shows the timeline events, the whys and the action items', async function () {
    const expected = [
      '2025-02-19 09:05 UTC  Cache configuration push lowers the memory limit',
      '09:14 UTC  Checkout latency alert fires',
      'why 1',
      'why 5',
      'root cause',
      'A1: Add staged, region-by-region rollout to the configuration tool',
      'A2: Alert when the product cache hit rate drops below 80%',
    ];
    let labels: string[] = [];
    await waitUntil(
      'the outline to list timeline events, whys and actions',
      async () => {
        labels = await workbench().outlineLabels();
        return expected.every((label) => labels.includes(label)) ? true : undefined;
      },
      { lastSeen: async () => labels.join(' | ') },
    );
  });

  it('moves the cursor to an entry when it is clicked', async function () {
    await workbench().clickOutlineEntry('A2: Alert when the product cache hit rate drops below 80%');
    await workbench().waitForCursor(fixtureLineOf(file, 'A2: Alert when the product cache'));
    await workbench().clickOutlineEntry('why 3');
    await workbench().waitForCursor(fixtureLineOf(file, 'why 3:'));
  });
});
