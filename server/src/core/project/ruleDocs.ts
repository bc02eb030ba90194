/** A rule's code as the diagnostics give it: `PM` and three digits. */
const RULE_CODE = /^PM\d{3}$/;

/**
 * A rule's page in the project (`docs/rules/PM010.md`): the one place its path is written, for
 * the diagnostics' links, SARIF's `helpUri` and the pages the extension ships. Undefined for
 * anything that is not a rule's code, so no other path can be built from it.
 */
export function ruleDocsPath(code: string): string | undefined {
  return RULE_CODE.test(code) ? `docs/rules/${code}.md` : undefined;
}
