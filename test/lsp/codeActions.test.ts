import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { CodeActionRequest, DidChangeWatchedFilesNotification, ExecuteCommandRequest, FileChangeType } from 'vscode-languageserver-protocol/node';
import { buildServer } from './support/build';
import { CLEAN_POSTMORTEM, ZONELESS_POSTMORTEM } from '../helpers/postmortems';
import { readExample, uniqueUri } from './support/documents';
import { TestServer } from './support/testServer';

describe('LSP code actions', () => {
  let server: TestServer;
  before(async () => {
    await buildServer();
    server = await TestServer.start();
  });
  after(() => server.stop());

  function actionsAt(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } }) as Promise<CodeAction[]>;
  }

  /** Applies an action's edit to the open document and returns the diagnostics of the result. */
  async function apply(uri: string, action: CodeAction): Promise<Diagnostic[]> {
    const version = server.applyWorkspaceEdit(action.edit!);
    assert.ok(version, `${action.title} edits the document`);
    return server.diagnosticsFor(uri, version);
  }

  it('marks a zone-less time as UTC: exact text, and the diagnostic is gone', async () => {
    const uri = uniqueUri('pm010');
    const [diagnostic] = await server.open(uri, ZONELESS_POSTMORTEM);
    const actions = await actionsAt(uri, diagnostic.range, [diagnostic]);
    const fix = actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.[0].code === 'PM010' && a.isPreferred);
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.title, 'Mark the time as UTC');
    assert.deepEqual(await apply(uri, fix), []);
    assert.equal(server.text(uri), CLEAN_POSTMORTEM);
  });

  it('offers both readings of a zone-less time below a PST one, neither preferred, and converts the block', async () => {
    const uri = uniqueUri('pm010-block');
    const text = CLEAN_POSTMORTEM.replace('  2025-02-14 14:28 UTC  ', '  2025-02-14 6:28 AM PST  ').replace('  14:30 UTC  ', '  6:30 AM  ');
    const diagnostics = await server.open(uri, text);
    const bare = diagnostics.find((d) => d.code === 'PM010');
    assert.ok(bare, diagnostics.map((d) => d.code).join(' '));
    const actions = (await actionsAt(uri, bare.range, [bare])).filter((a) => a.diagnostics?.[0].code === 'PM010' && a.edit && !a.title.startsWith('Disable '));
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [
      ['Convert “2025-02-14 6:28 AM PST” and the time below it, read in PST, to UTC', undefined],
      ['Mark the time as UTC', undefined],
    ]);
    const after = await apply(uri, actions[0]);
    assert.ok(!after.some((d) => d.code === 'PM010' || d.code === 'PM011'), after.map((d) => d.code).join(' '));
    assert.equal(server.text(uri), CLEAN_POSTMORTEM);
  });

  it('inserts an owner line for an action item without one', async () => {
    const uri = uniqueUri('pm030');
    const diagnostics = await server.open(uri, CLEAN_POSTMORTEM.replace('    owner: @db-team\n', ''));
    const missing = diagnostics.find((d) => d.code === 'PM030');
    assert.ok(missing, diagnostics.map((d) => d.code).join(' '));
    const fix = (await actionsAt(uri, missing.range, [missing])).find((a) => a.diagnostics?.[0].code === 'PM030' && a.edit?.changes);
    assert.ok(fix);
    const after = await apply(uri, fix);
    assert.match(server.text(uri), /\n  A2: Alert at 80% connection pool utilization\n(    \w+: .*\n)*    owner:\n/);
    assert.ok(!after.some((d) => d.code === 'PM030' && d.message === missing.message), 'the missing-owner finding is gone');
  });

  it('offers a working fix for every fixable finding in the draft example', async () => {
    const draft = readExample('queue-backlog-draft.postmortem');
    const probe = uniqueUri('draft-probe');
    const fixable = (await server.open(probe, draft)).filter((d) => (d.data as { fix?: unknown } | undefined)?.fix);
    assert.ok(fixable.length >= 3, `the draft has fixable findings: ${fixable.map((d) => d.code).join(' ')}`);
    for (const diagnostic of fixable) {
      const uri = uniqueUri(`draft-${diagnostic.code}`);
      await server.open(uri, draft);
      const fixTitle = (diagnostic.data as { fix: { title: string } }).fix.title;
      const action = (await actionsAt(uri, diagnostic.range, [diagnostic])).find((a) => a.title === fixTitle && a.diagnostics?.[0].message === diagnostic.message);
      assert.ok(action, `${diagnostic.code}: "${fixTitle}" is offered`);
      const after = await apply(uri, action);
      assert.notEqual(server.text(uri), draft, `${diagnostic.code}: the fix changes the text`);
      assert.ok(!after.some((d) => d.code === diagnostic.code && d.message === diagnostic.message && d.range.start.line === diagnostic.range.start.line), `${diagnostic.code} "${diagnostic.message}" is gone`);
      server.close(uri);
    }
  });

  it('fixes everything fixable at once with source.fixAll.postmortem', async () => {
    const uri = uniqueUri('fixall');
    const before = await server.open(uri, readExample('queue-backlog-draft.postmortem'));
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const [fixAll, ...others] = await actionsAt(uri, range, [], ['source.fixAll']);
    assert.deepEqual(others, []);
    assert.equal(fixAll.kind, 'source.fixAll.postmortem');
    const after = await apply(uri, fixAll);
    assert.deepEqual(after.filter((d) => (d.data as { fix?: unknown } | undefined)?.fix).map((d) => `${d.code}: ${d.message}`), [], 'nothing fixable is left');
    assert.ok(after.length < before.length);
    assert.deepEqual(await actionsAt(uri, range, [], ['source.fixAll.postmortem']), [], 'no fix-all when nothing is left to fix');
  });

  it('applies the same fixes through the Fix All command (workspace/applyEdit)', async () => {
    const viaAction = uniqueUri('fixall-action');
    const viaCommand = uniqueUri('fixall-command');
    const draft = readExample('queue-backlog-draft.postmortem');
    await server.open(viaAction, draft);
    await server.open(viaCommand, draft);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const [fixAll] = await actionsAt(viaAction, range, [], ['source.fixAll.postmortem']);
    await apply(viaAction, fixAll);
    const applied = await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'postmortem.applyAllFixes', arguments: [viaCommand] });
    assert.equal(applied, true);
    assert.equal(server.text(viaCommand), server.text(viaAction));
  });

  it('gives quick fixes only to requests that want them, and fix-all only on request', async () => {
    const uri = uniqueUri('only');
    const [diagnostic] = await server.open(uri, ZONELESS_POSTMORTEM);
    assert.deepEqual(await actionsAt(uri, diagnostic.range, [diagnostic], ['refactor']), []);
    const plain = await actionsAt(uri, diagnostic.range, [diagnostic]);
    assert.ok(plain.every((a) => a.kind === 'quickfix'));
  });
});

