import { fixtureLineOf, useWorkbench } from '../support/scenario';

const file = 'completion.postmortem';

describe('completion inside an action item', function () {
  const workbench = useWorkbench();

  workbench.setUp(async () => {
    await workbench().openFile(file);
    await workbench().waitForProblems(file, 'PM030 and PM033', (problems) => problems.some((p) => p.code === 'PM030') && problems.some((p) => p.code === 'PM033'));
  });

  it('completes the status key and a status value', async function () {
    // A2 has no status and no owner; type them on a new line after its last field.
    const lastField = fixtureLineOf(file, 'verify: The alert fires in a staging drill');
    await workbench().goToEndOfLine(lastField);
    await workbench().pressInEditor('Enter');
    await workbench().waitForCursor(lastField + 1);
    await workbench().typeInEditor('sta');
    const newLine = lastField + 1;
    await workbench().waitForTextOnLine(newLine, 'with the typed prefix', (text) => /^\s+sta$/.test(text));
    await workbench().acceptCompletion('status');
    await workbench().waitForTextOnLine(newLine, 'with the status key', (text) => /^\s+status:\s*$/.test(text));
    // The README picture: the status values with their descriptions, no panel in the way.
    await workbench().hidePanel();
    await workbench().openCompletion();
    await workbench().expectSuggestion('in-progress');
    await workbench().showSuggestionDetails();
    await workbench().capture('completion');
    await workbench().acceptCompletion('in-progress');
    await workbench().waitForTextOnLine(newLine, 'with the completed status', (text) => /^\s+status: in-progress$/.test(text));
  });

  it('completes an owner from the handles in the workspace', async function () {
    const statusLine = fixtureLineOf(file, 'verify: The alert fires in a staging drill') + 1;
    await workbench().goToEndOfLine(statusLine);
    await workbench().pressInEditor('Enter');
    await workbench().waitForCursor(statusLine + 1);
    await workbench().typeInEditor('owner: @ca');
    await workbench().waitForTextOnLine(statusLine + 1, 'with the typed handle prefix', (text) => /^\s+owner: @ca$/.test(text));
    await workbench().acceptCompletion('@cache-team');
    await workbench().waitForTextOnLine(statusLine + 1, 'with the completed owner', (text) => /^\s+owner: @cache-team$/.test(text));
    await workbench().waitForProblems(file, 'no PM030 and no PM033', (problems) => !problems.some((p) => p.code === 'PM030' || p.code === 'PM033'));
  });
});
