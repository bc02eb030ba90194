import assert from 'node:assert/strict';
import { fixtureLineOf, useWorkbench } from '../support/scenario';

const file = 'quickfix.postmortem';

describe('quick fixes from the light bulb', function () {
  const workbench = useWorkbench();

  workbench.setUp(async () => {
    await workbench().openFile(file);
    await workbench().waitForProblems(file, 'PM010 and PM030', (problems) => problems.some((p) => p.code === 'PM010') && problems.some((p) => p.code === 'PM030'));
  });

  it('marks a zoneless timestamp as UTC and the problem disappears', async function () {
    const line = fixtureLineOf(file, '2025-02-19 09:16  On-call');
    await workbench().goToLine(line, 3);
    await workbench().applyQuickFixFromLightBulb('Mark the time as UTC');
    await workbench().waitForLine('with the timestamp marked UTC', (text) => text.includes('2025-02-19 09:16 UTC  On-call engineer'));
    await workbench().waitForProblems(file, 'no PM010', (problems) => !problems.some((p) => p.code === 'PM010'));
  });

  it('inserts an owner: line for an action without owner, and the problem goes once it names one', async function () {
    const line = fixtureLineOf(file, 'A2: Alert when the product cache');
    await workbench().goToLine(line, 3);
    await workbench().applyQuickFixFromLightBulb('owner:');
    const ownerLine = await workbench().waitForLine('`owner:` inside A2', (text) => /^\s+owner:\s*$/.test(text));
    assert.ok(ownerLine > line, `the owner: line (${ownerLine}) belongs to A2 (line ${line})`);
    await workbench().waitForProblems(file, 'no "Give A2 an owner"', (problems) => !problems.some((p) => p.message.startsWith('Give A2 an owner')));

    await workbench().goToEndOfLine(ownerLine);
    await workbench().typeInEditor(' @cache-team');
    await workbench().waitForTextOnLine(ownerLine, 'naming the owner', (text) => /^\s+owner: @cache-team$/.test(text));
    await workbench().waitForProblems(file, 'no PM030', (problems) => !problems.some((p) => p.code === 'PM030'));
  });
});
