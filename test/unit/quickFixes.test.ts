import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/core/analysis/analyze';
import { applyEdits } from '../../server/src/core/analysis/edits';
import type { PostmortemDiagnostic } from '../../server/src/core/analysis/types';
import { rules } from '../../server/src/core/rules/index';
import { loadFixtures } from '../helpers/fixtures';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

const documents = [
  ...loadFixtures().map((f) => ({ name: `fixture ${f.name}`, text: f.text, options: f.options })),
  ...readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.postmortem'))
    .map((f) => ({ name: `example ${f}`, text: readFileSync(join(EXAMPLES, f), 'utf8'), options: { today: '2026-11-27' } })),
];

const sameKind = (a: PostmortemDiagnostic, b: PostmortemDiagnostic) => a.code === b.code && a.message === b.message;

describe('every quick fix', () => {
  const exercised = new Set<string>();
  for (const doc of documents) {
    const before = analyze(doc.text, doc.options);
    const fixable = before.diagnostics.filter((d) => d.data?.fix);
    if (!fixable.length) continue;
    describe(doc.name, () => {
      for (const diagnostic of fixable) {
        const title = `${diagnostic.code} line ${diagnostic.range.start.line + 1}: ${diagnostic.data!.fix!.title}`;
        it(title, () => {
          exercised.add(diagnostic.code);
          const edits = diagnostic.data!.fix!.edits;
          const fixed = applyEdits(before.lines, edits);
          // Everything before the first edit and after the last one is untouched.
          const source = before.lines.text;
          const starts = edits.map((e) => before.lines.offset(e.range.start));
          const ends = edits.map((e) => before.lines.offset(e.range.end));
          const head = Math.min(...starts);
          const tail = source.length - Math.max(...ends);
          assert.equal(fixed.slice(0, head), source.slice(0, head));
          assert.equal(fixed.slice(fixed.length - tail), source.slice(source.length - tail));
          // Between edits, only the edits' own text changed.
          if (edits.length > 1) {
            const rebuilt = applyEdits(before.lines, edits.map((e) => ({ range: e.range, newText: `\u0000${e.newText}\u0000` })));
            assert.equal(rebuilt.replace(/\u0000[^\u0000]*\u0000/g, ''), removeRanges(source, starts, ends));
          }
          const after = analyze(fixed, doc.options);
          const count = (list: PostmortemDiagnostic[]) => list.filter((d) => sameKind(d, diagnostic)).length;
          assert.ok(count(after.diagnostics) < count(before.diagnostics), `still reported after the fix: ${diagnostic.message}`);
        });
      }
    });
  }

  // Defined last so it runs after every fix above has been exercised.
  describe('coverage', () => {
    it('exercises every fixable rule', () => {
      const missing = rules.filter((r) => r.fixable && !exercised.has(r.code)).map((r) => r.code);
      assert.deepEqual(missing, [], 'fixable rules whose fix no fixture or example exercises');
    });
  });
});

function removeRanges(text: string, starts: number[], ends: number[]): string {
  const spans = starts.map((s, i) => [s, ends[i]] as const).sort((a, b) => a[0] - b[0]);
  let out = '';
  let cursor = 0;
  for (const [s, e] of spans) {
    out += text.slice(cursor, s);
    cursor = Math.max(cursor, e);
  }
  return out + text.slice(cursor);
}
