import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analysis/analyze';
import type { AnalyzeOptions } from '../../server/src/core/analysis/types';
import { CLEAN_POSTMORTEM } from '../helpers/postmortems';

/**
 * The sentence reader behind PM042: who is the agent of which act, the systemic question each
 * finding asks, and the configuration that still applies. Sentences from issue 10's report.
 */

const OPTIONS: AnalyzeOptions = { today: '2025-03-01' };
const LESSON = '    - No message to affected customers for 30 minutes';

function findings(sentence: string, options: AnalyzeOptions = OPTIONS) {
  const text = CLEAN_POSTMORTEM.replace(LESSON, `    - ${sentence}`);
  const line = text.split('\n').findIndex((l) => l.includes(sentence));
  const lineText = text.split('\n')[line];
  return analyze(text, options)
    .diagnostics.filter((d) => /^PM04[0-3]$/.test(d.code) && d.range.start.line === line)
    .map((d) => ({ code: d.code, words: lineText.slice(d.range.start.character, d.range.end.character), message: d.message }));
}

describe('blameless wording: the sentence reader', () => {
  const made: [string, string, string, RegExp][] = [
    ['The engineer errantly wiped the primary.', 'The engineer errantly', 'The engineer', /unintended action/],
    ['He ran it on the primary instead of the secondary.', 'He ran it on the primary instead of', 'He', /wrong target/],
    ['One of the engineers accidentally removed the data directory.', 'One of the engineers accidentally', 'One of the engineers', /unintended action/],
    ['An authorized S3 team member mistyped an input.', 'An authorized S3 team member mistyped', 'An authorized S3 team member', /mistyped value/],
    ['An engineer wrote a regular expression that could easily backtrack enormously.', 'An engineer wrote a regular expression that could easily backtrack enormously', 'An engineer', /look reasonable|effect|unintended/],
    ['The on-call engineer did not drain the node.', 'The on-call engineer did not drain', 'The on-call engineer', /step in the procedure/],
    ['Sam forgot to drain it.', 'Sam forgot to', 'Sam', /step in the procedure/],
    ['A simple mistake by the on-call.', 'mistake by the on-call', 'the on-call', /look reasonable/],
    ['The data directory was removed by the on-call engineer instead of the replica.', 'the on-call engineer instead of', 'the on-call engineer', /wrong target/],
    ["The probable cause was the engineer's acceleration into the curve.", "the engineer's acceleration", 'the engineer', /effect/],
  ];
  for (const [sentence, words, agent, question] of made) {
    it(`PM042 on “${sentence}”: says who is made the cause and asks about the system`, () => {
      const found = findings(sentence).filter((f) => f.code === 'PM042');
      assert.equal(found.length, 1, JSON.stringify(findings(sentence)));
      if (!sentence.startsWith('An engineer wrote')) assert.equal(found[0].words, words);
      assert.ok(found[0].message.includes(`“${agent}”`), found[0].message);
      assert.match(found[0].message, question);
    });
  }

  it('reports nothing on neutral sentences with people, mistakes, "should" and hypotheses', () => {
    for (const sentence of [
      'We hope others can learn from our mistakes.',
      'We considered whether the scale-up could have caused it, and ruled it out.',
      'Customers would have seen every request fail during that window.',
      'The change ran through an automation tool, to limit the chance of human error.',
      'Instructions to technicians should say clearly which cables must not be touched.',
      'The engineer noticed within seconds that the command had run on the primary and stopped it.',
      'The team identified the wrong DNS record and corrected it.',
      'Instead of restarting, the engineer drained the node first.',
      'Engineers should not be working against the production database directly.',
      'The on-call engineer acknowledged the page and paged the database team.',
    ]) {
      assert.deepEqual(findings(sentence), [], sentence);
    }
  });

  it('tells the counterfactual of a group from the error of a person', () => {
    assert.deepEqual(findings('The team failed to drain the node.').map((f) => f.code), ['PM041']);
    assert.deepEqual(findings('The engineer failed to drain the node.').map((f) => f.code), ['PM042']);
    assert.deepEqual(findings('We accidentally drained the wrong node.').map((f) => f.code), ['PM042']);
    assert.deepEqual(findings('We did not drain the node until 14:05.').map((f) => f.code), []);
  });

  it('reads configured people as agents, and allowed phrases silence the reader too', () => {
    const sentence = 'Zanele errantly wiped the primary.';
    assert.deepEqual(findings(sentence).map((f) => f.code), []);
    const named = findings(sentence, { ...OPTIONS, config: { people: ['Zanele'] } });
    assert.deepEqual(named.map((f) => [f.code, f.words]), [['PM042', 'Zanele errantly']]);
    const allowed = { ...OPTIONS, config: { people: ['Zanele'], allowedPhrases: ['errantly'] } };
    assert.deepEqual(findings(sentence, allowed), []);
  });
});
