import assert from 'node:assert/strict';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import {
  CodeActionRequest, CompletionRequest, DocumentFormattingRequest, DocumentSymbolRequest, FoldingRangeRequest, HoverRequest, InlayHintRequest,
  SelectionRangeRequest,
} from 'vscode-languageserver-protocol/node';
import { buildServer } from './support/build';
import { CLEAN_POSTMORTEM } from '../helpers/postmortems';
import { readExample, uniqueUri } from './support/documents';
import { TestServer } from './support/testServer';

/** Diagnostics without what may legitimately differ between two servers' runs. */
const summary = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.message}`);

/** A large, realistic document: `copies` repetitions of timeline events and action items. */
function largeDocument(targetLength: number): string {
  const head = 'postmortem: Large\nincident:\n  started: 2025-02-14 14:30 UTC\n  resolved: 2025-02-14 18:30 UTC\ntimeline:\n';
  const events: string[] = [];
  const actions: string[] = [];
  let length = head.length;
  for (let i = 0; length < targetLength; i++) {
    const event = `  2025-02-14 ${String(14 + Math.floor(i / 60) % 4).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} UTC  Event ${i} seen by @user${i % 50}\n`;
    const action = `  A${i + 1}: Add check ${i}\n    owner: @team${i % 9}\n    due: 2999-01-01\n`;
    events.push(event);
    actions.push(action);
    length += event.length + action.length;
  }
  return `${head}${events.join('')}actions:\n${actions.join('')}`;
}

describe('LSP bad input', () => {
  let server: TestServer;
  before(async () => {
    await buildServer();
    server = await TestServer.start();
  });
  after(() => server.stop());

  const requestsFor = (uri: string, position: { line: number; character: number }) => [
    server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }),
    server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }),
    server.connection.sendRequest(SelectionRangeRequest.type, { textDocument: { uri }, positions: [position] }),
    server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }),
    server.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: position, end: position } }),
    server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }),
    server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }),
    server.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }),
  ];

  it('answers requests for positions past the end with empty results', async () => {
    const uri = uniqueUri('past-end');
    await server.open(uri, CLEAN_POSTMORTEM);
    for (const position of [{ line: 10_000, character: 0 }, { line: 3, character: 10_000 }, { line: 0, character: 0 }]) {
      const [completion, hover, selection, actions, hints] = await Promise.all(requestsFor(uri, position));
      assert.ok(Array.isArray(completion));
      assert.ok(hover === null || typeof hover === 'object');
      assert.equal((selection as unknown[]).length, 1, 'one selection range per position');
      assert.ok(Array.isArray(actions) && Array.isArray(hints));
    }
    assert.ok(server.alive);
  });

  it('answers requests for documents that are not open with empty results', async () => {
    const results = await Promise.all(requestsFor('file:///nowhere/unknown.postmortem', { line: 0, character: 0 }));
    assert.deepEqual(results, [[], null, [], [], [], [], [], []]);
    assert.deepEqual(await server.connection.sendRequest('textDocument/hover', {}), null, 'even without a textDocument');
    assert.ok(server.alive);
  });

  it('publishes nothing stale for a document closed while its analysis waits', async () => {
    const uri = uniqueUri('closed-early');
    server.openWithoutWaiting(uri, readExample('queue-backlog-draft.postmortem'));
    server.close(uri);
    const probe = uniqueUri('probe');
    await server.open(probe, CLEAN_POSTMORTEM);
    const publications = server.publications(uri);
    assert.ok(publications.length >= 1, 'the close is published as an empty list');
    assert.deepEqual(publications[publications.length - 1].diagnostics, [], 'the last word on a closed document is "no diagnostics"');
    assert.deepEqual(await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), []);
  });

  it('after 100 edits in a burst, the last diagnostics published match the final text', async () => {
    const uri = uniqueUri('burst');
    await server.open(uri, CLEAN_POSTMORTEM);
    const line = CLEAN_POSTMORTEM.split('\n').findIndex((l) => l.startsWith('  14:30 UTC  Connection pool'));
    const start = server.publications(uri).length;
    let version = 1;
    for (let i = 0; i < 101; i++) {
      // Alternately break and repair the zone; the 101st edit leaves it broken.
      const change: TextDocumentContentChangeEvent = i % 2 === 0
        ? { range: { start: { line, character: 7 }, end: { line, character: 11 } }, text: '' }
        : { range: { start: { line, character: 7 }, end: { line, character: 7 } }, text: ' UTC' };
      version = server.change(uri, [change]);
    }
    server.change(uri, [{ range: { start: { line: 0, character: 12 }, end: { line: 0, character: 12 } }, text: ' (burst)' }]);
    version++;
    const final = await server.diagnosticsFor(uri, version);
    assert.deepEqual(final.map((d) => d.code), ['PM010']);
    const fresh = uniqueUri('burst-fresh');
    assert.deepEqual(summary(await server.open(fresh, server.text(uri))), summary(final));
    const during = server.publications(uri).slice(start);
    assert.equal(during[during.length - 1].version, version, 'nothing is published after the final version');
    const versions = during.map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'versions are published in order, never an older one after a newer one');
    assert.ok(during.length < 20, `superseded versions are skipped (${during.length} publications for 102 edits)`);
  });

  it('survives text that is not a postmortem at all', async () => {
    const garbage = ['\u0000\u0001\u0002', ':::\n\t\t:\n-\n', '\ud800 lone surrogate\n', 'x'.repeat(200_000), '\r\r\r\n\n\r'].join('\n');
    const uri = uniqueUri('garbage');
    await server.open(uri, garbage);
    await Promise.all(requestsFor(uri, { line: 1, character: 1 }));
    assert.ok(server.alive);
  });

  it('answers a 10 MB document with empty results, says why, and stays responsive', async function () {
    this.timeout(60_000);
    const text = largeDocument(10 * 1024 * 1024);
    const uri = uniqueUri('ten-mb');
    assert.deepEqual(await server.open(uri, text), []);
    await server.waitFor('a message that says why', () => server.messages.find((m) => m.message.includes(uri) && m.message.includes('not checked')));
    const last = text.split('\n').length - 2;
    const [completion, hover, selection, actions, hints, symbols, folding, formatting] = await Promise.all(requestsFor(uri, { line: last, character: 4 }));
    assert.deepEqual([completion, hover, selection, actions, hints, symbols, folding, formatting], [[], null, [], [], [], [], [], []]);
    const version = server.change(uri, [{ range: { start: { line: 0, character: 17 }, end: { line: 0, character: 17 } }, text: ' edited' }]);
    assert.deepEqual(await server.diagnosticsFor(uri, version), []);
    server.close(uri);
    assert.deepEqual(summary(await server.open(uniqueUri('after-large'), CLEAN_POSTMORTEM)), [], 'still answering');
    assert.ok(server.alive);
  });

  it('still checks a document just under the size limit', async function () {
    this.timeout(60_000);
    const text = largeDocument(500 * 1024);
    const uri = uniqueUri('large');
    server.openWithoutWaiting(uri, text);
    const diagnostics = await server.diagnosticsFor(uri, 1, 50_000);
    assert.ok(Array.isArray(diagnostics));
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as unknown[];
    assert.equal(symbols.length, 1);
  });
});