describe('LSP suppression and rule-page actions', () => {
  let server: TestServer;
  before(async () => {
    await buildServer();
    server = await TestServer.start({ initializationOptions: { clientCommands: { showRuleDocumentation: 'postmortem.showRule', completeAt: 'postmortem.completeAt' } } });
  });
  after(() => server.stop());

  const BLAMING = CLEAN_POSTMORTEM.replace(/(\n  why 2: ).*\n/, '$1@jane skipped the canary stage\n');

  it('offers "Disable PM042 for this line" before the workspace-wide disable, and it silences only that line', async () => {
    const uri = uniqueUri('suppress');
    const diagnostics = await server.open(uri, BLAMING);
    const blame = diagnostics.find((d) => d.code === 'PM042');
    assert.ok(blame, diagnostics.map((d) => d.code).join(' '));
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: blame.range, context: { diagnostics: [blame] } })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.equal(titles[0], 'Disable PM042 for this line', titles.join(' | '));
    assert.ok(titles.includes('Why is this flagged? (PM042)'));
    const why = actions.find((a) => a.title === 'Why is this flagged? (PM042)')!;
    assert.deepEqual(why.command, { title: 'Open the PM042 rule page', command: 'postmortem.showRule', arguments: ['PM042'] });
    const version = server.applyWorkspaceEdit(actions[0].edit!);
    const after = await server.diagnosticsFor(uri, version!);
    assert.ok(!after.some((d) => d.code === 'PM042'));
    assert.match(server.text(uri), /\n  # postmortem-disable-next-line PM042\n  why 2: @jane skipped the canary stage\n/);
  });

  it('a fix that inserts an empty field puts the cursor after its colon and opens completion; known owners are offered directly', async () => {
    await server.open(uniqueUri('owners'), 'postmortem: Other\nactions:\n  A1: x\n    owner: @payments\n');
    const uri = uniqueUri('owner-fix');
    const text = CLEAN_POSTMORTEM.replace('    owner: @db-team\n', '');
    const missing = (await server.open(uri, text)).find((d) => d.code === 'PM030')!;
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: missing.range, context: { diagnostics: [missing] } })) as CodeAction[];
    const insert = actions.find((a) => a.title === 'Insert `owner:`')!;
    const [, line, character] = insert.command!.arguments as [string, number, number];
    assert.equal(insert.command!.command, 'postmortem.completeAt');
    const version = server.applyWorkspaceEdit(insert.edit!);
    await server.diagnosticsFor(uri, version!);
    assert.equal(server.text(uri).split('\n')[line].slice(0, character), '    owner:');
    assert.equal(server.text(uri).split('\n')[line].length, character, 'the cursor stands at the end of the inserted field');
    const setOwner = actions.find((a) => a.title.startsWith('Set owner to @'));
    assert.ok(setOwner, actions.map((a) => a.title).join(' | '));
    const handle = setOwner.title.slice('Set owner to '.length);
    const set = uniqueUri('owner-set');
    await server.open(set, text);
    const edit = { changes: { [set]: Object.values(setOwner.edit!.changes!)[0] } };
    const after = await server.diagnosticsFor(set, server.applyWorkspaceEdit(edit)!);
    assert.ok(server.text(set).includes(`\n    owner: ${handle}\n`));
    assert.ok(!after.some((d) => d.code === 'PM030'));
  });
});

