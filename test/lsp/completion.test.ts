import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver-protocol/node';
import { CompletionRequest, MarkupContent } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildServer } from './support/build';
import { withCursors } from './support/cursors';
import { CLEAN_POSTMORTEM } from '../helpers/postmortems';
import { uniqueUri } from './support/documents';
import { CLIENT_CAPABILITIES, TestServer } from './support/testServer';
import { templateSnippet } from '../../server/src/core/template/postmortemTemplate';

describe('LSP completion', () => {
  let server: TestServer;
  before(async () => {
    await buildServer();
    server = await TestServer.start();
  });
  after(() => server.stop());

  /** Completion at each `|` of `marked`, after the document is analysed. */
  async function completeAt(marked: string): Promise<{ items: CompletionItem[]; text: string; cursor: Position }[]> {
    const { text, cursors } = withCursors(marked);
    const uri = uniqueUri('completion');
    await server.open(uri, text);
    return Promise.all(cursors.map(async (cursor) => {
      const result = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: cursor })) as CompletionItem[] | CompletionList | null;
      return { items: Array.isArray(result) ? result : result?.items ?? [], text, cursor };
    }));
  }

  async function labelsAt(marked: string): Promise<string[]> {
    const [{ items }] = await completeAt(marked);
    return items.map((i) => i.label);
  }

  /** The document text after accepting `label` at the single cursor. */
  async function accept(marked: string, label: string): Promise<string> {
    const [{ items, text }] = await completeAt(marked);
    const item = items.find((i) => i.label === label);
    assert.ok(item, `"${label}" is offered; got ${items.map((i) => i.label).join(', ')}`);
    assert.ok(item.textEdit && 'range' in item.textEdit, 'items carry a text edit');
    return TextDocument.applyEdits(TextDocument.create('file:///x', 'postmortem', 1, text), [item.textEdit]);
  }

  it('offers the missing section headers at column 0', async () => {
    const labels = await labelsAt('postmortem: T\n\nsummary:\n  text\n\n|');
    assert.deepEqual(labels, ['incident', 'timeline', 'whys', 'factors', 'actions', 'lessons', 'followup', 'notes']);
  });

  it('offers header fields above the first section and never inside a comment', async () => {
    assert.deepEqual(await labelsAt('postmortem: T\n|\nsummary:\n  x\n'), ['id', 'date', 'authors', 'status', 'incident', 'timeline', 'whys', 'factors', 'actions', 'lessons', 'followup', 'notes']);
    assert.deepEqual(await labelsAt('postmortem: T\n# a comment |\n'), []);
  });

  it('offers only the incident fields not yet written, with their documentation', async () => {
    const [{ items }] = await completeAt('postmortem: T\nincident:\n  started: 2025-02-14 14:30 UTC\n  severity: SEV2\n  |\n');
    const labels = items.map((i) => i.label);
    assert.ok(!labels.includes('started') && !labels.includes('severity'));
    assert.deepEqual(labels.slice(0, 3), ['type', 'detected', 'detected by']);
    const detected = items.find((i) => i.label === 'detected')!;
    assert.ok(MarkupContent.is(detected.documentation) && detected.documentation.value.includes('Time to detect'));
  });

  it('completes a key with its colon, replacing what was typed', async () => {
    assert.equal(await accept('postmortem: T\nincident:\n  sev|\n', 'severity'), 'postmortem: T\nincident:\n  severity: \n');
  });

  it('offers enum values after severity, priority, status and type', async () => {
    assert.deepEqual(await labelsAt('postmortem: T\nincident:\n  severity: |\n'), ['SEV0', 'SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5']);
    assert.deepEqual(await labelsAt('postmortem: T\nincident:\n  type: |\n'), ['incident', 'near-miss', 'drill']);
    const action = 'postmortem: T\nactions:\n  A1: Add an alert\n';
    assert.deepEqual(await labelsAt(`${action}    priority: |\n`), ['P0', 'P1', 'P2', 'P3', 'P4']);
    assert.deepEqual(await labelsAt(`${action}    status: |\n`), ['not-started', 'in-progress', 'blocked', 'done', 'verified', 'dropped']);
    assert.deepEqual(await labelsAt('postmortem: T\nstatus: |\n'), ['draft', 'review', 'final']);
  });

  it('adds the space after the colon when it is missing', async () => {
    assert.equal(await accept('postmortem: T\nincident:\n  severity:|\n', 'SEV2'), 'postmortem: T\nincident:\n  severity: SEV2\n');
  });

  it('offers the fields an action item still lacks, and the next action ID at item level', async () => {
    const text = 'postmortem: T\nactions:\n  A1: First\n    owner: @a\n  A7: Second\n    priority: P1\n    |\n  |\n';
    const [inside, itemLevel] = await completeAt(text);
    const fields = inside.items.map((i) => i.label);
    assert.ok(fields.includes('owner') && !fields.includes('priority'), fields.join(', '));
    assert.deepEqual(itemLevel.items.map((i) => i.label), ['A8']);
  });

  it('keeps the ID style the section uses', async () => {
    assert.deepEqual(await labelsAt('postmortem: T\nactions:\n  AI-3: First\n  AI-12: Second\n  |\n'), ['AI-13']);
    assert.deepEqual(await labelsAt('postmortem: T\nactions:\n  |\n'), ['A1']);
  });

  it('offers owners from every @handle in the open documents', async () => {
    await server.open(uniqueUri('owners'), 'postmortem: Other\nauthors: @zoe-ops, @sam\n');
    const labels = await labelsAt('postmortem: T\nauthors: @jane\nactions:\n  A1: x\n    owner: @|\n');
    for (const handle of ['@zoe-ops', '@sam', '@jane']) assert.ok(labels.includes(handle), `${handle} in ${labels.join(', ')}`);
    assert.ok(!labels.includes('@'), 'a lone @ is not a handle');
    assert.equal(await accept('postmortem: T\nauthors: @jane\nactions:\n  A1: x\n    owner: @ja|\n', '@jane'), 'postmortem: T\nauthors: @jane\nactions:\n  A1: x\n    owner: @jane\n');
  });

  it('offers the current UTC time at the start of a timeline line', async () => {
    const before = Date.now();
    const [{ items }] = await completeAt('postmortem: T\ntimeline:\n  |\n');
    assert.equal(items.length, 1);
    const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2}) UTC$/.exec(items[0].label);
    assert.ok(match, items[0].label);
    const offered = Date.parse(`${match[1]}T${match[2]}:${match[3]}:00Z`);
    assert.ok(offered <= Date.now() && offered > before - 61_000, 'the time offered is now, in UTC');
    assert.ok(items[0].textEdit && 'newText' in items[0].textEdit && items[0].textEdit.newText === `${items[0].label}  `);
  });

  it('offers due dates: today, in one and two weeks, in 30 days', async () => {
    const text = CLEAN_POSTMORTEM.replace('    due: 2999-03-15', '    due: |');
    const [{ items }] = await completeAt(text);
    const today = new Date().toISOString().slice(0, 10);
    const day = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    assert.deepEqual(items.map((i) => i.label), [day(0), day(7), day(14), day(30)]);
    assert.deepEqual(items.map((i) => i.detail), ['today', 'in 1 week', 'in 2 weeks', 'in 30 days']);
  });

  it('offers the next why, and symptom and root cause only while missing', async () => {
    assert.deepEqual(await labelsAt('postmortem: T\nwhys:\n  symptom: s\n  why 1: a\n  why 2: b\n  |\n'), ['why 3', 'root cause']);
    assert.deepEqual(await labelsAt('postmortem: T\nwhys:\n  |\n'), ['symptom', 'why 1', 'root cause']);
  });

  it('offers the categories a factors or lessons section lacks', async () => {
    assert.deepEqual(await labelsAt('postmortem: T\nfactors:\n  process:\n    - x\n  |\n'), ['technical', 'cultural', 'environmental']);
    assert.deepEqual(await labelsAt('postmortem: T\nlessons:\n  went well:\n    - x\n  |\n'), ['could improve', 'surprised us', 'changing']);
  });

  it('offers nothing in free text', async () => {
    assert.deepEqual(await labelsAt('postmortem: T\nsummary:\n  The pool was |\n'), []);
    assert.deepEqual(await labelsAt('postmortem: T\ntimeline:\n  2025-02-14 14:30 UTC  Deploy |\n'), []);
  });
});

