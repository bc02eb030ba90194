import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { analyze } from '../../server/src/core/analysis/analyze';
import { postmortemFileName, slugOf, templateSnippet, templateText } from '../../server/src/core/template/postmortemTemplate';

const NOW = new Date(2026, 2, 2, 9, 30);

describe('the postmortem template', () => {
  it('has no errors or warnings in a draft, and one PM006 finding per placeholder', () => {
    const { diagnostics } = analyze(templateText(NOW), { today: '2026-03-02' });
    assert.deepEqual(diagnostics.filter((d) => d.code !== 'PM006'), []);
    assert.ok(diagnostics.length >= 30, `${diagnostics.length} placeholders found`);
    assert.ok(diagnostics.every((d) => d.severity === 'information'));
  });

  it('raises PM006 to a warning in review and an error in a final document', () => {
    const severities = (status: string) => new Set(analyze(templateText(NOW).replace('status: draft', `status: ${status}`), { today: '2026-03-02' }).diagnostics.filter((d) => d.code === 'PM006').map((d) => d.severity));
    assert.deepEqual(severities('review'), new Set(['warning']));
    assert.deepEqual(severities('final'), new Set(['error']));
  });

  it('a configured severity for PM006 wins over the status', () => {
    const { diagnostics } = analyze(templateText(NOW).replace('status: draft', 'status: final'), { today: '2026-03-02', config: { rules: { PM006: 'hint' } } });
    assert.ok(diagnostics.filter((d) => d.code === 'PM006').every((d) => d.severity === 'hint'));
  });

  it('reports every kind of placeholder, each on its text', () => {
    const text = templateText(NOW, 'Checkout API errors during peak');
    const found = analyze(text, { today: '2026-03-02' }).diagnostics.map((d) => text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character));
    for (const expected of ['INC-2026-000', '@you', '@team', '00:00', '2026-03-02', 'How completion will be checked', 'Why that happened']) {
      assert.ok(found.includes(expected), `${expected} not reported`);
    }
    assert.ok(!found.includes('Checkout API errors during peak'));
  });

  it('puts the title into the first tab stop, escaped for snippet syntax', () => {
    assert.match(templateSnippet('Cost $5 {x}'), /^postmortem: \$\{1:Cost \\\$5 \{x\\}\}$/m);
    assert.match(templateText(NOW, 'Cost $5 {x}'), /^postmortem: Cost \$5 \{x\}$/m);
  });

  it('names files by local date and a slug of the title', () => {
    assert.equal(postmortemFileName(NOW, 'Checkout API errors during peak: Café 50%'), '2026-03-02-checkout-api-errors-during-peak-cafe-50.postmortem');
    assert.equal(slugOf('!!!'), 'postmortem');
    assert.ok(slugOf('word '.repeat(40)).length <= 60);
  });

  it('snippets/postmortem.json holds the same template (npm run snippets writes it)', () => {
    const snippets = JSON.parse(readFileSync(new URL('../../snippets/postmortem.json', import.meta.url), 'utf8'));
    assert.equal(snippets['Postmortem template'].body.join('\n'), templateSnippet());
  });
});
