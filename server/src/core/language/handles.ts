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
