import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodeActionRequest, ExecuteCommandRequest, type CodeAction } from 'vscode-languageserver-protocol/node';
import { decodeDocument } from '../../server/src/cli/readDocument';
import { buildCli, runCli, TemporaryFolders } from '../cli/cliHarness';
import { mutate, seedDocuments, seededRandom } from '../helpers/fuzz';
import { buildServer } from './support/build';
import { uniqueUri } from './support/documents';
import { TestServer } from './support/testServer';

const MUTATED = 500;

/**
 * One fix engine, two faces: `postmortem check --fix` (the built command line, on files) and the
 * editor's Fix All (the built language server: the `source.fixAll` code action that
 * `editor.codeActionsOnSave` asks for, and the "Postmortem: Fix All" command) give the same text,
 * byte for byte, for every example, fixture and 500 seeded mutated documents.
 */
describe('Fix All in the editor and check --fix give the same text', function () {
  this.timeout(600_000);
  const folders = new TemporaryFolders();
  let server: TestServer;
  before(async () => {
    buildCli();
    await buildServer();
    server = await TestServer.start();
  });
  after(async () => {
    await server.stop();
    folders.removeAll();
  });

  it('over the examples, the fixtures and 500 mutated documents', async () => {
    const random = seededRandom(20261129 + 11);
    const seeds = seedDocuments();
    const texts = [...seeds, ...Array.from({ length: MUTATED }, () => mutate(random.pick(seeds), random))];
    const files = Object.fromEntries(texts.map((text, n) => [`${String(n).padStart(4, '0')}.postmortem`, text]));
    const folder = folders.create(files, { focused: false });
    // What the editor would open: the file as read (a lone surrogate becomes U+FFFD, the BOM kept apart).
    const opened = new Map<string, string>();
    for (const name of readdirSync(folder)) {
      const document = decodeDocument(readFileSync(join(folder, name)));
      if (document.kind === 'text') opened.set(name, document.text);
    }

    // Both faces take today from the system clock, as a user's editor and CI do.
    const run = runCli(['check', '--fix', '--format', 'json', '.'], { cwd: folder, timeout: 300_000 });
    assert.ok(run.status === 0 || run.status === 1, `check --fix ran: ${run.stderr}`);

    let compared = 0;
    let changed = 0;
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const [name, text] of opened) {
      const decoded = decodeDocument(readFileSync(join(folder, name)));
      assert.equal(decoded.kind, 'text');
      const cli = decoded.kind === 'text' ? decoded.text : '';
      if (cli !== text) changed++;

      const onSave = uniqueUri(`on-save-${name}`);
      await server.open(onSave, text);
      const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: onSave }, range: whole, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[] | null;
      const fixAll = (actions ?? []).find((a) => a.kind === 'source.fixAll.postmortem');
      if (fixAll?.edit) server.applyWorkspaceEdit(fixAll.edit);
      assert.equal(server.text(onSave), cli, `${name}: source.fixAll (on save) differs from check --fix`);
      server.close(onSave);

      const command = uniqueUri(`command-${name}`);
      await server.open(command, text);
      await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'postmortem.applyAllFixes', arguments: [command] });
      assert.equal(server.text(command), cli, `${name}: the Fix All command differs from check --fix`);
      server.close(command);
      compared++;
    }
    assert.ok(compared >= MUTATED, `${compared} documents compared`);
    assert.ok(changed > MUTATED / 10, `only ${changed} documents had anything to fix`);
  });
});
