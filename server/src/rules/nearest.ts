/**
 * Edit distance between two short strings (keys, statuses), for "did you mean" fixes. Swapping
 * two neighbouring letters counts as one edit (`onwer` is one edit from `owner`).
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}

/**
 * The candidate closest to `word`, if it is close enough to be a typo: at most one edit for
 * short words, a quarter of the length for longer ones. Spaces, dashes and case are ignored.
 * A tie between candidates is no suggestion: `SEV9` is as near to `SEV1` as to `SEV5`.
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const squash = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  const target = squash(word);
  let best: string | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const candidate of candidates) {
    const distance = editDistance(target, squash(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tied = false;
    } else if (distance === bestDistance && squash(candidate) !== squash(best ?? '')) {
      tied = true;
    }
  }
  const allowed = Math.max(1, Math.floor(target.length / 4));
  return bestDistance <= allowed && !tied ? best : undefined;
}
