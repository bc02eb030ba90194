import assert from 'node:assert/strict';
import { expectedProblems } from '../support/expectedDiagnostics';
import { fixtureLineOf, useWorkbench } from '../support/scenario';
import { recordFirstDiagnosticOnScreen } from '../support/session';
import { waitUntil } from '../support/waitUntil';

const file = 'diagnostics.postmortem';

describe('diagnostics: squiggles, the Problems panel and the rule page', function () {
  const workbench = useWorkbench();

  it('draws squiggles when a postmortem with findings opens', async function () {
    await workbench().openFile(file);
    await workbench().squiggles.first().waitFor({ state: 'visible' });
    recordFirstDiagnosticOnScreen(Date.now());
  });

  it('lists the expected codes with their messages in the Problems panel', async function () {
    const expected = expectedProblems(file);
    assert.deepEqual(
      expected.map((problem) => problem.code).sort(),
      ['PM010', 'PM030'],
      'the fixture should hold exactly one zoneless timestamp and one action without owner',
    );
    const listed = await workbench().waitForProblems(file, 'PM010 and PM030', (problems) => problems.length === expected.length);
    assert.deepEqual(
      listed.map(({ code, message, line }) => ({ code, message, line })).sort((a, b) => a.line - b.line),
      expected.sort((a, b) => a.line - b.line),
    );
  });

  it('shows the message and a link to the rule page when pointing at a squiggle; the link opens the page shipped with the extension', async function () {
    const line = fixtureLineOf(file, '2025-02-19 09:16  On-call');
    await workbench().goToLine(line, 1);
    const squiggle = await waitUntil(`a squiggle on line ${line}`, () => workbench().squiggleOnLine(line));
    await workbench().pointAt(squiggle);
    const hover = workbench().hover;
    await hover.getByText('PM010').first().waitFor({ state: 'visible' });
    const link = hover.locator('a', { hasText: 'PM010' }).first();
    const target = (await link.getAttribute('data-href')) ?? (await link.getAttribute('href'));
    assert.match(target ?? '', /\/docs\/rules\/PM010\.md$/i, `the rule link points at ${target}`);
    assert.match(await hover.innerText(), /Add a time zone/);
    // The page ships in the .vsix and opens inside VS Code: no web page (99-offline checks nothing left 127.0.0.1).
    assert.doesNotMatch(target ?? '', /^https?:/i, `the rule link points at a web page: ${target}`);
    await link.click();
    await workbench().page.locator('.editor-group-container.active .tab.active', { hasText: 'PM010.md' }).waitFor();
    await workbench().waitForLine('of the rule page', (text) => /^#.*PM010/.test(text));
    await workbench().runCommand('View: Close Editor');
    await workbench().page.locator('.editor-group-container.active .tab.active', { hasText: file }).waitFor();
  });

  it('shows the outline beside the squiggles (README picture)', async function () {
    await workbench().showOutline();
    const line = fixtureLineOf(file, '2025-02-19 09:16  On-call');
    await workbench().goToLine(line, 1);
    const squiggle = await waitUntil(`a squiggle on line ${line}`, () => workbench().squiggleOnLine(line));
    await workbench().pointAt(squiggle);
    await workbench().hover.getByText('PM010').first().waitFor({ state: 'visible' });
    await workbench().capture('editor');
  });
});
