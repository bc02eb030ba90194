// The files VS Code reads besides the client (grammar, snippets, language configuration) ship
// with the language server in the extension and are checked here with the LSP tests.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import oniguruma from 'vscode-oniguruma';
import type { IGrammar } from 'vscode-textmate';
import textmate from 'vscode-textmate';
import { analyze } from '../../server/src/analysis/analyze';
import { ZONE_ABBREVIATIONS } from '../../server/src/language/time';
import { newPostmortemText } from '../../client/src/template';
import { REPO_ROOT } from './support/testServer';

// Both packages are UMD bundles: Node sees only their default export.
const { INITIAL, parseRawGrammar, Registry } = textmate;
const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');

async function loadGrammar(): Promise<IGrammar> {
  const wasm = readFileSync(join(createRequire(import.meta.url).resolve('vscode-oniguruma'), '..', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (scope === 'source.postmortem' ? parseRawGrammar(read('syntaxes/postmortem.tmLanguage.json'), 'postmortem.tmLanguage.json') : null),
  });
  return (await registry.loadGrammar('source.postmortem'))!;
}

describe('TextMate grammar', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  /** The innermost scope of each token of one line, as `text=scope` (plain text omitted). */
  function scopes(line: string): string[] {
    const { tokens } = grammar.tokenizeLine(line, INITIAL);
    return tokens
      .map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1]])
      .filter(([, scope]) => scope !== 'source.postmortem')
      .map(([text, scope]) => `${text}=${scope.replace(/\.postmortem$/, '')}`);
  }

  it('scopes section headers, keys and comments', () => {
    assert.deepEqual(scopes('timeline:'), ['timeline=entity.name.section', ':=punctuation.separator.key-value']);
    assert.deepEqual(scopes('  detected by: p95 alert'), ['detected by=support.type.property-name', ':=punctuation.separator.key-value']);
    assert.deepEqual(scopes('  # a note: with a colon'), ['  =comment.line.number-sign', '#=punctuation.definition.comment', ' a note: with a colon=comment.line.number-sign']);
    assert.deepEqual(scopes('postmortem: Payment outage'), ['postmortem=keyword.other.title', ':=punctuation.separator.key-value', 'Payment outage=markup.heading.title']);
  });

  it('scopes UTC timestamps differently from zoned and zone-less ones', () => {
    assert.deepEqual(scopes('  2025-02-14 14:30 UTC  Deploy'), ['2025-02-14 14:30 UTC=constant.numeric.timestamp.utc']);
    assert.deepEqual(scopes('  14:30Z  Alert'), ['14:30Z=constant.numeric.timestamp.utc']);
    assert.deepEqual(scopes('  2025-02-14T14:30:05Z x'), ['2025-02-14T14:30:05Z=constant.numeric.timestamp.utc']);
    assert.deepEqual(scopes('  14:30 PST  Alert'), ['14:30=constant.numeric.timestamp.zoned', ' PST=keyword.other.zone.non-utc']);
    assert.deepEqual(scopes('  14:30+02:00 x'), ['14:30=constant.numeric.timestamp.zoned', '+02:00=keyword.other.zone.non-utc']);
    assert.deepEqual(scopes('  14:30  DB failover'), ['14:30=constant.numeric.timestamp.no-zone'], 'DB is not a zone');
  });

  it('knows exactly the zone abbreviations the parser knows', () => {
    const grammarText = read('syntaxes/postmortem.tmLanguage.json');
    const listed = /\(\?:(GMT\|[A-Z|]+)\)/.exec(JSON.parse(grammarText).repository.timestamp.patterns[1].match)![1].split('|');
    assert.deepEqual([...listed].sort(), Object.keys(ZONE_ABBREVIATIONS).sort());
  });

  it('scopes handles, action IDs, bullets and enum values', () => {
    assert.deepEqual(scopes('  A12: Add an alert for @db-team'), ['A12=entity.name.tag.action-id', ':=punctuation.separator.key-value', '@db-team=variable.other.handle']);
    assert.deepEqual(scopes('    - see jane@example.com'), ['-=punctuation.definition.list.begin'], 'an e-mail address is not a handle');
    assert.deepEqual(scopes('  severity: SEV1'), ['severity=support.type.property-name', ':=punctuation.separator.key-value', 'SEV1=constant.language.severity']);
    assert.deepEqual(scopes('    priority: P2'), ['priority=support.type.property-name', ':=punctuation.separator.key-value', 'P2=constant.language.priority']);
    assert.deepEqual(scopes('    status: in-progress'), ['status=support.type.property-name', ':=punctuation.separator.key-value', 'in-progress=constant.language.status']);
    assert.deepEqual(scopes('status: final'), ['status=support.type.property-name', ':=punctuation.separator.key-value', 'final=constant.language.status']);
  });
});

