import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { templateText } from '../../server/src/core/template/postmortemTemplate';
import { buildCli, runCli, TemporaryFolders } from './cliHarness';

describe('postmortem new', () => {
  const folders = new TemporaryFolders();
  before(buildCli);
  after(() => folders.removeAll());

  it('writes the template as YYYY-MM-DD-slug.postmortem, the text New Postmortem inserts', () => {
    const cwd = folders.create({}, { focused: false });
    const run = runCli(['new', '--title', 'Checkout API errors during peak'], { cwd });
    assert.equal(run.status, 0, run.stderr);
    const [name] = readdirSync(cwd);
    assert.match(name, /^\d{4}-\d{2}-\d{2}-checkout-api-errors-during-peak\.postmortem$/);
    assert.equal(run.stdout, `Wrote ${name}\n`);
    const now = new Date();
    assert.equal(readFileSync(join(cwd, name), 'utf8'), templateText(now, 'Checkout API errors during peak'));
  });

  it('writes to -o FILE or standard output, and never replaces a file', () => {
    const cwd = folders.create({ 'taken.postmortem': 'mine\n' });
    assert.match(runCli(['new', '-o', '-'], { cwd }).stdout, /^postmortem: What failed, in a few words\n/);
    const refused = runCli(['new', '-t', 'x', '-o', 'taken.postmortem'], { cwd });
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /taken\.postmortem already exists/);
    assert.equal(readFileSync(join(cwd, 'taken.postmortem'), 'utf8'), 'mine\n');
  });

  it('a template left untouched passes a draft check but fails once final (PM006)', () => {
    const cwd = folders.create({}, { focused: false });
    runCli(['new', '-t', 'Queue backlog', '-o', 'draft.postmortem'], { cwd });
    assert.equal(runCli(['check', 'draft.postmortem'], { cwd }).status, 0);
    const final = readFileSync(join(cwd, 'draft.postmortem'), 'utf8').replace('status: draft', 'status: final');
    const finalCwd = folders.create({ 'final.postmortem': final }, { focused: false });
    const run = runCli(['check', 'final.postmortem'], { cwd: finalCwd });
    assert.equal(run.status, 1);
    assert.match(run.stdout, /error PM006 Replace the placeholder/);
  });
});
