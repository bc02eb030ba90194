import type { PostmortemDigest } from './digest';
import { nameOf } from './digest';

/**
 * Which incidents have alike root causes and contributing factors.
 *
 * Each incident's root cause and factor lines become a set of terms: lower-case words of three
 * letters or more, without common English words, in the singular (`entries` → `entry`, `hosts` →
 * `host`). A term weighs
 * ln(1 + N / n), N incidents and n of them using the term, so a rare shared word counts more
 * than a common one; terms in more than half of the incidents (or in more than 100) are too common
 * to relate any two and are left out. The score of two incidents is the weight of the terms they
 * share over the weight of all terms either uses (a weighted Jaccard index, 0–1). Pairs scoring at
 * least 0.15 with two or more shared terms are listed, best first, at most 50.
 */

export interface RelatedPair {
  a: string;
  b: string;
  score: number;
  shared: string[];
}

export const MIN_SCORE = 0.15;
export const MIN_SHARED_TERMS = 2;
export const MAX_PAIRS = 50;
const MAX_TERM_INCIDENTS = 100;
const MAX_SHARED_SHOWN = 8;

const STOP_WORDS = new Set(
  ('the and was were for with without that this from into when after before its has have had are but than then which who what all any ' +
    'each every our their there they been being also only not did does doesn don too very can could would should will may might one two ' +
    'over under out about such same other more most some because while during per via onto off just made make get got use used how why ' +
    'where his her him she you your yours ours them these those own both few many much nor yet still even ever once again here able ' +
    'lack lacks no none new')
    .split(' '),
);

function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The terms of a text, as the paragraph above describes. */
export function termsOf(texts: readonly string[]): Set<string> {
  const terms = new Set<string>();
  for (const text of texts) {
    for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (word.length < 3 || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
      terms.add(singular(word));
    }
  }
  return terms;
}

export function relatedIncidents(incidents: readonly PostmortemDigest[]): RelatedPair[] {
  const count = incidents.length;
  if (count < 2) return [];
  const termSets = incidents.map((incident) => termsOf(incident.causes));
  const postings = new Map<string, number[]>();
  termSets.forEach((terms, i) => {
    for (const term of terms) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push(i);
    }
  });
  const tooCommon = Math.min(MAX_TERM_INCIDENTS, Math.max(2, Math.floor(count / 2)));
  const weight = new Map<string, number>();
  for (const [term, list] of postings) {
    if (list.length >= 2 && list.length <= tooCommon) weight.set(term, Math.log(1 + count / list.length));
  }
  // Terms used by one incident only relate nothing, but they still make it less like the others.
  const totals = termSets.map((terms) => {
    let total = 0;
    for (const term of terms) {
      const n = postings.get(term)!.length;
      if (n <= tooCommon) total += weight.get(term) ?? Math.log(1 + count / n);
    }
    return total;
  });
  // Only pairs that share a weighted term are ever compared: no N × N loop over the repository.
  const sharedWeight = new Map<number, number>();
  for (const [term, w] of weight) {
    const list = postings.get(term)!;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const key = list[x] * count + list[y];
        sharedWeight.set(key, (sharedWeight.get(key) ?? 0) + w);
      }
    }
  }
  const pairs: { i: number; j: number; score: number }[] = [];
  for (const [key, shared] of sharedWeight) {
    const i = Math.floor(key / count);
    const j = key % count;
    const score = shared / (totals[i] + totals[j] - shared);
    if (score >= MIN_SCORE) pairs.push({ i, j, score });
  }
  const named = (i: number) => nameOf(incidents[i]);
  return pairs
    .map((pair) => ({ ...pair, terms: [...termSets[pair.i]].filter((t) => weight.has(t) && termSets[pair.j].has(t)) }))
    .filter((pair) => pair.terms.length >= MIN_SHARED_TERMS)
    .sort((p, q) => q.score - p.score || (named(p.i) < named(q.i) ? -1 : named(p.i) > named(q.i) ? 1 : named(p.j) < named(q.j) ? -1 : 1))
    .slice(0, MAX_PAIRS)
    .map((pair) => ({
      a: named(pair.i),
      b: named(pair.j),
      score: Math.round(pair.score * 100) / 100,
      shared: pair.terms.sort((s, t) => weight.get(t)! - weight.get(s)! || (s < t ? -1 : 1)).slice(0, MAX_SHARED_SHOWN),
    }));
}
