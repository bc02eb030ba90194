/**
 * How people and teams are named: `@jane`, or a team as GitHub writes it, `@org/team`, which is
 * one handle, not `@org` followed by text. An e-mail address is not a handle. Completion, the
 * `actions` ledger and the rules read handles with this one pattern.
 */
export const HANDLE_SOURCE = '(?<![\\w@.])@[A-Za-z0-9](?:[\\w.-]*\\w)?(?:/[A-Za-z0-9](?:[\\w.-]*\\w)?)?';

/** Every distinct handle in `text`, in order of first appearance. */
export function handlesIn(text: string): string[] {
  return [...new Set(text.match(new RegExp(HANDLE_SOURCE, 'g')) ?? [])];
}

/** An owner as compared: `@x` and `x` are the same owner, case does not matter. */
export function ownerKey(owner: string): string {
  return owner.trim().replace(/^@/, '').toLowerCase();
}

/**
 * Whether an `owner:` value, possibly several owners (`@a, @b`, `a and b`), names `wanted`: the
 * `actions --owner` filter and the Action Items view's "mine" ask the same question.
 */
export function ownerNames(owner: string | null, wanted: string): boolean {
  if (!owner) return false;
  const key = ownerKey(wanted);
  return owner.split(/[,;]|\band\b/).some((part) => ownerKey(part) === key);
}
