import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, codeOf, diagnosticsWhen, hasZonelessFinding, openPostmortem, ZONELESS_LINE } from './helpers';
import { ZONELESS_POSTMORTEM } from '../helpers/postmortems';

describe('diagnostics in VS Code', () => {
  before(activateExtension);
  after(closeAllEditors);

  it('reports a zone-less time with its code, rule page, source and range', async () => {
    const document = await openPostmortem(ZONELESS_POSTMORTEM);
    const [diagnostic, ...others] = await diagnosticsWhen(document.uri, hasZonelessFinding);
    assert.deepEqual(others, []);
    assert.equal(codeOf(diagnostic), 'PM010');
    assert.equal(diagnostic.source, 'postmortem');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.ok(code.target.toString().endsWith('/docs/rules/PM010.md'), 'the rule page shipped with the extension');
    assert.ok(diagnostic.range.isEqual(new vscode.Range(ZONELESS_LINE, 2, ZONELESS_LINE, 7)));
  });

  it('follows edits: typing the zone clears the finding', async () => {
    const document = await openPostmortem(ZONELESS_POSTMORTEM);
    await diagnosticsWhen(document.uri, (list) => list.length === 1 && hasZonelessFinding(list));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(ZONELESS_LINE, 7), ' UTC');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await diagnosticsWhen(document.uri, (list) => list.length === 0);
  });
});
