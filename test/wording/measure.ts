/**
 * Measures the wording rules on the labeled corpus (corpus.tsv, see docs/wording.md): recall on
 * blame and counterfactual sentences and false alarms on neutral ones, for the tuning part and the
 * held-out part, with alex and write-good run on the same sentences for comparison.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { text as alexText } from 'alex';
import writeGood from 'write-good';
import { analyze } from '../../server/src/core/analysis/analyze';
import { CLEAN_POSTMORTEM } from '../helpers/postmortems';

export type Label = 'blame' | 'counterfactual' | 'neutral';
export type Part = 'tuning' | 'held-out';

export interface CorpusRow {
  id: string;
  part: Part;
  label: Label;
  /** A neutral sentence that names people or holds "mistake", "error", "should", "failed", "forgot". */
  hard: boolean;
  source: string;
  sentence: string;
}

const folder = dirname(fileURLToPath(import.meta.url));

function readTsv(name: string): string[][] {
  const lines = readFileSync(join(folder, name), 'utf8').split('\n').filter((l) => l.trim());
  return lines.slice(1).map((l) => l.split('\t'));
}

export function readCorpus(): CorpusRow[] {
  return readTsv('corpus.tsv').map(([id, part, label, hard, source, sentence]) => ({
    id, part: part as Part, label: label as Label, hard: hard === 'hard', source, sentence,
  }));
}

/** Source id → organisation. */
export function readSources(): Map<string, string> {
  return new Map(readTsv('sources.tsv').map(([source, organisation]) => [source, organisation]));
}

/** What a checker says about one sentence: whether it reports blame, counterfactual wording, or anything. */
export interface Verdict {
  blame: boolean;
  counterfactual: boolean;
  any: boolean;
  /** The codes or messages, for the report of misses. */
  said: string[];
}

/** Where in a postmortem a sentence is placed: prose that every wording rule reads. */
const SLOTS: ((sentence: string) => string)[] = [
  (s) => CLEAN_POSTMORTEM.replace('  14:42 UTC  N+1 query pattern identified in v2.4.0', `  14:42 UTC  ${s}`),
  (s) => CLEAN_POSTMORTEM.replace('    - No message to affected customers for 30 minutes', `    - ${s}`),
  (s) => CLEAN_POSTMORTEM.replace('    - Deadline pressure made skipping load tests feel normal', `    - ${s}`),
  (s) => CLEAN_POSTMORTEM.replace('  why 3: The release skipped load testing', `  why 3: ${s}`),
];

const WORDING_CODES = new Set(['PM040', 'PM041', 'PM042', 'PM043']);

/** Our rules, through the real analyze(), on the sentence placed in a complete postmortem. */
export function ours(sentence: string, index: number): Verdict {
  const text = SLOTS[index % SLOTS.length](sentence);
  const line = text.split('\n').findIndex((l) => l.includes(sentence));
  if (line < 0) throw new Error(`sentence not placed: ${sentence}`);
  const codes = analyze(text, { today: '2025-03-01' })
    .diagnostics.filter((d) => WORDING_CODES.has(d.code) && d.range.start.line === line)
    .map((d) => d.code);
  return {
    blame: codes.includes('PM040') || codes.includes('PM042'),
    counterfactual: codes.includes('PM041'),
    any: codes.length > 0,
    said: codes,
  };
}

/** A general prose linter has no categories: any message counts as catching either kind. */
function anyMessage(said: string[]): Verdict {
  return { blame: said.length > 0, counterfactual: said.length > 0, any: said.length > 0, said };
}

export function alex(sentence: string): Verdict {
  return anyMessage(alexText(sentence).messages.map((m) => String(m.reason)));
}

export function writeGoodVerdict(sentence: string): Verdict {
  return anyMessage(writeGood(sentence).map((s) => s.reason));
}

export interface Figures {
  blame: { caught: number; of: number };
  counterfactual: { caught: number; of: number };
  falseAlarms: { flagged: number; of: number; hardFlagged: number; hardOf: number };
  misses: { row: CorpusRow; verdict: Verdict }[];
}

export function score(rows: CorpusRow[], check: (sentence: string, index: number) => Verdict): Figures {
  const figures: Figures = {
    blame: { caught: 0, of: 0 },
    counterfactual: { caught: 0, of: 0 },
    falseAlarms: { flagged: 0, of: 0, hardFlagged: 0, hardOf: 0 },
    misses: [],
  };
  rows.forEach((row, index) => {
    const verdict = check(row.sentence, index);
    let wrong: boolean;
    if (row.label === 'neutral') {
      wrong = verdict.any;
      figures.falseAlarms.of++;
      if (row.hard) figures.falseAlarms.hardOf++;
      if (wrong) {
        figures.falseAlarms.flagged++;
        if (row.hard) figures.falseAlarms.hardFlagged++;
      }
    } else {
      const tally = figures[row.label];
      tally.of++;
      wrong = !verdict[row.label];
      if (!wrong) tally.caught++;
    }
    if (wrong) figures.misses.push({ row, verdict });
  });
  return figures;
}

const percent = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : '—');

/** One line of the figures table. */
export function figuresLine(name: string, f: Figures): string {
  const cell = (part: number, whole: number) => `${part}/${whole} = ${percent(part, whole)}`.padEnd(18);
  return `${name.padEnd(22)}${cell(f.blame.caught, f.blame.of)}${cell(f.counterfactual.caught, f.counterfactual.of)}${cell(f.falseAlarms.flagged, f.falseAlarms.of)}`;
}

export const TABLE_HEADER = `${''.padEnd(22)}${'blame recall'.padEnd(18)}${'counterf. recall'.padEnd(18)}neutral false alarms`;

export const ratio = (part: number, whole: number) => (whole ? part / whole : 0);
