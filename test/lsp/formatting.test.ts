import assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-protocol/node';
import { DocumentFormattingRequest } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/core/analysis/analyze';
import { formatPostmortem } from '../../server/src/lsp/formatting';
import { buildServer } from './support/build';
import { sampleDocuments, uniqueUri } from './support/documents';
import { TestServer } from './support/testServer';

/** The words of a text: formatting may change white space and the case of keys, nothing else. */
function words(text: string): string[] {
  return text.replace(/^\ufeff/, '').split(/\s+/).filter(Boolean);
}

function sameWordsIgnoringKeyCase(before: string, after: string) {
  const a = words(before);
  const b = words(after);
  assert.equal(b.length, a.length, 'same number of words');
  a.forEach((word, i) => assert.equal(b[i].toLowerCase(), word.toLowerCase(), `word ${i}: "${word}" became "${b[i]}"`));
}

const MESSY = [
  'Postmortem: Messy layout   ',
  'ID: INC-1',
  '',
  '',
  '',
  'Summary:   Inline summary text',
  '      continued here',
  'Incident:',
  '\tStarted:   2025-02-14 14:30 UTC',
  '      Severity: SEV2',
  ' Impact: lots',
  '        of it',
  '# about the timeline',
  'Timeline:',
  '  2025-02-14 14:30 UTC Deploy',
  '      14:45 UTC   Alert fires',
  '         - a bullet under the event',
  'Whys:',
  '    Symptom: slow',
  '  Why 1:   because',
  '      -    a reason',
  '           that wraps',
  'Actions:',
  '  A1: Do a thing',
  '  Owner: @a',
  '        Due: 2025-03-01',
  'Followup:',
  '  2025-03-01 note',
  '',
].join('\n');

const MESSY_FORMATTED = [
  'postmortem: Messy layout',
  'id: INC-1',
  '',
  'summary: Inline summary text',
  '  continued here',
  '',
  'incident:',
  '  started: 2025-02-14 14:30 UTC',
  '  severity: SEV2',
  '  impact: lots',
  '    of it',
  '',
  '# about the timeline',
  'timeline:',
  '  2025-02-14 14:30 UTC  Deploy',
  // A time alone is aligned with the other times alone, not padded to the full date's width.
  '  14:45 UTC  Alert fires',
  '    - a bullet under the event',
  '',
  'whys:',
  '  symptom: slow',
  '  why 1: because',
  '    - a reason',
  '      that wraps',
  '',
  'actions:',
  '  A1: Do a thing',
  '    owner: @a',
  '    due: 2025-03-01',
  '',
  'followup:',
  '  2025-03-01  note',
  '',
].join('\n');

describe('formatting', () => {
  it('lays out a messy document canonically', () => {
    assert.equal(formatPostmortem(analyze(MESSY)), MESSY_FORMATTED);
  });

  for (const sample of sampleDocuments()) {
    it(`changes no word and is idempotent: ${sample.name}`, () => {
      const once = formatPostmortem(analyze(sample.text));
      sameWordsIgnoringKeyCase(sample.text, once);
      assert.equal(formatPostmortem(analyze(once)), once, 'formatting the result again changes nothing');
      assert.deepEqual(analyze(once).diagnostics.map((d) => d.code), analyze(sample.text).diagnostics.map((d) => d.code), 'the same findings');
    });
  }

  it('keeps lines it does not understand as they are, apart from trailing blanks', () => {
    const text = 'postmortem: T\nstray line at column 0   \ntimeline:\n  not a timestamp line\n      14:00 UTC x\nmystery:\n      keep   this   spacing\n';
    const formatted = formatPostmortem(analyze(text));
    assert.equal(formatted, 'postmortem: T\nstray line at column 0\n\ntimeline:\n  not a timestamp line\n  14:00 UTC  x\n\nmystery:\n      keep   this   spacing\n');
  });

  it('is idempotent and keeps the meaning on tab-indented lines it does not understand (issue 12)', () => {
    const text = 'postmortem: t\ntimeline:\n\t2025-02-14 14:30 UTC\tfirst event\n\tservices: api\n';
    const once = formatPostmortem(analyze(text));
    assert.equal(formatPostmortem(analyze(once)), once, 'formatting the result again changes nothing');
    assert.equal(analyze(once).ast.sections[0].name === 'timeline' && (analyze(once).ast.sections[0] as { events: { text?: { text: string } }[] }).events[0].text?.text, 'first event', 'the stray line does not join the event');
    assert.deepEqual(analyze(once).diagnostics.map((d) => d.code), analyze(text).diagnostics.map((d) => d.code), 'the same findings');
  });

  it('aligns times alone in their own column, apart from full dates (issue 15)', () => {
    const text = 'postmortem: T\ntimeline:\n  2025-02-14 14:30 UTC Deploy\n  14:45 UTC Alert fires\n  14:50:30 UTC Paged\n';
    assert.equal(
      formatPostmortem(analyze(text)),
      'postmortem: T\n\ntimeline:\n  2025-02-14 14:30 UTC  Deploy\n  14:45 UTC     Alert fires\n  14:50:30 UTC  Paged\n',
    );
  });

  it('keeps CRLF line breaks', () => {
    const formatted = formatPostmortem(analyze('postmortem: T\r\nincident:\r\n    severity: SEV2\r\n'));
    assert.equal(formatted, 'postmortem: T\r\n\r\nincident:\r\n  severity: SEV2\r\n');
  });
});

describe('LSP formatting', () => {
  let server: TestServer;
  before(async () => {
    await buildServer();
    server = await TestServer.start();
  });
  after(() => server.stop());

  async function format(uri: string): Promise<TextEdit[]> {
    return ((await server.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } })) ?? []) as TextEdit[];
  }

  it('returns edits that produce the formatted text, and none the second time', async () => {
    const uri = uniqueUri('format');
    await server.open(uri, MESSY);
    const edits = await format(uri);
    assert.equal(TextDocument.applyEdits(server.document(uri), edits), MESSY_FORMATTED);
    const version = server.applyEdits(uri, edits);
    await server.diagnosticsFor(uri, version);
    assert.equal(server.text(uri), MESSY_FORMATTED);
    assert.deepEqual(await format(uri), []);
  });

  it('keeps a byte order mark the client left in the text', async () => {
    const uri = uniqueUri('bom');
    await server.open(uri, '\ufeffPostmortem: T\nincident:\n    severity: SEV2\n');
    const version = server.applyEdits(uri, await format(uri));
    await server.diagnosticsFor(uri, version);
    assert.equal(server.text(uri), '\ufeffpostmortem: T\n\nincident:\n  severity: SEV2\n');
  });
});
