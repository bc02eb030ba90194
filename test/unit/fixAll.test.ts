import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/core/analysis/analyze';
import { applyEdits } from '../../server/src/core/analysis/edits';
import { fixDocument } from '../../server/src/core/analysis/fixAll';
import { loadFixtures } from '../helpers/fixtures';

/** Applies every fix, re-analyses and repeats until nothing is left to fix, as `--fix` does. */
function fixAll(text: string, today = '2025-03-01'): { text: string; passes: number } {
  for (let pass = 1; pass <= 20; pass++) {
    const analysis = analyze(text, { today });
    const edits = analysis.diagnostics.flatMap((d) => d.data?.fix?.edits ?? []);
    if (!edits.length) return { text, passes: pass - 1 };
    text = applyEdits(analysis.lines, edits);
  }
  throw new Error('fixes did not converge in 20 passes');
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
      assert.equal(fixAll(fixed).passes, 0);
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
});
