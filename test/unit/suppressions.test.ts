import { strict as assert } from 'node:assert';
import { analyze } from '../../server/src/core/analysis/analyze';

const codesByLine = (text: string) => analyze(text, { today: '2026-03-10' }).diagnostics.map((d) => `${d.range.start.line}:${d.code}`);

/** A why that names a person as the cause (PM042), written the way incident reports often do. */
const BLAME = 'why 2: @dana skipped the canary stage';

describe('suppression comments', () => {
  const doc = (...lines: string[]) => `postmortem: Checkout errors\nwhys:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;

  it('reports the finding without a comment (the test can fail)', () => {
    assert.ok(codesByLine(doc(BLAME)).includes('2:PM042'));
  });

  it('`postmortem-disable-next-line PM042` silences PM042 on the next line only', () => {
    const codes = codesByLine(doc('# postmortem-disable-next-line PM042', BLAME, BLAME.replace('2', '3')));
    assert.ok(!codes.includes('3:PM042'));
    assert.ok(codes.includes('4:PM042'));
  });

  it('leaves other rules on that line alone, and several comments above one line all apply', () => {
    assert.ok(codesByLine(doc('# postmortem-disable-next-line PM040', BLAME)).includes('3:PM042'));
    assert.ok(!codesByLine(doc('# postmortem-disable-next-line PM040', '# postmortem-disable-next-line PM042', BLAME)).includes('4:PM042'));
  });

  it('without codes silences every rule on the next line', () => {
    assert.ok(!codesByLine(doc('# postmortem-disable-next-line', BLAME)).some((c) => c.startsWith('3:')));
  });

  it('`postmortem-disable-line` after the text silences that line', () => {
    assert.ok(!codesByLine(doc(`${BLAME}  # postmortem-disable-line PM042`)).includes('2:PM042'));
  });

  it('`postmortem-disable` … `postmortem-enable` silences the lines between', () => {
    const codes = codesByLine(doc('# postmortem-disable PM042', BLAME, BLAME.replace('2', '3'), '# postmortem-enable PM042', BLAME.replace('2', '4')));
    assert.deepEqual(codes.filter((c) => c.endsWith('PM042')), ['6:PM042']);
  });

  it('a block without its enable runs to the end of the document', () => {
    assert.ok(!codesByLine(doc('# postmortem-disable', BLAME, BLAME.replace('2', '3'))).some((c) => c.endsWith('PM042')));
  });

  it('never silences a syntax error (PM001)', () => {
    const text = 'postmortem: T\n# postmortem-disable-next-line\nnot a key at all\n';
    assert.ok(codesByLine(text).includes('2:PM001'));
  });

  it('a comment line inside a paragraph does not change how the document reads', () => {
    const plain = 'postmortem: T\nsummary:\n  The queue backed up.\n  @dana restarted it.\n';
    const commented = 'postmortem: T\nsummary:\n  The queue backed up.\n  # postmortem-disable-next-line PM042\n  @dana restarted it.\n';
    const text = (t: string) => JSON.stringify((analyze(t).ast.sections[0] as { text?: { text: string } }).text?.text);
    assert.equal(text(commented), text(plain));
  });
});
