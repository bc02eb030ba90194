import { strict as assert } from 'node:assert';
import type { PostmortemDiagnostic } from '../../server/src/core/analysis/types';
import { LineIndex } from '../../server/src/core/language/lineIndex';
import { parseCheckArguments } from '../../server/src/cli/commands/checkArguments';
import { displayPath } from '../../server/src/cli/displayPath';
import { compatibleFixes } from '../../server/src/core/analysis/fixAll';
import { ProgressLine } from '../../server/src/cli/progress';
import { decodeDocument } from '../../server/src/cli/readDocument';
import { useColour } from '../../server/src/cli/terminal';
import { UsageError } from '../../server/src/cli/usageError';
import { firstInvalidUtf8Offset } from '../../server/src/cli/utf8';

describe('command line parts', () => {
  describe('parseCheckArguments', () => {
    it('reads options in both spellings and keeps the paths in order', () => {
      assert.deepEqual(parseCheckArguments(['--format=sarif', 'a', '--today', '2025-03-01', '--fix', '--max-warnings', '3', '--config', 'c.json', 'b']), {
        format: 'sarif', fix: true, help: false, paths: ['a', 'b'], today: '2025-03-01', maxWarnings: 3, config: 'c.json',
      });
    });

    it('checks the current folder without paths, and takes everything after -- as a path', () => {
      assert.deepEqual(parseCheckArguments([]).paths, ['.']);
      assert.deepEqual(parseCheckArguments(['--', '--fix']).paths, ['--fix']);
    });

    it('refuses what it does not understand', () => {
      for (const args of [['--verbose'], ['-x'], ['--format'], ['--format', 'html'], ['--today', '2025-13-01'], ['--max-warnings', '1.5'], ['--help=1']]) {
        assert.throws(() => parseCheckArguments(args), UsageError, args.join(' '));
      }
    });
  });

  describe('firstInvalidUtf8Offset', () => {
    it('accepts UTF-8 of every length', () => {
      assert.equal(firstInvalidUtf8Offset(Buffer.from('a é € 𝄞 ✓', 'utf8')), -1);
    });

    it('finds truncated, overlong, surrogate and out-of-range sequences', () => {
      assert.equal(firstInvalidUtf8Offset(Buffer.from([0x61, 0xe2, 0x82])), 1);
      assert.equal(firstInvalidUtf8Offset(Buffer.from([0x61, 0xc0, 0xaf])), 1);
      assert.equal(firstInvalidUtf8Offset(Buffer.from([0xe0, 0x80, 0xaf])), 0);
      assert.equal(firstInvalidUtf8Offset(Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80])), 2);
      assert.equal(firstInvalidUtf8Offset(Buffer.from([0xf4, 0x90, 0x80, 0x80])), 0);
      assert.equal(firstInvalidUtf8Offset(Buffer.from([0x80])), 0);
    });
  });

  describe('decodeDocument', () => {
    it('keeps the byte order mark apart', () => {
      assert.deepEqual(decodeDocument(Buffer.from('\ufeffpostmortem: x', 'utf8')), { kind: 'text', bom: true, text: 'postmortem: x' });
      assert.deepEqual(decodeDocument(Buffer.from('postmortem: x', 'utf8')), { kind: 'text', bom: false, text: 'postmortem: x' });
    });

    it('locates the first byte that is not UTF-8 in UTF-16 columns', () => {
      const decoded = decodeDocument(Buffer.concat([Buffer.from('line one\n𝄞 x', 'utf8'), Buffer.from([0xff])]));
      assert.equal(decoded.kind, 'not-utf8');
      if (decoded.kind === 'not-utf8') assert.deepEqual(decoded.range.start, { line: 1, character: 4 });
    });
  });

  describe('compatibleFixes', () => {
    const lines = new LineIndex('0123456789\nabcdefghij\n');
    const diagnostic = (title: string, ...edits: [number, number, number, number, string][]): PostmortemDiagnostic => ({
      code: 'PM000',
      severity: 'warning',
      message: title,
      source: 'postmortem',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      data: { fix: { title, edits: edits.map(([l1, c1, l2, c2, newText]) => ({ range: { start: { line: l1, character: c1 }, end: { line: l2, character: c2 } }, newText })) } },
    });
    const titles = (diagnostics: PostmortemDiagnostic[]) => compatibleFixes(lines, diagnostics).map((f) => f.title);

    it('takes fixes that do not touch each other', () => {
      assert.deepEqual(titles([diagnostic('b', [1, 0, 1, 2, 'X']), diagnostic('a', [0, 0, 0, 2, 'Y'])]), ['a', 'b']);
    });

    it('leaves out a fix that overlaps one taken, whole', () => {
      assert.deepEqual(titles([diagnostic('a', [0, 2, 0, 5, 'X']), diagnostic('b', [0, 4, 0, 6, 'Y'], [1, 0, 1, 1, 'Z'])]), ['a']);
    });

    it('takes one of two insertions at the same point, and a repeated fix once', () => {
      assert.deepEqual(titles([diagnostic('a', [0, 3, 0, 3, 'X']), diagnostic('b', [0, 3, 0, 3, 'Y'])]), ['a']);
      assert.deepEqual(titles([diagnostic('a', [0, 3, 0, 3, 'X']), diagnostic('same', [0, 3, 0, 3, 'X'])]), ['a']);
    });

    it('takes an insertion that touches a replacement only at its edge', () => {
      assert.deepEqual(titles([diagnostic('a', [0, 2, 0, 5, 'X']), diagnostic('b', [0, 5, 0, 5, 'Y']), diagnostic('c', [0, 2, 0, 2, 'Z'])]), ['a', 'c', 'b']);
    });

    it('leaves out a fix whose own edits overlap', () => {
      assert.deepEqual(titles([diagnostic('a', [0, 1, 0, 4, 'X'], [0, 3, 0, 6, 'Y'])]), []);
    });
  });

  describe('ProgressLine', () => {
    const stream = (isTTY: boolean) => ({ isTTY, columns: 40, written: [] as string[], write(text: string) { this.written.push(text); } });

    it('draws nothing when the stream is not a terminal', () => {
      let now = 0;
      const output = stream(false);
      const progress = new ProgressLine(output, 100, () => now);
      for (let i = 0; i < 100; i++, now += 50) progress.update(i, `f${i}.postmortem`);
      progress.clear();
      assert.deepEqual(output.written, []);
    });

    it('draws nothing for a quick run', () => {
      const output = stream(true);
      const progress = new ProgressLine(output, 100, () => 0);
      for (let i = 0; i < 100; i++) progress.update(i, 'f.postmortem');
      progress.clear();
      assert.deepEqual(output.written, []);
    });

    it('redraws one line in place on a terminal, cut to its width, and clears it at the end', () => {
      let now = 0;
      const output = stream(true);
      const progress = new ProgressLine(output, 120, () => now);
      for (let i = 0; i < 120; i++, now += 100) progress.update(i, `incidents/2025/a-very-long-folder-name/${i}.postmortem`);
      assert.ok(output.written.length > 10);
      assert.match(output.written[0], /^\r\u001b\[2Kchecking 2\/120 incidents/);
      assert.ok(output.written.every((text) => text.length - '\r\u001b[2K'.length <= 39));
      progress.clear();
      assert.equal(output.written[output.written.length - 1], '\r\u001b[2K');
    });
  });

  describe('useColour', () => {
    it('colours a terminal unless NO_COLOR is set', () => {
      assert.equal(useColour({ isTTY: true }, {}), true);
      assert.equal(useColour({ isTTY: false }, {}), false);
      assert.equal(useColour({ isTTY: true }, { NO_COLOR: '1' }), false);
      assert.equal(useColour({ isTTY: false }, { FORCE_COLOR: '1' }), true);
    });
  });

  describe('displayPath', () => {
    it('is relative inside the current folder and absolute outside it', () => {
      assert.equal(displayPath('/work/x/incidents/a.postmortem', '/work/x'), 'incidents/a.postmortem');
      assert.equal(displayPath('incidents/../b.postmortem', '/work/x'), 'b.postmortem');
      assert.equal(displayPath('/elsewhere/c.postmortem', '/work/x'), '/elsewhere/c.postmortem');
      assert.equal(displayPath('/work/x', '/work/x'), '.');
    });
  });
});
