import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, CompletionList, DocumentSymbol, Hover } from 'vscode-languageserver-protocol/node';
import { CompletionRequest, DocumentSymbolRequest, FoldingRangeRequest, HoverRequest, MarkupContent } from 'vscode-languageserver-protocol/node';
import { buildServer } from './support/build';
import { withCursors } from './support/cursors';
import { TestServer } from './support/testServer';

/**
 * The editor over postmortems as people write them: 12-hour clocks, regional zones, rough times,
 * zoned times in prose, two causal chains, a customer-impact window and a team's severity scale.
 */
const REAL = `postmortem: Database outage and an 18-hour restore
date: 2017-02-02
authors: @ops, @github/infrastructure

summary:
  At 9:37AM PST an engineer ran a cleanup on the wrong host.

incident:
  started: 2017-01-31 23:00 UTC
  impact started: 2017-01-31 23:27 UTC
  impact ended: 2017-02-01 18:14 UTC
  resolved: 2017-02-01 18:14 UTC
  severity: P0
  services: database

timeline:
  ~23:25 UTC  Directory removed on the primary
  2017-02-01 9:37AM PT  Restore starts from the staging copy

whys: Data was deleted
  symptom: The primary lost its data directory
  why 1: A cleanup ran on the wrong host
  root cause: Hosts look alike in the shell

whys: The restore took 18 hours
  symptom: Recovery took most of a day
  why 1: The only usable copy was on slow disks
  root cause: Restores are never rehearsed
`;

describe('LSP over real-world writing', () => {
  let folder: string;
  let server: TestServer;
  let uri: string;
  let text: string;

  before(async () => {
    await buildServer();
    folder = mkdtempSync(join(tmpdir(), 'postmortem-real-'));
    writeFileSync(join(folder, '.postmortemrc.json'), JSON.stringify({ severities: ['P0', 'P1', 'P2', 'P3'] }));
    server = await TestServer.start({ workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'real' }] });
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  let counter = 0;
  async function open(marked: string) {
    const result = withCursors(marked);
    text = result.text;
    uri = pathToFileURL(join(folder, `real-${++counter}.postmortem`)).href;
    const diagnostics = await server.open(uri, text);
    return { cursors: result.cursors, diagnostics };
  }

  async function hover(marked: string): Promise<string> {
    const { cursors } = await open(marked);
    const result = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: cursors[0] })) as Hover | null;
    return result && MarkupContent.is(result.contents) ? result.contents.value : '';
  }

  it('reports the zoned time in prose, the region time, and nothing about P0, the impact window or the second chain', async () => {
    const { diagnostics } = await open(REAL);
    const lines = text.split('\n');
    const at = (code: string) => diagnostics.filter((d) => d.code === code).map((d) => lines[d.range.start.line].slice(d.range.start.character, d.range.end.character));
    assert.deepEqual(at('PM011'), ['9:37AM PST', '2017-02-01 9:37AM PT']);
    for (const code of ['PM001', 'PM004', 'PM005', 'PM013', 'PM014', 'PM017']) assert.deepEqual(at(code), [], code);
  });

  it('hovers a 12-hour regional time with what was written and its UTC form', async () => {
    const value = await hover(REAL.replace('2017-02-01 9:37AM PT', '2017-02-01 9:|37AM PT'));
    assert.match(value, /\*\*2017-02-01 17:37 UTC\*\*/);
    assert.match(value, /`2017-02-01 9:37AM PT` \(America\/Los_Angeles, UTC−08:00 at that moment\) is 2017-02-01 17:37 UTC/);
  });

  it('hovers a zoned time in prose like a timeline time, dated by `started`', async () => {
    const value = await hover(REAL.replace('At 9:37AM PST', 'At 9:3|7AM PST'));
    assert.match(value, /\*\*2017-01-31 17:37 UTC\*\*/);
    assert.match(value, /`9:37AM PST` is 2017-01-31 17:37 UTC/);
  });

  it('hovers the first time of a range under one zone in that zone', async () => {
    const value = await hover(REAL.replace('At 9:37AM PST', 'Between 9:3|7 and 9:50 AM PST'));
    assert.match(value, /\*\*2017-01-31 17:37 UTC\*\*/);
    assert.match(value, /`9:37` is 2017-01-31 17:37 UTC/);
  });

  it('hovers an event time range with both ends in UTC', async () => {
    const value = await hover(REAL.replace('~23:25 UTC  Directory', '23:|25-23:40 UTC  Directory'));
    assert.match(value, /\*\*2017-01-31 23:25–23:40 UTC\*\*/);
  });

  it('has no hover on prose away from a time', async () => {
    const { cursors } = await open(REAL.replace('an engineer ran', 'an engi|neer ran'));
    assert.equal(await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: cursors[0] }), null);
  });

  it('hovers an approximate time with ≈', async () => {
    const value = await hover(REAL.replace('~23:25 UTC', '~23:|25 UTC'));
    assert.match(value, /\*\*≈ 2017-01-31 23:25 UTC\*\*/);
    assert.match(value, /Approximate/);
  });

  it('completes and explains severities on the configured scale', async () => {
    const { cursors } = await open(REAL.replace('severity: P0', 'severity: |'));
    const result = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: cursors[0] })) as CompletionItem[] | CompletionList | null;
    const items = Array.isArray(result) ? result : result?.items ?? [];
    assert.deepEqual(items.map((i) => i.label), ['P0', 'P1', 'P2', 'P3']);
    assert.match(await hover(REAL.replace('severity: P0', 'severity: P|0')), /\*\*P0\*\*\n\nSeverity the most severe of 4 on this team’s scale/);
  });

  it('shows each causal chain with its title in the outline, and folds each', async () => {
    await open(REAL);
    const [root] = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(root.children!.filter((s) => s.name.startsWith('whys')).map((s) => s.name), ['whys: Data was deleted', 'whys: The restore took 18 hours']);
    const folds = (await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })) ?? [];
    const lines = text.split('\n');
    const chainStarts = lines.flatMap((line, i) => (line.startsWith('whys:') ? [i] : []));
    for (const start of chainStarts) assert.ok(folds.some((f) => f.startLine === start), `a fold starts at line ${start + 1}`);
  });
});
