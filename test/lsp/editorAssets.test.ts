// The files VS Code reads besides the client (grammar, snippets, language configuration) ship
// with the language server in the extension and are checked here with the LSP tests.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import oniguruma from 'vscode-oniguruma';
import type { IGrammar } from 'vscode-textmate';
import textmate from 'vscode-textmate';
import { analyze } from '../../server/src/core/analysis/analyze';
import { ZONE_ABBREVIATIONS } from '../../server/src/core/language/time';
import { resolveSnippet } from '../../server/src/core/template/postmortemTemplate';
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
    // The 12-hour clock, and the hour alone with AM or PM, as the parser reads them.
    assert.deepEqual(scopes('  9:37 AM UTC  Deploy'), ['9:37 AM UTC=constant.numeric.timestamp.utc']);
    assert.deepEqual(scopes('  2021-10-28 1:37 p.m. PDT  Alert'), ['2021-10-28 1:37 p.m.=constant.numeric.timestamp.zoned', ' PDT=keyword.other.zone.non-utc']);
    assert.deepEqual(scopes('  11 AM  Rollback'), ['11 AM=constant.numeric.timestamp.no-zone']);
    assert.deepEqual(scopes('  5 AMIs rebuilt'), [], 'AMIs is no meridiem');
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

  it('holds only the whole template: VS Code gets the rest from completion, where a block can start', () => {
    assert.deepEqual(Object.keys(snippets), ['Postmortem template']);
    assert.ok(!('snippets' in JSON.parse(read('package.json')).contributes), 'no snippet is contributed to every completion list');
  });

  it('expands into a postmortem whose only findings are its placeholders (PM006)', () => {
    const text = resolveSnippet(snippets['Postmortem template'].body.join('\n'), { CURRENT_YEAR: '2025', CURRENT_MONTH: '02', CURRENT_DATE: '15' });
    assert.deepEqual(analyze(text, { today: '2025-02-15' }).diagnostics.filter((d) => d.code !== 'PM006'), []);
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
