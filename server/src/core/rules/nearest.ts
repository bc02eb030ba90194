/**
 * Edit distance between two short strings (keys, statuses), for "did you mean" fixes. Swapping
 * two neighbouring letters counts as one edit (`onwer` is one edit from `owner`). With `limit`,
 * any distance above it is reported as `limit + 1`, and strings whose lengths alone differ by
 * more than the limit are never compared letter by letter: a 200,000-letter key costs nothing.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return Math.min(rows[a.length][b.length], limit + 1);
}

/**
 * The candidate closest to `word`, if it is close enough to be a typo: at most one edit for
 * short words, a quarter of the length for longer ones. Spaces, dashes and case are ignored.
 * A tie between candidates is no suggestion: `SEV9` is as near to `SEV1` as to `SEV5`.
 * A word much longer than every candidate is no typo of any, and is not compared letter by letter.
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const squash = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  const squashed = candidates.map(squash);
  const target = squash(word);
  const allowed = Math.max(1, Math.floor(target.length / 4));
  let best: string | undefined;
  let bestSquashed = '';
  let bestDistance = Infinity;
  let tied = false;
  candidates.forEach((candidate, i) => {
    const distance = editDistance(target, squashed[i], allowed);
    if (distance < bestDistance) {
      best = candidate;
      bestSquashed = squashed[i];
      bestDistance = distance;
      tied = false;
    } else if (distance === bestDistance && squashed[i] !== bestSquashed) {
      tied = true;
    }
  });
  return bestDistance <= allowed && !tied ? best : undefined;
}