describe('LSP "disable this rule" action', () => {
  let folder: string;
  let server: TestServer;
  beforeEach(async () => {
    await buildServer();
    folder = mkdtempSync(join(tmpdir(), 'postmortem-disable-'));
    server = await TestServer.start({ workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }] });
  });
  afterEach(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const rc = () => join(folder, '.postmortemrc.json');

  async function disableAction(uri: string): Promise<CodeAction | undefined> {
    const [diagnostic] = await server.open(uri, ZONELESS_POSTMORTEM);
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
    return actions.find((a) => a.title === 'Disable PM010 for the workspace in .postmortemrc.json…');
  }

  /** Does what an editor does with the workspace edit, on disk. */
  function applyToDisk(edit: WorkspaceEdit) {
    for (const change of edit.documentChanges ?? []) {
      if ('kind' in change && change.kind === 'create') writeFileSync(fileURLToPath(change.uri), '');
      else if ('textDocument' in change) writeFileSync(fileURLToPath(change.textDocument.uri), (change.edits as TextEdit[]).map((e) => e.newText).join(''));
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
      assert.equal(edits.length, 1);
      assert.deepEqual(edits[0].range.start, { line: 0, character: 0 }, 'the whole file is rewritten');
      writeFileSync(fileURLToPath(uri), edits[0].newText);
    }
  }

  it('creates .postmortemrc.json in the workspace folder, and the finding goes away', async () => {
    const uri = pathToFileURL(join(folder, 'a.postmortem')).href;
    const action = await disableAction(uri);
    assert.ok(action);
    applyToDisk(action.edit!);
    assert.deepEqual(JSON.parse(readFileSync(rc(), 'utf8')), { rules: { PM010: 'off' } });
    const seen = server.publications(uri).length;
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(rc()).href, type: FileChangeType.Created }] });
    assert.deepEqual(await server.waitFor('new diagnostics', () => server.publications(uri)[seen]?.diagnostics), []);
  });

  it('asks for confirmation before it writes (a change annotation VS Code shows in its refactor preview)', async () => {
    const action = await disableAction(pathToFileURL(join(folder, 'f.postmortem')).href);
    assert.ok(action?.edit?.changeAnnotations);
    const [annotation] = Object.values(action.edit.changeAnnotations);
    assert.equal(annotation.needsConfirmation, true);
    for (const change of action.edit.documentChanges ?? []) {
      const annotated = 'kind' in change ? [change.annotationId] : (change.edits as { annotationId?: string }[]).map((e) => e.annotationId);
      assert.ok(annotated.every((id) => id && id in action.edit!.changeAnnotations!), 'every change carries the annotation');
    }
  });

  it('edits an existing file and keeps its other settings', async () => {
    writeFileSync(rc(), JSON.stringify({ requiredWhys: 3, rules: { PM034: 'off' } }));
    const action = await disableAction(pathToFileURL(join(folder, 'b.postmortem')).href);
    assert.ok(action);
    applyToDisk(action.edit!);
    assert.equal(readFileSync(rc(), 'utf8'), `${JSON.stringify({ requiredWhys: 3, rules: { PM034: 'off', PM010: 'off' } }, null, 2)}\n`);
  });

  it('is not offered when the file is not valid JSON', async () => {
    writeFileSync(rc(), '{ "rules": ');
    assert.equal(await disableAction(pathToFileURL(join(folder, 'c.postmortem')).href), undefined);
    assert.equal(readFileSync(rc(), 'utf8'), '{ "rules": ');
  });

  it('is not offered in an untrusted workspace, where the file would not be read', async () => {
    await server.stop();
    server = await TestServer.start({ initializationOptions: { trusted: false }, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }] });
    assert.equal(await disableAction(pathToFileURL(join(folder, 'e.postmortem')).href), undefined);
  });

  it('is not offered when a client cannot create the file', async () => {
    await server.stop();
    server = await TestServer.start({ capabilities: { workspace: { applyEdit: true } }, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }] });
    assert.equal(await disableAction(pathToFileURL(join(folder, 'd.postmortem')).href), undefined);
    assert.equal(existsSync(rc()), false);
  });
});
