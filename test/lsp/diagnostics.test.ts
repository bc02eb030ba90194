import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { buildServer } from './support/build';
import { CLEAN_POSTMORTEM, ZONELESS_POSTMORTEM } from '../helpers/postmortems';
import { readExample, uniqueUri } from './support/documents';
import { TestServer } from './support/testServer';

describe('LSP diagnostics', () => {
  let server: TestServer;
  before(async () => {
    await buildServer();
    server = await TestServer.start();
  });
  after(() => server.stop());

  it('publishes nothing but an empty list for a clean postmortem', async () => {
    assert.deepEqual(await server.open(uniqueUri('clean'), CLEAN_POSTMORTEM), []);
  });

  it('publishes code, rule page, source and LSP severity for each finding', async () => {
    const text = ZONELESS_POSTMORTEM;
    const [diagnostic, ...others] = await server.open(uniqueUri('zone'), text);
    assert.deepEqual(others, []);
    assert.equal(diagnostic.code, 'PM010');
    assert.equal(diagnostic.source, 'postmortem');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.equal(diagnostic.codeDescription?.href, 'https://github.com/postmortem-tools/postmortem-language-tools/blob/HEAD/docs/rules/PM010.md');
    const line = text.split('\n').findIndex((l) => l.startsWith('  14:30  Connection'));
    assert.deepEqual(diagnostic.range, { start: { line, character: 2 }, end: { line, character: 7 } });
  });

  it('maps every severity word to its LSP number and keeps each fix in data', async () => {
    const diagnostics = await server.open(uniqueUri('draft'), readExample('queue-backlog-draft.postmortem'));
    assert.ok(diagnostics.length > 5, 'the draft example has many findings');
    for (const d of diagnostics) {
      assert.ok(d.severity !== undefined && d.severity >= DiagnosticSeverity.Error && d.severity <= DiagnosticSeverity.Hint, `${d.code} has an LSP severity`);
      assert.match(String(d.code), /^PM\d{3}$/);
      assert.equal(d.codeDescription?.href.endsWith(`/docs/rules/${d.code}.md`), true);
    }
    assert.ok(diagnostics.some((d) => (d.data as { fix?: unknown } | undefined)?.fix), 'some diagnostics carry their fix');
    assert.ok(diagnostics.some((d) => d.severity === DiagnosticSeverity.Error), 'the draft has errors');
    assert.ok(diagnostics.some((d) => d.severity === DiagnosticSeverity.Information), 'the draft has information findings');
  });

  it('points related information at the same document', async () => {
    const uri = uniqueUri('related');
    const diagnostics = await server.open(uri, readExample('queue-backlog-draft.postmortem'));
    const related = diagnostics.filter((d) => d.relatedInformation?.length);
    for (const d of related) for (const r of d.relatedInformation!) assert.equal(r.location.uri, uri);
    const duplicate = diagnostics.find((d) => d.code === 'PM037');
    if (duplicate) assert.ok(duplicate.relatedInformation?.length, 'a duplicate action ID points at the first one');
  });

  it('follows incremental edits: fixing the text by hand clears the finding', async () => {
    const uri = uniqueUri('incremental');
    const text = ZONELESS_POSTMORTEM;
    assert.equal((await server.open(uri, text)).length, 1);
    const line = text.split('\n').findIndex((l) => l.startsWith('  14:30  Connection'));
    const version = server.change(uri, [{ range: { start: { line, character: 7 }, end: { line, character: 7 } }, text: ' UTC' }]);
    assert.deepEqual(await server.diagnosticsFor(uri, version), []);
    const broken = server.change(uri, [{ range: { start: { line, character: 7 }, end: { line, character: 11 } }, text: '' }]);
    assert.deepEqual((await server.diagnosticsFor(uri, broken)).map((d) => d.code), ['PM010']);
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = uniqueUri('closed');
    await server.open(uri, readExample('queue-backlog-draft.postmortem'));
    const before = server.publications(uri).length;
    server.close(uri);
    const cleared = await server.waitFor('the empty publication', () => server.publications(uri).slice(before).find((p) => p.diagnostics.length === 0));
    assert.equal(cleared.version, undefined);
  });
});

