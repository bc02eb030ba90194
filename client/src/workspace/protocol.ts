/** The workspace requests as the client sees them: the data comes from the server; the client parses nothing. */
export {
  ACTION_ITEMS_REQUEST, INDEX_CHANGED_NOTIFICATION, INSIGHTS_REQUEST,
  type ActionItemsResult, type IndexChangedParams, type InsightsResult, type WorkspaceActionItem,
} from '../../../server/src/protocol/workspaceProtocol';
