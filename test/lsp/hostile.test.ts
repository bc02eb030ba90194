import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, DocumentSymbolRequest, ErrorCodes, HoverRequest, InitializeRequest, ResponseError, StreamMessageReader, StreamMessageWriter,
  WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol/node';
import { RENDER_REQUEST, type RenderResult } from '../../server/src/protocol/renderProtocol';
import { stopAtEnd } from '../helpers/stopAtEnd';
import { CLEAN_POSTMORTEM } from '../helpers/postmortems';
import { buildServer } from './support/build';
import { uniqueUri } from './support/documents';
import { SERVER_PATH, TestServer } from './support/testServer';

/** The protocol and workspace failures an adversarial pass over the language server found (issue 12). */
describe('LSP against hostile clients and repositories', () => {
  const folders: string[] = [];
  const folder = () => {
    const made = mkdtempSync(join(tmpdir(), 'postmortem-lsp-hostile-'));
    folders.push(made);
    return made;
  };
  before(buildServer);
  after(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

  it('answers requests before initialize with -32002 and drops notifications, as the protocol says', async () => {
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const forget = stopAtEnd(async () => void child.kill());
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    try {
      const uri = uniqueUri('early');
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'postmortem', version: 1, text: CLEAN_POSTMORTEM } });
      for (const request of [connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } }), connection.sendRequest('postmortem/render', { textDocument: { uri }, format: 'preview' })]) {
        await assert.rejects(request, (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.ServerNotInitialized);
      }
      await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
      await connection.sendNotification('initialized', {});
      // The didOpen sent before initialize was dropped: the document is not open.
      assert.deepEqual(await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), []);
    } finally {
      connection.dispose();
      child.kill();
      forget();
    }
  });

  describe('with an initialized server', () => {
    let server: TestServer;
    before(async () => {
      server = await TestServer.start();
    });
    after(() => server.stop());

    it('ignores a didOpen whose text is null instead of breaking every document', async () => {
      const good = uniqueUri('good');
      await server.open(good, CLEAN_POSTMORTEM);
      const before = await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' });
      assert.ok(Array.isArray(before) && before.length > 0);
      for (const text of [null, 42, undefined]) {
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uniqueUri('null'), languageId: 'postmortem', version: 1, text } });
      }
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: good, version: 2 }, contentChanges: [{ text: null }] });
      const after = await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' });
      assert.deepEqual(after, before);
      assert.ok(server.alive);
    });

    it('renders the preview and the exports from the analysis it keeps, and says when it cannot', async () => {
      const uri = uniqueUri('render');
      await server.open(uri, CLEAN_POSTMORTEM);
      const preview = await server.connection.sendRequest<RenderResult>(RENDER_REQUEST, { textDocument: { uri }, format: 'preview' });
      assert.equal(preview.kind, 'rendered');
      assert.ok(preview.kind === 'rendered' && preview.version === 1 && preview.text.includes('pm-report') && !preview.text.startsWith('<!DOCTYPE'));
      const html = await server.connection.sendRequest<RenderResult>(RENDER_REQUEST, { textDocument: { uri }, format: 'html' });
      assert.ok(html.kind === 'rendered' && html.text.startsWith('<!DOCTYPE html>'));
      const markdown = await server.connection.sendRequest<RenderResult>(RENDER_REQUEST, { textDocument: { uri }, format: 'markdown' });
      assert.ok(markdown.kind === 'rendered' && markdown.text.startsWith('# '));
      const closed = await server.connection.sendRequest<RenderResult>(RENDER_REQUEST, { textDocument: { uri: uniqueUri('never-opened') }, format: 'preview' });
      assert.equal(closed.kind, 'unavailable');
      const bad = await server.connection.sendRequest<RenderResult>(RENDER_REQUEST, { textDocument: { uri }, format: 'pdf' });
      assert.equal(bad.kind, 'unavailable');
      const huge = uniqueUri('huge');
      server.openWithoutWaiting(huge, `${CLEAN_POSTMORTEM}\nnotes:\n${'  padding line for size\n'.repeat(100_000)}`);
      const tooLarge = await server.connection.sendRequest<RenderResult>(RENDER_REQUEST, { textDocument: { uri: huge }, format: 'preview' });
      assert.ok(tooLarge.kind === 'unavailable' && /not checked or previewed/.test(tooLarge.message));
    });
  });

  it('renders with the workspace configuration only when the workspace is trusted', async function () {
    this.timeout(30_000);
    const root = folder();
    writeFileSync(join(root, '.postmortemrc.json'), JSON.stringify({ today: '2031-05-06' }));
    writeFileSync(join(root, 'a.postmortem'), CLEAN_POSTMORTEM);
    const uri = pathToFileURL(join(root, 'a.postmortem')).href;
    for (const trusted of [true, false]) {
      const server = await TestServer.start({ initializationOptions: { trusted }, workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'w' }] });
      try {
        await server.open(uri, CLEAN_POSTMORTEM);
        const result = await server.connection.sendRequest<RenderResult>(RENDER_REQUEST, { textDocument: { uri }, format: 'preview' });
        assert.equal(result.kind, 'rendered');
        assert.equal(result.kind === 'rendered' && result.text.includes('as of 2031-05-06'), trusted, `trusted: ${trusted}`);
      } finally {
        await server.stop();
      }
    }
  });

  it('stays responsive when the workspace .postmortemrc.json is a link to /dev/zero or a named pipe', async function () {
    this.timeout(30_000);
    for (const kind of ['zero', 'pipe']) {
      const root = folder();
      if (kind === 'zero') symlinkSync('/dev/zero', join(root, '.postmortemrc.json'));
      else if (spawnSync('mkfifo', [join(root, '.postmortemrc.json')]).status !== 0) continue;
      const server = await TestServer.start({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'w' }] });
      try {
        const uri = pathToFileURL(join(root, 'a.postmortem')).href;
        const started = Date.now();
        const diagnostics = await server.open(uri, CLEAN_POSTMORTEM);
        assert.ok(Array.isArray(diagnostics));
        assert.ok(Date.now() - started < 10_000);
        await server.waitFor('a warning about the configuration', () => server.messages.find((m) => /not a regular file/.test(m.message)));
      } finally {
        await server.stop();
      }
    }
  });
});
