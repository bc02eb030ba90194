import { strict as assert } from 'node:assert';
import { analyze } from '../../server/src/core/analysis/analyze';
import { render } from '../../server/src/core/render/html';
import { toMarkdown } from '../../server/src/core/render/markdown';
import { readerView } from '../../server/src/core/render/readerView';

/** A why that names a person, kept on purpose and silenced on its line, as an author would. */
const WHY = 'why 2: @priya skipped the count check the runbook marked optional';
const DIRECTIVE = '# postmortem-disable-line PM042';

function postmortem(whyLine: string, newline = '\n'): string {
  return [
    'postmortem: Search results empty after an index rebuild',
    'status: draft',
    '',
    'whys:',
    '  symptom: Searches returned no results',
    '  why 1: The live alias pointed at an empty index',
    `  ${whyLine}`,
    '  why 3: Ticket #42 tracks the guard; the swap step has none',
    '',
  ].join(newline);
}

describe('what readers see of suppression comments (preview, render, export)', () => {
  const text = postmortem(`${WHY}  ${DIRECTIVE}`);
  const analysis = analyze(text, { today: '2025-04-02' });

  it('the comment silences the finding it names (the premise)', () => {
    assert.ok(analyze(postmortem(WHY), { today: '2025-04-02' }).diagnostics.some((d) => d.code === 'PM042'));
    assert.ok(!analysis.diagnostics.some((d) => d.code === 'PM042'));
  });

  it('leaves the same-line comment out of the preview, the HTML report and the Markdown export, and keeps the sentence', () => {
    for (const [name, output] of [
      ['preview fragment', render(analysis)],
      ['standalone HTML', render(analysis, { standalone: true })],
      ['Markdown', toMarkdown(analysis)],
    ] as const) {
      assert.ok(!output.includes('postmortem-disable'), `${name} shows the suppression comment`);
      assert.ok(output.includes('the runbook marked optional'), `${name} lost the why`);
      assert.ok(output.includes('#42'), `${name} lost a # that is prose`);
    }
  });

  it('keeps the line numbers the preview scrolls by, and the analysis\'s own diagnostics', () => {
    const view = readerView(analysis);
    assert.equal(view.lines.lineCount, analysis.lines.lineCount);
    assert.equal(view.lines.lineText(6), `  ${WHY}`);
    assert.equal(view.diagnostics, analysis.diagnostics);
    assert.match(render(analysis), /data-line="6"[^>]*>[^]*?the runbook marked optional/);
  });

  it('cuts only the comment: a directive with codes or without, tabs, CRLF line ends', () => {
    for (const [line, newline] of [
      [`${WHY}\t# postmortem-disable-line`, '\n'],
      [`${WHY} #postmortem-disable-line PM042, PM040`, '\r\n'],
    ] as const) {
      const view = readerView(analyze(postmortem(line, newline), { today: '2025-04-02' }));
      assert.equal(view.lines.lineText(6), `  ${WHY}`);
      assert.equal(view.lines.lineText(7), '  why 3: Ticket #42 tracks the guard; the swap step has none');
    }
  });

  it('gives back the same analysis when there is nothing to cut', () => {
    const plain = analyze(postmortem(WHY), { today: '2025-04-02' });
    assert.equal(readerView(plain), plain);
  });
});
