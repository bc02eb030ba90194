/** The public surface of the pure core. */
export { analyze } from './analysis/analyze';
export { parse, type ParsedDocument } from './analysis/parse';
export type * from './analysis/types';
export type * from './language/ast';
export { rules, ruleByCode } from './rules/index';
