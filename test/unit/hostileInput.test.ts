import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRegularFile } from '../../server/src/node/regularFile';
import { writeFileAtomically, WriteRefused } from '../../server/src/cli/atomicWrite';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/core/language/lineIndex';
import { updateDocument } from '../../server/src/lsp/documentUpdate';
import { escapeForTerminal } from '../../server/src/core/render/escape';
import { editDistance, nearest } from '../../server/src/core/rules/nearest';

describe('hostile input, unit by unit (issue 12)', () => {
  it('"did you mean" costs nothing for a 200,000-letter word and still finds typos', () => {
    // CPU time, not wall time: on a shared machine the wall clock also counts waiting for a core.
    const started = process.cpuUsage();
    for (let i = 0; i < 9; i++) assert.equal(nearest('k'.repeat(200_000), ['summary', 'incident', 'timeline', 'whys', 'actions']), undefined);
    const used = process.cpuUsage(started);
    const milliseconds = (used.user + used.system) / 1000;
    assert.ok(milliseconds < 500, `took ${milliseconds} ms of CPU`);
    assert.equal(nearest('timelnie', ['summary', 'timeline']), 'timeline');
    assert.equal(nearest('onwer', ['owner', 'due']), 'owner');
    assert.equal(editDistance('abc', 'abcdefgh', 2), 3, 'a distance above the limit is reported as limit + 1');
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });

  it('writes fixes only over the text that was read', () => {
    const folder = mkdtempSync(join(tmpdir(), 'postmortem-unit-write-'));
    try {
      const file = join(folder, 'a.postmortem');
      writeFileSync(file, 'original\n');
      const read = readFileSync(file);
      writeFileSync(file, 'replaced by someone else\n');
      assert.throws(() => writeFileAtomically(file, 'fixed\n', read), (error: unknown) => error instanceof WriteRefused && /changed while it was being checked/.test(error.message));
      assert.equal(readFileSync(file, 'utf8'), 'replaced by someone else\n');
      writeFileAtomically(file, 'fixed\n', readFileSync(file));
      assert.equal(readFileSync(file, 'utf8'), 'fixed\n');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reads at most the size cap of a file, and only regular files', () => {
    assert.throws(() => readRegularFile('/dev/zero', 1024), /is a device, not a regular file/);
    assert.throws(() => readRegularFile(tmpdir(), 1024), /is a folder, not a regular file/);
    const folder = mkdtempSync(join(tmpdir(), 'postmortem-unit-read-'));
    try {
      writeFileSync(join(folder, 'big'), 'x'.repeat(2048));
      assert.throws(() => readRegularFile(join(folder, 'big'), 1024), /larger than the 1 KB read at most/);
      assert.equal(readRegularFile(join(folder, 'big'), 4096).length, 2048);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('inserts line breaks in the style of the document, CR alone included', () => {
    assert.equal(new LineIndex('a\rb\r').eol, '\r');
    assert.equal(new LineIndex('a\r\nb').eol, '\r\n');
    assert.equal(new LineIndex('a\nb\r\n').eol, '\n');
    assert.equal(new LineIndex('one line').eol, '\n');
  });

  it('shows control characters escaped on a terminal, and leaves other text alone', () => {
    assert.equal(escapeForTerminal('a\u001b]0;x\u0007b\nc\r\td\u009b\u202e\u2028'), 'a\\e]0;x\\x07b\\nc\\r\\td\\x9b\\u202e\\u2028');
    assert.equal(escapeForTerminal('Café – “quoted” 😀 C:\\path'), 'Café – “quoted” 😀 C:\\path');
  });

  it('applies edits around CR LF pairs as the editor does (the server\'s copy stays the editor\'s text)', () => {
    // An edit ending in CR before an LF joins them into one line break; the next edit's position
    // must count lines as the editor does.
    const start = () => TextDocument.create('file:///a.postmortem', 'postmortem', 1, 'one\ntwo\nthree\n');
    const joined = { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, text: ' x\r' };
    const next = { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '> ' };
    const library = TextDocument.update(TextDocument.update(start(), [joined], 2), [next], 3).getText();
    const ours = updateDocument(updateDocument(start(), [joined], 2), [next], 3).getText();
    assert.equal(ours, 'one x\r\n> two\nthree\n');
    assert.notEqual(library, ours, 'TextDocument.update alone puts the second edit elsewhere (if this fails, the library was fixed)');
  });
});
