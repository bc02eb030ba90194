/** Edit distance between two short strings (keys, statuses), for "did you mean" fixes. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
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