describe('LSP configuration', () => {
  let folder: string;
  let server: TestServer;

  beforeEach(async () => {
    await buildServer();
    folder = mkdtempSync(join(tmpdir(), 'postmortem-lsp-'));
    server = await TestServer.start({ workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'test' }] });
  });
  afterEach(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const fileUri = (name: string) => pathToFileURL(join(folder, name)).href;
  const nextPublication = (uri: string, after: number) =>
    server.waitFor(`a new publication for ${uri}`, () => server.publications(uri)[after]?.diagnostics);

  it('reads the nearest .postmortemrc.json', async () => {
    writeFileSync(join(folder, '.postmortemrc.json'), JSON.stringify({ rules: { PM010: 'error' } }));
    const [diagnostic] = await server.open(fileUri('a.postmortem'), ZONELESS_POSTMORTEM);
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
  });

  it('lets postmortem.* settings override the file, and re-reads them on change', async () => {
    writeFileSync(join(folder, '.postmortemrc.json'), JSON.stringify({ rules: { PM010: 'error' } }));
    const uri = fileUri('b.postmortem');
    server.settings = { rules: { PM010: 'hint' } };
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const [diagnostic] = await server.open(uri, ZONELESS_POSTMORTEM);
    assert.equal(diagnostic.severity, DiagnosticSeverity.Hint);
    const seen = server.publications(uri).length;
    server.settings = { rules: { PM010: 'off' } };
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.deepEqual(await nextPublication(uri, seen), []);
  });

  it('applies the latest settings when an earlier read of them answers last', async () => {
    const uri = fileUri('d.postmortem');
    assert.equal((await server.open(uri, ZONELESS_POSTMORTEM))[0].severity, DiagnosticSeverity.Warning);
    let answerStale!: () => void;
    server.settings = new Promise((resolve) => (answerStale = () => resolve({ rules: { PM010: 'hint' } })));
    const asked = server.configurationRequests;
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await server.waitFor('the server to ask for the settings', () => (server.configurationRequests > asked ? true : undefined));
    server.settings = { rules: { PM010: 'off' } };
    const seen = server.publications(uri).length;
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.deepEqual(await nextPublication(uri, seen), []);
    // The first read answers now, with what the settings were before the latest change.
    answerStale();
    const version = server.change(uri, [{ text: ZONELESS_POSTMORTEM }]);
    assert.deepEqual(await server.diagnosticsFor(uri, version), []);
  });

  it('re-reads .postmortemrc.json when the watcher reports a change', async () => {
    const rc = join(folder, '.postmortemrc.json');
    writeFileSync(rc, JSON.stringify({ rules: { PM010: 'warning' } }));
    const uri = fileUri('c.postmortem');
    assert.equal((await server.open(uri, ZONELESS_POSTMORTEM)).length, 1);
    assert.ok(server.registrations.includes(DidChangeWatchedFilesNotification.method), 'the server asks the client to watch files');
    const seen = server.publications(uri).length;
    writeFileSync(rc, JSON.stringify({ rules: { PM010: 'off' } }));
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(rc).href, type: FileChangeType.Changed }] });
    assert.deepEqual(await nextPublication(uri, seen), []);
  });

  it('shows a broken configuration file once, and still checks the document with the defaults', async () => {
    writeFileSync(join(folder, '.postmortemrc.json'), '{ "rules": { "PM010": "loud" }, }');
    const first = await server.open(fileUri('d.postmortem'), ZONELESS_POSTMORTEM);
    const second = await server.open(fileUri('e.postmortem'), ZONELESS_POSTMORTEM);
    assert.deepEqual(first.map((d) => d.code), ['PM010']);
    assert.deepEqual(second.map((d) => d.code), ['PM010']);
    const warnings = server.messages.filter((m) => m.message.includes('.postmortemrc.json'));
    assert.equal(warnings.length, 1, JSON.stringify(server.messages));
    assert.match(warnings[0].message, /invalid JSON/);
    assert.ok(server.alive);
  });

  it('reports bad settings and keeps the good ones', async () => {
    server.settings = { rules: { PM010: 'error', PM999: 'off' }, requiredWhys: 'five' };
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await server.waitFor('a warning about the settings', () => server.messages.find((m) => m.message.includes('postmortem.')));
    const [diagnostic] = await server.open(fileUri('f.postmortem'), ZONELESS_POSTMORTEM);
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
  });

  it('reads no .postmortemrc.json in an untrusted workspace', async () => {
    await server.stop();
    writeFileSync(join(folder, '.postmortemrc.json'), JSON.stringify({ rules: { PM010: 'off' } }));
    server = await TestServer.start({ initializationOptions: { trusted: false }, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'test' }] });
    assert.deepEqual((await server.open(fileUri('g.postmortem'), ZONELESS_POSTMORTEM)).map((d) => d.code), ['PM010']);
  });
});
