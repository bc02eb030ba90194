/** The renderers' public surface: HTML, Markdown and the action-item ledger (bundled for bench/). */
export { render } from './html';
export type { RenderOptions, RenderTheme } from './html';
export { toMarkdown } from './markdown';
export { buildLedger, formatLedgerJson, formatLedgerText } from './actionsLedger';
export type { Ledger, LedgerFilter, LedgerItem, LedgerSource, OwnerGroup } from './actionsLedger';
