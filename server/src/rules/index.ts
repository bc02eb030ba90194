import type { Rule } from './rule';
import { pm001 } from './pm001-syntax-error';
import { pm010 } from './pm010-timestamp-without-zone';
import { pm011 } from './pm011-timestamp-not-utc';

/** Every rule, in code order. Adding a rule means adding its file and one line here. */
export const rules: readonly Rule[] = [
  pm001,
  pm010,
  pm011,
];

export function ruleByCode(code: string): Rule | undefined {
  return rules.find((r) => r.code === code);
}
