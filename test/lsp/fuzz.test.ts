import assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-protocol/node';
import { DocumentFormattingRequest, ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/core/analysis/analyze';
import { fixDocument } from '../../server/src/core/analysis/fixAll';
import { formatPostmortem } from '../../server/src/lsp/formatting';
import { cases, FUZZ_SCALE, FUZZ_SEED, mutate, seedDocuments, seededRandom, type Random } from '../helpers/fuzz';
import { buildServer } from './support/build';
import { uniqueUri } from './support/documents';
import { TestServer } from './support/testServer';

/** Longer than any answer takes on a loaded machine: a request not answered by then is a hang. */
const ANSWER_BOUND_MS = 20_000;

const METHODS = [
  'textDocument/hover', 'textDocument/completion', 'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/selectionRange',
  'textDocument/formatting', 'textDocument/codeAction', 'textDocument/inlayHint', 'workspace/symbol', 'workspace/executeCommand', 'postmortem/render',
  'textDocument/definition', 'no/such/method', 'initialize', '$/cancelRequest',
];

/** A random value of any JSON type, sometimes one a handler would half-expect. */
function junk(random: Random, depth = 0): unknown {
  switch (random.int(depth > 2 ? 6 : 9)) {
    case 0: return null;
    case 1: return random.int(2) === 0;
    case 2: return random.pick([0, -1, 1e308, -0, 2 ** 31, 1.5]);
    case 3: return random.pick(['', 'file:///x.postmortem', 'untitled:1', '\u0000', 'x'.repeat(1000), '../../etc/passwd']);
    case 4: return { line: random.pick([0, 5, -1, 1e9, null]), character: random.pick([0, 3, -7, 1e9, 'a']) };
    case 5: return undefined;
    case 6: return Array.from({ length: random.int(4) }, () => junk(random, depth + 1));
    default: return Object.fromEntries(['textDocument', 'position', 'range', 'query', 'context', 'command', 'arguments', 'format', 'uri'].filter(() => random.int(2) === 0).map((k) => [k, junk(random, depth + 1)]));
  }
}

/** Params shaped like a real request on an open document, at a random (maybe out-of-range) place. */
function plausibleParams(random: Random, uri: string, lines: number): unknown {
  const position = { line: random.int(lines + 3), character: random.int(120) };
  return {
    textDocument: { uri },
    position,
    range: { start: position, end: { line: position.line + random.int(3), character: random.int(80) } },
    context: { diagnostics: [], only: random.pick([undefined, ['quickfix'], ['source.fixAll.postmortem']]) },
    query: random.pick(['', 'A1', 'pool', '\u0000']),
    options: { tabSize: 2, insertSpaces: true },
    format: random.pick(['preview', 'html', 'markdown', 'pdf']),
    command: 'postmortem.applyAllFixes',
    arguments: [random.pick([uri, 42, null])],
  };
}

/** A random edit inside the document: a range and some text from the mutation pieces. */
function randomEdit(random: Random, document: TextDocument, seeds: string[]): { range: TextEdit['range']; text: string } {
  const length = document.getText().length;
  const start = random.int(length + 1);
  const end = Math.min(length, start + random.int(40));
  const text = random.int(3) === 0 ? '' : mutate(random.pick(seeds), random).slice(random.int(200), random.int(200) + random.int(60));
  return { range: { start: document.positionAt(start), end: document.positionAt(end) }, text };
}

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ANSWER_BOUND_MS} ms: ${what}`)), ANSWER_BOUND_MS);
  });
  return Promise.race([promise, bound]).finally(() => clearTimeout(timer));
}

/**
 * The standing adversarial suite over the language server (issue 12): random valid and invalid
 * JSON-RPC, random edits against a shadow copy of each document, and checks that the server's
 * text is the shadow's (its formatting and its Fix All must be what the core gives for the
 * shadow's text), that every request is answered in time, and that the server survives.
 */
describe('adversarial: the language server under random messages and edits', function () {
  this.timeout(600_000 * FUZZ_SCALE);
  let server: TestServer;
  before(async () => {
    await buildServer();
    server = await TestServer.start();
  });
  after(() => server.stop());

  it('answers every request in time, stays in step with the editor\'s text, and survives', async () => {
    const random = seededRandom(FUZZ_SEED + 2);
    const seeds = seedDocuments();
    const uris = [uniqueUri('fuzz-a'), uniqueUri('fuzz-b'), uniqueUri('fuzz-c')];
    for (const uri of uris) await server.open(uri, mutate(random.pick(seeds), random));
    const total = cases(600);
    const started = performance.now();
    let requests = 0;
    let checks = 0;
    for (let n = 0; n < total; n++) {
      const uri = random.pick(uris);
      const document = server.document(uri);
      switch (random.int(10)) {
        case 0:
        case 1:
        case 2:
          server.change(uri, Array.from({ length: 1 + random.int(3) }, () => randomEdit(random, server.document(uri), seeds)));
          break;
        case 3: {
          // Raw JSON-RPC, framed but wrong inside: bad JSON, wrong shapes, bad document notifications.
          const bodies = [
            '{not json', '[]', '{"jsonrpc":"2.0"}', JSON.stringify({ jsonrpc: '2.0', id: { x: 1 }, method: 'shutdown' }),
            JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: uniqueUri('junk'), languageId: 'postmortem', version: junk(random), text: junk(random) } } }),
            JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: uniqueUri('junk'), version: 2 }, contentChanges: junk(random) } }),
            JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didClose', params: junk(random) }),
            JSON.stringify({ jsonrpc: '2.0', method: 'workspace/didChangeConfiguration', params: { settings: { postmortem: junk(random) } } }),
          ];
          const body = Buffer.from(random.pick(bodies), 'utf8');
          server.process.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
          server.process.stdin!.write(body);
          break;
        }
        case 4:
        case 5: {
          const method = random.pick(METHODS);
          if (method === 'initialize' || method === '$/cancelRequest') break;
          const params = random.int(3) === 0 ? junk(random) : plausibleParams(random, uri, document.lineCount);
          requests++;
          await within(server.connection.sendRequest(method, params).catch(() => undefined), `${method} ${JSON.stringify(params)?.slice(0, 300)}`);
          break;
        }
        case 6: {
          // The server formats the text the editor has: the core's layout of the shadow text.
          requests++;
          checks++;
          const edits = (await within(server.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }), 'formatting')) ?? [];
          const shadow = server.text(uri);
          const formatted = TextDocument.applyEdits(TextDocument.create(uri, 'postmortem', 0, shadow), edits);
          assert.equal(formatted, formatPostmortem(analyze(shadow)), `case ${n}: the server's formatting is not the core's for the editor's text`);
          break;
        }
        case 7: {
          // Fix All through the command: the edit applied to the editor's copy is the --fix engine's text.
          requests++;
          checks++;
          const before = server.text(uri);
          await within(server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'postmortem.applyAllFixes', arguments: [uri] }), 'fix all');
          assert.equal(server.text(uri), fixDocument(before, {}).text, `case ${n}: Fix All differs from --fix`);
          break;
        }
        default: {
          // A new, wholly different document now and then, so no single text dominates.
          if (random.int(4) === 0) server.change(uri, [{ text: mutate(random.pick(seeds), random) }]);
        }
      }
    }
    assert.ok(server.alive, 'the server is still running');
    const symbols = await within(server.connection.sendRequest('workspace/symbol', { query: '' }), 'workspace symbols at the end');
    assert.ok(Array.isArray(symbols) && symbols.length > 0, 'the open documents are still indexed');
    console.log(`      lsp: ${total} messages (${requests} requests, ${checks} checks against the shadow) in ${((performance.now() - started) / 1000).toFixed(1)} s, 0 crashes, 0 hangs`);
  });
});
