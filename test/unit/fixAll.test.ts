import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../server/src/core/analysis/edits';
import { compatibleFixes, fixDocument } from '../../server/src/core/analysis/fixAll';
import type { Fix, PostmortemDiagnostic } from '../../server/src/core/analysis/types';
import { LineIndex } from '../../server/src/core/language/lineIndex';
import { loadFixtures } from '../helpers/fixtures';

/** The fix engine of `check --fix` and the editor's Fix All. */
function fixAll(text: string, today = '2025-03-01') {
  return fixDocument(text, { today });
}

function replacing(line: number, from: number, to: number, newText: string) {
  return { range: { start: { line, character: from }, end: { line, character: to } }, newText };
}

function offering(fix: Fix): PostmortemDiagnostic {
  return { code: 'PM022', severity: 'warning', message: 'm', range: fix.edits[0].range, source: 'postmortem', data: { fix } };
}

describe('applying every fix', () => {
  const examples = join(import.meta.dirname, '..', '..', 'examples');
  const documents = [
    ...loadFixtures().map((f) => [f.name, f.text] as const),
    ...readdirSync(examples).filter((f) => f.endsWith('.postmortem')).map((f) => [f, readFileSync(join(examples, f), 'utf8')] as const),
  ];
  for (const [name, text] of documents) {
    it(`${name}: converges, leaves nothing fixable and keeps every line it did not fix`, () => {
      const { text: fixed } = fixAll(text);
      assert.equal(fixAll(fixed).applied, 0);
      assert.deepEqual(fixAll(text).analysis.diagnostics.filter((d) => d.data?.fix).map((d) => d.code), [], 'something fixable is left');
      // Fixes insert and replace; they never drop a line that was not the target of a fix.
      const kept = new Set(fixed.split(/\r?\n/).map((l) => l.trim()));
      const lost = text.split(/\r?\n/).filter((l) => /^\s*#/.test(l) && !kept.has(l.trim()));
      assert.deepEqual(lost, [], 'comment lines lost');
    });
  }

  it('--fix keeps a leading byte order mark whether or not it fixes anything, as the editor\'s Fix All does', () => {
    for (const text of ['\ufeff\r# only a comment\r', '\ufeffpostmortem: x\nsummary:\n  Short.\n']) {
      const fixed = fixDocument(text, { today: '2025-03-01' }).text;
      assert.notEqual(fixed, text, 'the fixes changed the document');
      assert.equal(fixed.charCodeAt(0), 0xfeff);
      assert.notEqual(fixed.charCodeAt(1), 0xfeff);
    }
  });

  it('inserts missing sections in template order, after the comments indented under the section before, with blank lines around', () => {
    const { text } = fixAll('postmortem: x\nsummary:\n  Short.\nactions:\n  # A1: c\n');
    const headers = text.split('\n').filter((l) => /^[a-z]+:/.test(l)).map((l) => l.replace(/:.*/, ''));
    assert.deepEqual(headers, ['postmortem', 'summary', 'incident', 'timeline', 'whys', 'factors', 'actions', 'lessons']);
    assert.match(text, /actions:\n {2}# A1: c\n\nlessons:/);
    assert.match(text, /environmental:\n\nactions:/);
  });

  it('applies a fix of several edits whole or not at all', () => {
    const lines = new LineIndex('whys:\n  why 2: a\n  why 3: b\n  why 5: c\n');
    const renumber: Fix = { title: 'Renumber', edits: [replacing(1, 2, 7, 'why 1'), replacing(2, 2, 7, 'why 2'), replacing(3, 2, 7, 'why 3')] };
    const later: Fix = { title: 'Clashes with the last renumbering', edits: [replacing(3, 2, 5, 'WHY')] };
    const earlier: Fix = { title: 'Comes first and clashes with the renumbering', edits: [replacing(0, 0, 4, 'whys'), replacing(2, 6, 7, '9')] };
    assert.deepEqual(compatibleFixes(lines, [later, renumber].map(offering)), [renumber], 'the renumbering whole, the later clash left out');
    assert.deepEqual(compatibleFixes(lines, [renumber, earlier].map(offering)), [earlier], 'none of the renumbering when a fix before it takes one of its lines');
    assert.equal(applyEdits(lines, compatibleFixes(lines, [renumber, earlier].map(offering)).flatMap((f) => f.edits)), 'whys:\n  why 2: a\n  why 9: b\n  why 5: c\n');
  });

  it('renames a lessons label to its category once, without inserting the category again', () => {
    // Lessons as the SRE book's template heads them, from a draft of Knight Capital's 2012 outage in our own words.
    const text = 'postmortem: t\nlessons:\n  What went well:\n    - a\n  What went wrong:\n    - b\n';
    const [lessons] = /lessons:\n(?: .*\n)*/.exec(fixAll(text).text)!;
    assert.equal(lessons, 'lessons:\n  went well:\n    - a\n  could improve:\n    - b\n  surprised us:\n  changing:\n');
  });

  it('renumbers the whys through the engine in one pass, all of them', () => {
    const { text } = fixAll('postmortem: x\nwhys:\n  why 2: a\n  why 3: b\n  why 5: c\n  root cause: d\n');
    assert.match(text, /why 1: a\n {2}why 2: b\n {2}why 3: c\n/);
  });
});
