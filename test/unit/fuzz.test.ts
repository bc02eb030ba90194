import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Range } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/core/analysis/analyze';
import { applyEdits } from '../../server/src/core/analysis/edits';
import { LineIndex } from '../../server/src/core/language/lineIndex';
import { loadFixtures } from '../helpers/fixtures';

/** mulberry32: a small seeded generator, so a failure replays exactly. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = ['\t', '\r', '\r\n', ':', '# ', '- ', '  why 9:', 'root cause:', 'A1:', '14:30', '2025-02-30', 'UTC', ' PST', '+99:99', '\u0000', '\ufeff', '\ud83d\ude00', '\ud800', 'timeline:', 'actions:', '    owner:', '  started:', '@', '"', '`'];

function mutate(text: string, next: () => number): string {
  const pick = (n: number) => Math.floor(next() * n);
  let lines = text.split('\n');
  const steps = 1 + pick(4);
  for (let s = 0; s < steps; s++) {
    const i = pick(lines.length);
    switch (pick(7)) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines.splice(i, 0, lines[pick(lines.length)] ?? '');
        break;
      case 2: {
        const j = pick(lines.length);
        [lines[i], lines[j]] = [lines[j], lines[i]];
        break;
      }
      case 3: {
        const bytes = Array.from({ length: 1 + pick(12) }, () => String.fromCharCode(pick(0x3000)));
        const line = lines[i] ?? '';
        const at = pick(line.length + 1);
        lines[i] = line.slice(0, at) + bytes.join('') + line.slice(at);
        break;
      }
      case 4:
        lines = lines.join('\n').slice(0, pick(lines.join('\n').length + 1)).split('\n');
        break;
      case 5: {
        const line = lines[i] ?? '';
        const at = pick(line.length + 1);
        lines[i] = line.slice(0, at) + SNIPPETS[pick(SNIPPETS.length)] + line.slice(at);
        break;
      }
      default:
        lines[i] = (lines[i] ?? '').replace(/^\s+/, pick(2) ? '' : '\t\t');
    }
  }
  return lines.join(pick(5) === 0 ? '\r\n' : '\n');
}

function checkRange(range: Range, lineLengths: number[], where: string) {
  const ok = (p: { line: number; character: number }) =>
    p.line >= 0 && p.line < lineLengths.length && p.character >= 0 && p.character <= lineLengths[p.line];
  assert.ok(ok(range.start) && ok(range.end), `${where}: range ${JSON.stringify(range)} lies outside the document`);
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(ordered, `${where}: range ${JSON.stringify(range)} ends before it starts`);
}

/** Range properties of AST nodes; most nodes make theirs on first read, so they are not own keys. */
const RANGE_KEYS = ['range', 'headerLineRange', 'dateRange', 'timeRange', 'idRange', 'numberRange'];

/** Every range anywhere in the AST, whether a node keeps it or makes it when asked. */
function* astRanges(node: unknown, path = 'ast'): Generator<[Range, string]> {
  if (!node || typeof node !== 'object' || node instanceof LineIndex) return;
  for (const key of RANGE_KEYS) {
    const range = (node as Record<string, unknown>)[key] as Range | undefined;
    if (range) yield [range, `${path}.${key}`];
  }
  for (const [key, value] of Object.entries(node)) {
    if (value && typeof value === 'object' && !RANGE_KEYS.includes(key)) yield* astRanges(value, `${path}.${key}`);
  }
}

describe('fuzz: analyze() on 20,000 mutated documents', function () {
  this.timeout(180_000);
  const seeds = [
    ...loadFixtures().map((f) => f.text),
    ...readdirSync(join(import.meta.dirname, '..', '..', 'examples'))
      .filter((f) => f.endsWith('.postmortem'))
      .map((f) => readFileSync(join(import.meta.dirname, '..', '..', 'examples', f), 'utf8')),
  ];

  it('never throws, and every range (diagnostics, fixes, related, AST) lies inside the document', () => {
    const next = random(20261127);
    const total = 20_000;
    for (let n = 0; n < total; n++) {
      const text = mutate(seeds[n % seeds.length], next);
      let analysis;
      try {
        analysis = analyze(text, { today: '2025-03-01' });
      } catch (error) {
        assert.fail(`document ${n} throws ${(error as Error).stack}\n---\n${text}`);
      }
      const lineLengths = analysis.lines.lineStarts.map((_, i) => analysis.lines.lineText(i).length);
      for (const d of analysis.diagnostics) {
        checkRange(d.range, lineLengths, `document ${n} ${d.code}`);
        for (const r of d.relatedInformation ?? []) checkRange(r.range, lineLengths, `document ${n} ${d.code} related`);
        for (const e of d.data?.fix?.edits ?? []) checkRange(e.range, lineLengths, `document ${n} ${d.code} fix`);
      }
      for (const [range, where] of astRanges(analysis.ast)) checkRange(range, lineLengths, `document ${n} ${where}`);
      // Every tenth document: applying all fixes at once still yields a document analyze() accepts.
      if (n % 10 === 0) {
        const edits = analysis.diagnostics.flatMap((d) => d.data?.fix?.edits ?? []);
        analyze(applyEdits(analysis.lines, edits), { today: '2025-03-01' });
      }
    }
  });
});
