/**
 * The custom requests of the language server's workspace index, as the client sees them. Types
 * only: the data comes from the server (server/src/lsp/workspaceInsights.ts); the client parses nothing.
 */
export type {
  ActionItemsResult, IndexChangedParams, InsightsResult, WorkspaceActionItem,
} from '../../../server/src/lsp/workspaceInsights';

export const ACTION_ITEMS_REQUEST = 'postmortem/actionItems';
export const INSIGHTS_REQUEST = 'postmortem/insights';
export const INDEX_CHANGED_NOTIFICATION = 'postmortem/indexChanged';
