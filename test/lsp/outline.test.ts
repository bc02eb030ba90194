import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentSymbol, SelectionRange, SymbolInformation } from 'vscode-languageserver-protocol/node';
import {
  DidChangeWatchedFilesNotification, DocumentSymbolRequest, FileChangeType, FoldingRangeRequest, SelectionRangeRequest, SymbolKind,
  WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol/node';
import { buildServer } from './support/build';
import { withCursors } from './support/cursors';
import { CLEAN_POSTMORTEM } from '../helpers/postmortems';
import { uniqueUri } from './support/documents';
import { TestServer } from './support/testServer';

/** The symbol tree as `name` / `  child` lines, easy to compare and to read in a failure. */
function outline(symbols: DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name}${s.detail ? ` — ${s.detail}` : ''}`, ...outline(s.children ?? [], depth + 1)]);
}

describe('LSP document symbols, folding and selection ranges', () => {
  let server: TestServer;
  let uri: string;
  const lineOf = (prefix: string) => CLEAN_POSTMORTEM.split('\n').findIndex((l) => l.startsWith(prefix));
  before(async () => {
    await buildServer();
    server = await TestServer.start();
    uri = uniqueUri('outline');
    await server.open(uri, CLEAN_POSTMORTEM);
  });
  after(() => server.stop());

  it('gives the outline: postmortem, sections, events, whys, root cause, action items, categories', async () => {
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const tree = outline(symbols);
    assert.equal(tree[0], 'Postmortem: Payment processing outage');
    const expected = [
      '  timeline',
      '    2025-02-14 14:28 UTC  Deployment of payment-service v2.4.0 completes',
      '    14:30 UTC  Connection pool reaches 100% utilization',
      '    14:42 UTC  N+1 query pattern identified in v2.4.0',
      '    15:15 UTC  Incident declared resolved',
      '  whys',
      '    symptom — Payment service unresponsive, connection pool exhausted',
      '    why 1 — v2.4.0 issues one query per payment instead of one batch',
    ];
    const at = tree.indexOf('  timeline');
    assert.deepEqual(tree.slice(at, at + expected.length), expected);
    assert.ok(tree.includes('    root cause — The deployment pipeline has no automated performance regression gate'));
    assert.ok(tree.includes('    A1: Add an automated load test stage to the deployment pipeline — @platform-team'));
    assert.ok(tree.includes('    went well — 1 item'));
    assert.ok(tree.includes('    process — 1 item'));
    const sections = symbols[0].children!.map((s) => s.name);
    assert.deepEqual(sections, ['summary', 'incident', 'timeline', 'whys', 'factors', 'actions', 'lessons', 'followup']);
    const actions = symbols[0].children!.find((s) => s.name === 'actions')!;
    assert.equal(actions.kind, SymbolKind.Namespace);
    assert.equal(actions.children![0].range.start.line, lineOf('  A1:'));
    assert.equal(actions.children![0].range.end.line, lineOf('  A2:') - 1, 'an action item spans its fields');
  });

  it('keeps every selection range inside its range, as editors require', async () => {
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const inside = (outer: DocumentSymbol['range'], inner: DocumentSymbol['range']) =>
      (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
      (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
    const check = (list: DocumentSymbol[], parent?: DocumentSymbol) => {
      for (const s of list) {
        assert.ok(s.name.length > 0);
        assert.ok(inside(s.range, s.selectionRange), `${s.name}: selection range inside range`);
        if (parent) assert.ok(inside(parent.range, s.range), `${s.name} inside ${parent.name}`);
        check(s.children ?? [], s);
      }
    };
    check(symbols);
  });

  it('folds sections, action items and whys that span lines', async () => {
    const ranges = (await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }))!;
    const has = (start: number, end: number) => ranges.some((r) => r.startLine === start && r.endLine === end);
    assert.ok(has(lineOf('actions:'), lineOf('lessons:') - 2), 'the actions section');
    assert.ok(has(lineOf('  A1:'), lineOf('  A2:') - 1), 'action item A1');
    assert.ok(has(lineOf('  why 1:'), lineOf('  why 1:') + 1), 'why 1 with its bullet');
    assert.ok(has(lineOf('summary:'), lineOf('summary:') + 2), 'the summary');
    assert.ok(ranges.every((r) => r.endLine > r.startLine));
  });

  it('expands the selection from the word to the entry, the section and the document', async () => {
    const line = lineOf('    owner: @platform-team');
    const [range] = (await server.connection.sendRequest(SelectionRangeRequest.type, { textDocument: { uri }, positions: [{ line, character: 15 }] })) as SelectionRange[];
    const chain: string[] = [];
    for (let r: SelectionRange | undefined = range; r; r = r.parent) chain.push(`${r.range.start.line}:${r.range.start.character}-${r.range.end.line}:${r.range.end.character}`);
    assert.equal(chain[0], `${line}:11-${line}:25`, 'first the handle');
    assert.ok(chain.includes(`${line}:4-${line}:25`), 'then the owner field');
    const itemEnd = lineOf('  A2:') - 1;
    assert.ok(chain.includes(`${lineOf('  A1:')}:2-${itemEnd}:${CLEAN_POSTMORTEM.split('\n')[itemEnd].length}`), 'then the action item');
    const last = chain[chain.length - 1];
    assert.equal(last.split('-')[0], '0:0', 'and last the whole document');
    for (let r: SelectionRange | undefined = range; r?.parent; r = r.parent) {
      const [a, b] = [r.range, r.parent.range];
      assert.ok(b.start.line < a.start.line || (b.start.line === a.start.line && b.start.character <= a.start.character), 'each parent holds its child');
    }
  });

  it('answers a selection request for several positions, one chain each', async () => {
    const { cursors } = withCursors('x|y|');
    const ranges = (await server.connection.sendRequest(SelectionRangeRequest.type, { textDocument: { uri }, positions: cursors })) as SelectionRange[];
    assert.equal(ranges.length, 2);
  });
});

describe('LSP workspace symbols and the workspace index', () => {
  let folder: string;
  let server: TestServer;
  before(async () => {
    await buildServer();
    folder = mkdtempSync(join(tmpdir(), 'postmortem-index-'));
    mkdirSync(join(folder, 'incidents', '2025'), { recursive: true });
    mkdirSync(join(folder, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(folder, 'incidents', '2025', 'payments.postmortem'), CLEAN_POSTMORTEM);
    writeFileSync(join(folder, 'incidents', 'dns.postmortem'), 'postmortem: DNS saturation\nid: INC-7\nactions:\n  A1: Alert on resolver CPU\n    owner: @dns-oncall\n');
    writeFileSync(join(folder, 'node_modules', 'pkg', 'ignored.postmortem'), 'postmortem: Should not be indexed\n');
    server = await TestServer.start({ workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }] });
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const search = (query: string) => server.connection.sendRequest(WorkspaceSymbolRequest.type, { query }) as Promise<SymbolInformation[]>;
  const names = async (query: string) => (await search(query)).map((s) => s.name);

  it('indexes the workspace in the background with progress', async () => {
    await server.waitFor('the end of the indexing progress', () => server.progress.find((p) => (p.value as { kind?: string }).kind === 'end'));
    const token = server.progressTokens[0];
    const kinds = server.progress.filter((p) => p.token === token).map((p) => (p.value as { kind: string }).kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    const all = await search('');
    const incidents = all.filter((s) => s.kind === SymbolKind.File).map((s) => s.name).sort();
    assert.deepEqual(incidents, ['INC-2025-002: Payment processing outage', 'INC-7: DNS saturation']);
    assert.ok(!all.some((s) => s.name.includes('Should not be indexed')), 'node_modules is skipped');
  });

  it('finds action items by fuzzy query, with their incident as container', async () => {
    const [hit] = await search('alrtresolv');
    assert.equal(hit.name, 'A1: Alert on resolver CPU (@dns-oncall)');
    assert.equal(hit.containerName, 'INC-7: DNS saturation');
    assert.equal(hit.location.uri, pathToFileURL(join(folder, 'incidents', 'dns.postmortem')).href);
    assert.ok((await names('load test stage')).some((n) => n.startsWith('A1: Add an automated load test stage')));
  });

  it('keeps the index current from file-watcher events', async () => {
    const path = join(folder, 'incidents', 'new.postmortem');
    writeFileSync(path, 'postmortem: Cache stampede\nid: INC-9\n');
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(path).href, type: FileChangeType.Created }] });
    await waitForSymbols(() => search('stampede'), (list) => list.length === 1);
    unlinkSync(path);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(path).href, type: FileChangeType.Deleted }] });
    await waitForSymbols(() => search('stampede'), (list) => list.length === 0);
  });

  it('prefers the open document’s current text over the file on disk', async () => {
    const uri = pathToFileURL(join(folder, 'incidents', 'dns.postmortem')).href;
    await server.open(uri, 'postmortem: DNS saturation, edited\nid: INC-7\n');
    assert.deepEqual(await names('INC-7'), ['INC-7: DNS saturation, edited']);
  });

  /** Workspace symbols answer from the index as it stands; poll the request (no notification exists for it). */
  async function waitForSymbols(request: () => Promise<SymbolInformation[]>, done: (list: SymbolInformation[]) => boolean): Promise<SymbolInformation[]> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const list = await request();
      if (done(list)) return list;
      if (Date.now() > deadline) throw new Error(`workspace symbols never matched: ${JSON.stringify(list.map((s) => s.name))}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
});
