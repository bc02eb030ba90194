import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/core/analysis/analyze';
import type { Analysis } from '../../server/src/core/analysis/types';
import { fixDocument } from '../../server/src/core/analysis/fixAll';
import { fixAllEdit } from '../../server/src/lsp/codeActions';
import { formatPostmortem } from '../../server/src/lsp/formatting';
import { cases, FUZZ_SCALE, FUZZ_SEED, mutate, seedDocuments, seededRandom } from '../helpers/fuzz';

/** Longer than any analysis of these documents takes, even on a loaded machine: more is a hang. */
const CASE_BOUND_MS = 5_000;
const OPTIONS = { today: '2025-03-01' };

function editorFixAll(text: string, analysis: Analysis): string {
  const document = TextDocument.create('file:///fuzz.postmortem', 'postmortem', 1, text);
  const edit = fixAllEdit({ uri: document.uri, version: 1, document, analysis });
  return edit ? TextDocument.applyEdits(document, [edit]) : text;
}

/** What formatting may change: white space, and the case of keys. */
const words = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/**
 * The standing adversarial suite over the core (issue 12): mutated documents through the analysis,
 * the fix engine the command line uses, the editor's Fix All and the formatter.
 */
describe('adversarial: the core on mutated documents', function () {
  this.timeout(600_000 * FUZZ_SCALE);

  it('never throws or hangs; --fix and the editor\'s Fix All agree; formatting keeps every word and is idempotent', () => {
    const random = seededRandom(FUZZ_SEED);
    const seeds = seedDocuments();
    const total = cases(500);
    const started = performance.now();
    let slowest = 0;
    for (let n = 0; n < total; n++) {
      const text = mutate(random.pick(seeds), random);
      const replay = `case ${n} (seed ${FUZZ_SEED}): ${JSON.stringify(text.slice(0, 2000))}`;
      const caseStarted = performance.now();
      const analysis = analyze(text, OPTIONS);
      const fixed = fixDocument(text, OPTIONS);
      assert.equal(editorFixAll(text, analysis), fixed.text, `the editor's Fix All and --fix differ: ${replay}`);
      const once = formatPostmortem(analysis);
      assert.equal(words(once), words(text), `formatting changed a word: ${replay}`);
      assert.equal(formatPostmortem(analyze(once, OPTIONS)), once, `formatting twice changes the text again: ${replay}`);
      const elapsed = performance.now() - caseStarted;
      slowest = Math.max(slowest, elapsed);
      assert.ok(elapsed < CASE_BOUND_MS, `case ${n} took ${elapsed.toFixed(0)} ms: ${replay}`);
    }
    console.log(`      core: ${total} cases in ${((performance.now() - started) / 1000).toFixed(1)} s, slowest ${slowest.toFixed(0)} ms, 0 crashes, 0 hangs`);
  });
});
