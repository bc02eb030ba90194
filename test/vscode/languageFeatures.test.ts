import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, diagnosticsWhen, hasZonelessFinding, openPostmortem, symbolsWhen, withCursor } from './helpers';
import { ZONELESS_POSTMORTEM } from '../helpers/postmortems';

describe('language features in VS Code', () => {
  before(activateExtension);
  after(closeAllEditors);

  async function completionLabels(marked: string): Promise<string[]> {
    const { text, offset } = withCursor(marked);
    const document = await openPostmortem(text);
    // Until the language server answers for this document, VS Code would offer words from open editors instead.
    await symbolsWhen(document.uri);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt(offset));
    // No snippet is contributed statically: every item here is the server's, value lists hold only values.
    return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  }

  it('completes severities (and nothing else), missing incident fields and a new action item with the next ID', async () => {
    assert.deepEqual(await completionLabels('postmortem: T\nincident:\n  severity: |\n'), ['SEV0', 'SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5']);
    const fields = await completionLabels('postmortem: T\nincident:\n  started: 2025-02-14 14:30 UTC\n  |\n');
    assert.ok(fields.includes('resolved') && !fields.includes('started'), fields.join(', '));
    assert.deepEqual(await completionLabels('postmortem: T\nactions:\n  A1: First\n  A2: Second\n  |\n'), ['A3']);
  });

  it('gives the outline through the document symbol provider', async () => {
    const document = await openPostmortem(ZONELESS_POSTMORTEM);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0].name, 'Postmortem: Payment processing outage');
    const sections = symbols[0].children.map((s) => s.name);
    assert.deepEqual(sections, ['summary', 'incident', 'timeline', 'whys', 'factors', 'actions', 'lessons', 'followup']);
    const actions = symbols[0].children.find((s) => s.name === 'actions')!;
    assert.equal(actions.children[0].name, 'A1: Add an automated load test stage to the deployment pipeline');
    assert.equal(actions.children[0].detail, '@platform-team');
  });

  it('fixes a finding through its quick fix, and the finding goes away', async () => {
    const document = await openPostmortem(ZONELESS_POSTMORTEM);
    const [diagnostic] = await diagnosticsWhen(document.uri, (list) => list.length === 1 && hasZonelessFinding(list));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    // VS Code does not always hand back the diagnostics an action fixes, so find it by what it says.
    const fix = actions.find((a) => a.isPreferred && a.title === 'Mark the time as UTC');
    assert.ok(fix?.edit, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await diagnosticsWhen(document.uri, (list) => list.length === 0);
    assert.equal(document.getText(), ZONELESS_POSTMORTEM.replace('  14:30  Connection', '  14:30 UTC  Connection'));
  });

  it('offers fix-all as a source action', async () => {
    const document = await openPostmortem(ZONELESS_POSTMORTEM);
    await diagnosticsWhen(document.uri, (list) => list.length === 1 && hasZonelessFinding(list));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.postmortem');
    assert.deepEqual(actions.map((a) => a.kind?.value), ['source.fixAll.postmortem']);
  });

  it('hovers a timestamp with its offset from started', async () => {
    const document = await openPostmortem(ZONELESS_POSTMORTEM);
    const line = ZONELESS_POSTMORTEM.split('\n').findIndex((l) => l.startsWith('  15:15 UTC'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, 3));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /T\+45m from `started`/);
  });

  it('formats to the canonical layout', async () => {
    const document = await openPostmortem('postmortem: T\nIncident:\n      Severity: SEV2\n');
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, { tabSize: 2, insertSpaces: true });
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(document.getText(), 'postmortem: T\n\nincident:\n  severity: SEV2\n');
  });
});
