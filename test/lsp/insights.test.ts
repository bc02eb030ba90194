import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CodeLens, Diagnostic } from 'vscode-languageserver-protocol/node';
import { CodeActionRequest, CodeLensRequest } from 'vscode-languageserver-protocol/node';
import type { ActionItemsResult, IndexChangedParams, InsightsResult } from '../../server/src/protocol/workspaceProtocol';
import { buildServer } from './support/build';
import { uniqueUri } from './support/documents';
import { TestServer } from './support/testServer';

/** The repository whose figures test/unit/stats.test.ts checks by hand. */
const REPO = join(import.meta.dirname, '..', 'fixtures', 'stats-repo');

describe('LSP workspace index requests (action items, insights, services lens)', () => {
  let server: TestServer;
  let folder: string;
  const changes: IndexChangedParams[] = [];
  let changed: () => void = () => undefined;
  /** Resolves with the next `postmortem/indexChanged` notification. */
  const nextChange = () => new Promise<IndexChangedParams>((resolve) => (changed = () => resolve(changes[changes.length - 1])));

  before(async () => {
    await buildServer();
    folder = mkdtempSync(join(tmpdir(), 'pm-insights-'));
    cpSync(REPO, folder, { recursive: true });
    server = await TestServer.start({ workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }] });
    server.connection.onNotification('postmortem/indexChanged', (params: IndexChangedParams) => {
      changes.push(params);
      changed();
    });
    await server.waitFor('the end of the indexing progress', () => server.progress.find((p) => (p.value as { kind?: string }).kind === 'end'));
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const actionItems = (today = '2025-06-01') => server.connection.sendRequest('postmortem/actionItems', { today }) as Promise<ActionItemsResult>;

  it('lists open items of incidents and near misses, overdue first with the days, then by due date', async () => {
    const result = await actionItems();
    assert.equal(result.ready, true);
    assert.deepEqual(
      result.items.map((i) => [i.postmortem.id, i.id, i.daysOverdue, i.daysLeft]),
      [
        ['INC-1', 'A1', 120, null],
        ['INC-3', 'A1', 92, null],
        ['INC-4', 'A1', 31, null],
        ['INC-2', 'A1', null, 30],
        ['INC-5', 'A1', null, null],
      ],
      'the drill’s open item is left out',
    );
    assert.equal(result.overdue, 3);
    const first = result.items[0];
    assert.equal(first.uri, pathToFileURL(join(folder, '2025', 'inc-1-cache.postmortem')).href);
    assert.equal(first.line, 24, 'the 0-based line of `A1:`');
    assert.equal(first.owner, '@checkout-team');
  });

  it('tells the client when the index is ready and when an open document changes it', async () => {
    const first = changes.find((c) => c.ready) ?? (await nextChange());
    assert.equal(first.ready, true);
    const uri = pathToFileURL(join(folder, 'inc-5-card.postmortem')).href;
    const text = readFileSync(join(folder, 'inc-5-card.postmortem'), 'utf8');
    const edited = nextChange();
    await server.open(uri, text.replace('status: in-progress', 'status: done'));
    assert.ok((await edited).open >= 0);
    const result = await actionItems();
    assert.ok(!result.items.some((i) => i.postmortem.id === 'INC-5'), 'the unsaved edit counts');
    server.close(uri);
  });

  it('serves the insights page and its figures, naming the date it cannot read', async () => {
    const result = (await server.connection.sendRequest('postmortem/insights', {})) as InsightsResult;
    assert.equal(result.ready, true);
    assert.equal(result.report.stats.incidents, 6);
    assert.deepEqual(result.report.stats.recurring, [{ service: 'checkout-api', incidents: ['INC-1', 'INC-3', 'INC-4'] }]);
    assert.match(result.html, /<h1>Postmortem insights<\/h1>/);
    assert.ok(result.report.problems.some((p) => p.includes('yesterday afternoon')), result.report.problems.join('\n'));
  });

  it('shows earlier incidents on the same service above `services:`', async () => {
    const path = join(folder, 'inc-4-pool.postmortem');
    const uri = pathToFileURL(path).href;
    await server.open(uri, readFileSync(path, 'utf8'));
    const lenses = (await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
    const services = lenses.find((l) => l.range.start.line === 14);
    assert.ok(services, JSON.stringify(lenses));
    assert.equal(services.command?.title, '2 earlier incidents on checkout-api: INC-3, INC-1');
    assert.equal(services.command?.command, 'postmortem.openLocations');
    const targets = services.command?.arguments?.[0] as { uri: string }[];
    assert.deepEqual(targets.map((t) => t.uri), [pathToFileURL(join(folder, '2025', 'inc-3-ttl.postmortem')).href, pathToFileURL(join(folder, '2025', 'inc-1-cache.postmortem')).href]);
    server.close(uri);
  });

  it('shows an action item’s newest follow-up note above it', async () => {
    const uri = uniqueUri('followup-lens');
    await server.open(uri, ['postmortem: Lens', 'date: 2999-01-01', '', 'actions:', '  A1: Do it', '  A10: Other', '', 'followup:', '  2999-01-02  A1 started', '  2999-01-09  A1 half done; A10 not yet', ''].join('\n'));
    const lenses = (await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]), [
      [4, 'Follow-up 2999-01-09: A1 half done; A10 not yet (+1 more)'],
      [5, 'Follow-up 2999-01-09: A1 half done; A10 not yet'],
    ]);
  });
});

describe('LSP PM039 stale tracking', () => {
  let server: TestServer;
  before(async () => {
    await buildServer();
    server = await TestServer.start();
  });
  after(() => server.stop());

  it('reports an open item without a recent follow-up note and inserts today’s note', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const uri = uniqueUri('pm039');
    const text = ['postmortem: Stale', 'date: 2020-01-10', '', 'actions:', '  A1: Track the thing', '    status: in-progress', '', 'followup:', '  2020-01-20  A1 started', ''].join('\n');
    const diagnostics = await server.open(uri, text);
    const stale = diagnostics.find((d) => d.code === 'PM039');
    assert.ok(stale, diagnostics.map((d) => d.code).join(' '));
    assert.match(stale.message, /^A1 is open and the newest follow-up note is from 2020-01-20 \(\d+ days ago, more than 31\)/);
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: stale.range, context: { diagnostics: [stale] } })) as CodeAction[];
    const fix = actions.find((a) => a.diagnostics?.[0].code === 'PM039');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    const version = server.applyWorkspaceEdit(fix.edit!);
    assert.ok(version);
    const after: Diagnostic[] = await server.diagnosticsFor(uri, version);
    assert.ok(server.text(uri).endsWith(`  2020-01-20  A1 started\n  ${today}  A1: \n`), server.text(uri));
    assert.ok(!after.some((d) => d.code === 'PM039'), 'the new note counts as tracking');
  });
});
