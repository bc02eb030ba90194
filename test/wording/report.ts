/**
 * Prints the wording figures on the labeled corpus: ours on the tuning and the held-out part, alex
 * and write-good on the same sentences, and the tuning part's misses. The held-out part's misses
 * are not printed: it is kept for measuring, never for tuning (docs/wording.md).
 *
 * Run by `npm test` (test/unit/wordingCorpus.test.ts) and `npm run bench`, or alone:
 * `node --import tsx test/wording/report.ts` (`--json` adds the figures as a last line of JSON).
 */
import { fileURLToPath } from 'node:url';
import { alex, figuresLine, ours, readCorpus, score, TABLE_HEADER, writeGoodVerdict, type Figures } from './measure';

export interface Report {
  tuning: Figures;
  heldOut: Figures;
  lines: string[];
}

export function wordingReport(): Report {
  const rows = readCorpus();
  const tuningRows = rows.filter((r) => r.part === 'tuning');
  const heldOutRows = rows.filter((r) => r.part === 'held-out');
  const tuning = score(tuningRows, ours);
  const heldOut = score(heldOutRows, ours);
  const lines = [
    `wording corpus: ${rows.length} sentences (${tuningRows.length} tuning, ${heldOutRows.length} held out)`,
    TABLE_HEADER,
    figuresLine('ours, tuning', tuning),
    figuresLine('ours, held-out', heldOut),
    figuresLine('alex, tuning', score(tuningRows, alex)),
    figuresLine('alex, held-out', score(heldOutRows, alex)),
    figuresLine('write-good, tuning', score(tuningRows, writeGoodVerdict)),
    figuresLine('write-good, held-out', score(heldOutRows, writeGoodVerdict)),
    `hard neutral sentences flagged by ours: ${tuning.falseAlarms.hardFlagged}/${tuning.falseAlarms.hardOf} tuning, ${heldOut.falseAlarms.hardFlagged}/${heldOut.falseAlarms.hardOf} held-out`,
    ...tuning.misses.map((m) => `  tuning miss ${m.row.id} (${m.row.label}${m.verdict.said.length ? `, got ${m.verdict.said.join(' ')}` : ''}): ${m.row.sentence}`),
  ];
  return { tuning, heldOut, lines };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = wordingReport();
  for (const line of report.lines) console.log(line);
  // For `npm run bench`: the figures as one last line of JSON.
  if (process.argv.includes('--json')) console.log(JSON.stringify({ tuning: { ...report.tuning, misses: undefined }, heldOut: { ...report.heldOut, misses: undefined } }));
}
