import assert from 'node:assert/strict';
import type { Hover, InlayHint } from 'vscode-languageserver-protocol/node';
import { DidChangeConfigurationNotification, HoverRequest, InlayHintRequest, MarkupContent } from 'vscode-languageserver-protocol/node';
import { buildServer } from './support/build';
import { withCursors } from './support/cursors';
import { CLEAN_POSTMORTEM } from '../helpers/postmortems';
import { uniqueUri } from './support/documents';
import { TestServer } from './support/testServer';

describe('LSP hover and inlay hints', () => {
  let server: TestServer;
  before(async () => {
    await buildServer();
    server = await TestServer.start();
  });
  after(() => server.stop());

  /** The hover text at each `|`. */
  async function hoverAt(marked: string): Promise<string[]> {
    const { text, cursors } = withCursors(marked);
    const uri = uniqueUri('hover');
    await server.open(uri, text);
    return Promise.all(cursors.map(async (position) => {
      const hover = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position })) as Hover | null;
      return hover && MarkupContent.is(hover.contents) ? hover.contents.value : '';
    }));
  }

  it('shows a timestamp in UTC with its offset from started', async () => {
    // Cursors come in text order: the incident field, then the timeline event.
    const [incident, timeline] = await hoverAt(CLEAN_POSTMORTEM.replace('  14:42 UTC  N+1', '  14:4|2 UTC  N+1').replace('  resolved: 2025', '  resolved: 2|025'));
    assert.match(timeline, /\*\*2025-02-14 14:42 UTC\*\*/);
    assert.match(timeline, /T\+12m from `started` \(2025-02-14 14:30 UTC\)/);
    assert.match(incident, /T\+45m from `started`/);
  });

  it('shows what a zoned time is in UTC, and a time before started as T−', async () => {
    const [zoned] = await hoverAt(CLEAN_POSTMORTEM.replace('  14:42 UTC  N+1', '  15:|42 CET  N+1'));
    assert.match(zoned, /`15:42 CET` is 2025-02-14 14:42 UTC/);
    assert.match(zoned, /T\+12m/);
    const [early] = await hoverAt(CLEAN_POSTMORTEM.replace('  2025-02-14 14:28 UTC  Deployment', '  2025-02-14 14:|28 UTC  Deployment'));
    assert.match(early, /T−2m from `started`/);
  });

  it('shows an action item’s owner, due date and whether it is overdue', async () => {
    const overdue = CLEAN_POSTMORTEM.replace('  A1: Add', '  A|1: Add').replace('due: 2999-03-15', 'due: 2020-03-15');
    const [text] = await hoverAt(overdue);
    assert.match(text, /owner: @platform-team/);
    assert.match(text, /due: 2020-03-15/);
    assert.match(text, /\*\*Overdue\*\*: due 2020-03-15/);
    const [onTime] = await hoverAt(CLEAN_POSTMORTEM.replace('  A1: Add', '  A|1: Add'));
    assert.match(onTime, /Not overdue: due 2999-03-15/);
    const [closed] = await hoverAt(CLEAN_POSTMORTEM.replace('  A2: Alert', '  A2: Al|ert'));
    assert.doesNotMatch(closed, /verdue/, 'a verified item is never overdue');
  });

  it('explains keys, sections and severities from the vocabulary', async () => {
    const [key, severity, section, priority] = await hoverAt(
      CLEAN_POSTMORTEM.replace('  detected by:', '  detec|ted by:').replace('whys:', 'wh|ys:').replace('severity: SEV1', 'severity: SE|V1').replace('priority: P1', 'priority: P|1'),
    );
    assert.match(key, /\*\*detected by\*\*\n\nHow the problem was noticed/);
    assert.match(section, /Five whys/);
    assert.match(severity, /\*\*SEV1\*\*\n\nCritical/);
    assert.match(priority, /\*\*P1\*\*/);
  });

  it('has nothing to say about free text', async () => {
    assert.deepEqual(await hoverAt(CLEAN_POSTMORTEM.replace('was exhausted', 'was exh|austed')), ['']);
  });

  it('puts the offset from started after each timeline timestamp, and obeys the setting', async () => {
    const uri = uniqueUri('inlay');
    await server.open(uri, CLEAN_POSTMORTEM);
    const lines = CLEAN_POSTMORTEM.split('\n');
    const range = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
    const hints = (await server.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range })) as InlayHint[];
    assert.deepEqual(hints.map((h) => h.label), ['-0:02', '+0:00', '+0:12', '+0:45']);
    const line = lines.findIndex((l) => l.startsWith('  14:42 UTC'));
    assert.deepEqual(hints[2].position, { line, character: 11 });
    const partial = (await server.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line, character: 0 }, end: { line, character: 5 } } })) as InlayHint[];
    assert.deepEqual(partial.map((h) => h.label), ['+0:12'], 'only the hints in the requested range');

    server.settings = { inlayHints: { enabled: false } };
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await server.waitFor('the republished diagnostics', () => (server.publications(uri).length > 1 ? true : undefined));
    assert.deepEqual(await server.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range }), []);
    server.settings = {};
  });
});