describe('LSP completion as the insertion tool (a client with snippets, as VS Code)', () => {
  let server: TestServer;
  before(async () => {
    await buildServer();
    server = await TestServer.start({ capabilities: { ...CLIENT_CAPABILITIES, textDocument: { ...CLIENT_CAPABILITIES.textDocument, completion: { completionItem: { snippetSupport: true } } } } });
  });
  after(() => server.stop());

  async function itemsAt(marked: string): Promise<CompletionItem[]> {
    const { text, cursors } = withCursors(marked);
    const uri = uniqueUri('insertion');
    await server.open(uri, text);
    const result = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: cursors[0] })) as CompletionItem[] | CompletionList | null;
    return Array.isArray(result) ? result : result?.items ?? [];
  }
  const newText = (item: CompletionItem | undefined) => (item?.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : undefined);

  it('offers the whole template in an empty document, the same snippet New Postmortem inserts', async () => {
    const [item] = await itemsAt('# a note\n|\n');
    assert.equal(item.label, 'postmortem');
    assert.equal(item.insertTextFormat, 2);
    assert.equal(newText(item), templateSnippet());
  });

  it('offers no template where the document already has text', async () => {
    assert.ok(!(await itemsAt('postmortem: T\n|\n')).some((i) => i.kind === 15), 'no snippet among the section headers');
  });

  it('offers a whole action item with the next free ID, known owners and a due date two weeks on', async () => {
    await server.open(uniqueUri('known'), 'postmortem: Other\nactions:\n  A1: x\n    owner: @payments\n');
    const [item] = await itemsAt('postmortem: T\nactions:\n  A1: First\n    owner: @db\n  A2: Second\n  |\n');
    assert.equal(item.label, 'A3');
    assert.equal(item.insertTextMode, 2, 'lines after the first are indented like the ID line');
    const text = newText(item)!;
    assert.match(text, /^A3: \$\{1:A concrete change that prevents a recurrence\}\n {2}priority: \$\{2:P2\}\n {2}owner: \$\{3\|[^|]*@payments[^|]*\|\}\n {2}due: \$\{4:\d{4}-\d{2}-\d{2}\}\n {2}status: not-started\n {2}verify: /);
  });

  it('puts no snippet into value lists', async () => {
    for (const marked of ['postmortem: T\nstatus: |\n', 'postmortem: T\nincident:\n  severity: |\n', 'postmortem: T\nactions:\n  A1: x\n    due: |\n']) {
      const items = await itemsAt(marked);
      assert.ok(items.length && items.every((i) => i.kind !== 15 && i.insertTextFormat !== 2), marked);
    }
  });

  it('completes authors with handles from owner: and authors: fields only, @org/team whole, none listed twice', async () => {
    await server.open(uniqueUri('people'), 'postmortem: Other\nauthors: @zoe, @acme/sre\n# ask @not-a-comment-handle\nsummary:\n  @prose-person restarted it.\nactions:\n  A1: x\n    owner: @payments\n');
    const labels = (await itemsAt('postmortem: T\nauthors: @zoe, |\n')).map((i) => i.label);
    for (const handle of ['@acme/sre', '@payments']) assert.ok(labels.includes(handle), `${handle} in ${labels.join(', ')}`);
    for (const handle of ['@zoe', '@not-a-comment-handle', '@prose-person', '@you', '@team']) assert.ok(!labels.includes(handle), `${handle} not offered`);
    const [first] = await itemsAt('postmortem: T\nauthors: @zoe,|\n');
    assert.equal(newText(first)?.startsWith(' @'), true, 'a space follows the comma');
  });

  it('does not offer the handle being typed, which the document itself now names: accepting it would change nothing and take the Tab meant for the next field', async () => {
    for (const marked of ['postmortem: T\nauthors: @ines|\n', 'postmortem: T\nauthors: @zoe, @ines|\n', 'postmortem: T\nactions:\n  A1: x\n    owner: @ines|\n']) {
      const labels = (await itemsAt(marked)).map((i) => i.label);
      assert.ok(!labels.includes('@ines'), `${marked}: ${labels.join(', ')}`);
    }
    await server.open(uniqueUri('longer'), 'postmortem: Other\nauthors: @inesa\n');
    const labels = (await itemsAt('postmortem: T\nauthors: @ines|\n')).map((i) => i.label);
    assert.ok(labels.includes('@inesa'), `a longer known handle is still offered: ${labels.join(', ')}`);
  });
});