describe('snippets', () => {
  const snippets = JSON.parse(read('snippets/postmortem.json')) as Record<string, { prefix: string[]; body: string[]; description: string }>;

  /** A snippet body as the text it inserts with its placeholders' defaults. */
  function expand(body: string[]): string {
    const today = '2025-02-15';
    return body
      .join('\n')
      .replace(/\$CURRENT_YEAR-\$CURRENT_MONTH-\$CURRENT_DATE/g, today)
      .replace(/\$CURRENT_YEAR/g, today.slice(0, 4))
      .replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$0/g, '')
      .replace(/\$\{\d+\}|\$\d+/g, 'text')
      .replace(/HH:MM/g, '14:30')
      .replace(/YYYY-MM-DD/g, '2999-01-01');
  }

  it('has the template, timeline event, five whys, action item and lessons', () => {
    assert.deepEqual(Object.keys(snippets), ['Postmortem template', 'Timeline event', 'Five whys', 'Action item', 'Lessons']);
    for (const [name, snippet] of Object.entries(snippets)) assert.ok(snippet.prefix.length && snippet.body.length && snippet.description, name);
  });

  it('expands the template into a postmortem with no syntax error and every required section', () => {
    const { diagnostics } = analyze(expand(snippets['Postmortem template'].body), { today: '2025-02-16' });
    assert.deepEqual(diagnostics.filter((d) => ['PM001', 'PM002', 'PM003', 'PM020', 'PM021', 'PM050'].includes(d.code)), []);
  });

  it('expands each section snippet into valid lines', () => {
    for (const name of ['Five whys', 'Lessons']) {
      const { diagnostics } = analyze(`postmortem: T\n${expand(snippets[name].body)}`);
      assert.deepEqual(diagnostics.filter((d) => d.code === 'PM001' || d.code === 'PM004'), [], name);
    }
    const action = expand(snippets['Action item'].body).split('\n').map((l) => `  ${l}`).join('\n');
    assert.deepEqual(analyze(`postmortem: T\nactions:\n${action}\n`).diagnostics.filter((d) => d.code.startsWith('PM03') || d.code === 'PM001'), []);
  });
});

describe('"Postmortem: New Postmortem" template', () => {
  it('is dated today in UTC and has every section and field, with no syntax error', () => {
    // 23:30 in New York is already the next day in UTC.
    const text = newPostmortemText(new Date('2026-11-28T04:30:00Z'));
    assert.match(text, /^date: 2026-11-28$/m);
    assert.match(text, /^ {2}started: 2026-11-28 00:00 UTC$/m);
    assert.deepEqual(analyze(text, { today: '2026-11-28' }).diagnostics.map((d) => `${d.code}: ${d.message}`), []);
  });
});

describe('language configuration', () => {
  const configuration = JSON.parse(read('language-configuration.json'));

  it('comments with # and continues a bullet on Enter', () => {
    assert.equal(configuration.comments.lineComment, '#');
    const [rule] = configuration.onEnterRules;
    assert.ok(new RegExp(rule.beforeText).test('    - a bullet'));
    assert.ok(!new RegExp(rule.beforeText).test('  why 1: text'));
    assert.equal(rule.action.appendText, '- ');
  });

  it('makes a handle one word', () => {
    const word = new RegExp(configuration.wordPattern, 'g');
    assert.deepEqual('owner: @db-team, see v2.4.0'.match(word), ['owner', '@db-team', 'see', 'v2.4.0']);
  });
});
