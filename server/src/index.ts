/** The public surface of the pure core. */
export { analyze } from './analysis/analyze';
export type * from './analysis/types';
export type * from './language/ast';
export { rules, ruleByCode } from './rules/index';
