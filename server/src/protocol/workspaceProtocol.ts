import type { StatsReport } from '../core/insights/stats';
import type { ActionItemRecord } from '../core/render/actionItems';

/**
 * The language server's workspace requests, shared by the server (lsp/workspaceInsights.ts) and
 * the client (the action-item view, the status bar, the insights page): names and shapes only.
 */

/** Client → server: every open action item of the workspace. */
export const ACTION_ITEMS_REQUEST = 'postmortem/actionItems';
/** Client → server: the insights page (HTML fragment) and its figures. */
export const INSIGHTS_REQUEST = 'postmortem/insights';
/** Server → client: the index or an open document changed; ask again. Carries the counts for the status bar. */
export const INDEX_CHANGED_NOTIFICATION = 'postmortem/indexChanged';

export interface ActionItemsParams {
  /** `YYYY-MM-DD`; the server's date (UTC) without it. */
  today?: string;
}

/** An open item: its fields as the ledger and `stats` read them (`open` goes without saying). */
export interface WorkspaceActionItem extends Omit<ActionItemRecord, 'open'> {
  uri: string;
  /** 0-based line of the item's ID. */
  line: number;
  /** Days past due, when overdue. */
  daysOverdue: number | null;
  /** Days until due, when due today or later. */
  daysLeft: number | null;
  postmortem: { id: string | null; title: string | null; path: string };
  /** Follow-up notes that name the item, newest first. */
  followups: { date: string | null; text: string; line: number }[];
  /** The postmortem's newest follow-up note (or `date:`), for "last tracked". */
  lastTracked: string | null;
}

export interface ActionItemsResult {
  /** False until the first index build has finished. */
  ready: boolean;
  today: string;
  items: WorkspaceActionItem[];
  overdue: number;
  /** Files that could not be read or parsed, named. */
  problems: string[];
}

export interface IndexChangedParams {
  ready: boolean;
  open: number;
  overdue: number;
}

export interface InsightsResult {
  ready: boolean;
  html: string;
  report: StatsReport;
}
