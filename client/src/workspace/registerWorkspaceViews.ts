import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ACTION_ITEMS_VIEW, ActionItemsProvider, type Grouping } from './actionItemsView';
import { InsightsPanel } from './insightsPanel';
import { ACTION_ITEMS_REQUEST, INDEX_CHANGED_NOTIFICATION, INSIGHTS_REQUEST, type ActionItemsResult, type IndexChangedParams, type InsightsResult } from './protocol';

/** What the in-VS Code tests read (the extension's exports). */
export interface WorkspaceViews {
  actionItems: ActionItemsProvider;
  statusBar: vscode.StatusBarItem;
  insights: InsightsPanel;
  /** Resolves after the next refresh of the view from the server. */
  nextRefresh(): Promise<void>;
  /** Listens to a language client's index notifications (each start of the server makes a new client). */
  attach(client: LanguageClient): void;
}

interface Location {
  uri: string;
  line: number;
  label?: string;
}

/**
 * The workspace views over the server's index: the action-item tree, the status-bar count, the
 * insights panel, and the command the services and follow-up code lenses run.
 */
export function registerWorkspaceViews(context: vscode.ExtensionContext, client: () => LanguageClient): WorkspaceViews {
  const setting = () => vscode.workspace.getConfiguration('postmortem.actionItems');
  const provider = new ActionItemsProvider(() => setting().get<string>('me', ''));
  provider.grouping = setting().get<Grouping>('groupBy', 'owner');
  const view = vscode.window.createTreeView(ACTION_ITEMS_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  view.message = provider.message;
  const statusBar = vscode.window.createStatusBarItem('postmortem.overdue', vscode.StatusBarAlignment.Left, 10);
  statusBar.name = 'Postmortem Action Items';
  statusBar.command = `${ACTION_ITEMS_VIEW}.focus`;
  const insights = new InsightsPanel(context.extensionUri, () => client().sendRequest<InsightsResult>(INSIGHTS_REQUEST, {}));
  let waiting: (() => void)[] = [];

  const setContext = () => {
    void vscode.commands.executeCommand('setContext', 'postmortem.actionItems.grouping', provider.grouping);
    void vscode.commands.executeCommand('setContext', 'postmortem.actionItems.mineOnly', provider.mineOnly);
  };
  const show = (result: ActionItemsResult) => {
    provider.update(result);
    view.message = provider.message;
    view.badge = result.overdue ? { value: result.overdue, tooltip: `${result.overdue} overdue action items` } : undefined;
    showCounts({ ready: result.ready, open: result.items.length, overdue: result.overdue });
  };
  const showCounts = (counts: IndexChangedParams) => {
    if (!counts.ready) return;
    statusBar.text = counts.overdue ? `$(checklist) ${counts.overdue} overdue` : `$(checklist) ${counts.open} open`;
    statusBar.tooltip = `Postmortem action items: ${counts.open} open, ${counts.overdue} overdue. Click to show them.`;
    statusBar.backgroundColor = counts.overdue ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    statusBar.show();
  };
  const refresh = async () => {
    try {
      show(await client().sendRequest<ActionItemsResult>(ACTION_ITEMS_REQUEST, {}));
    } catch {
      // The server is restarting; its next index notification refreshes the view.
      return;
    }
    const done = waiting;
    waiting = [];
    for (const resolve of done) resolve();
    if (insights.visible) void insights.refresh();
  };

  setContext();
  context.subscriptions.push(
    view,
    statusBar,
    insights,
    vscode.commands.registerCommand('postmortem.actionItems.groupByOwner', () => regroup('owner')),
    vscode.commands.registerCommand('postmortem.actionItems.groupByPostmortem', () => regroup('postmortem')),
    vscode.commands.registerCommand('postmortem.actionItems.showMine', () => filter(true)),
    vscode.commands.registerCommand('postmortem.actionItems.showAll', () => filter(false)),
    vscode.commands.registerCommand('postmortem.actionItems.refresh', refresh),
    vscode.commands.registerCommand('postmortem.openInsights', () => insights.show()),
    vscode.commands.registerCommand('postmortem.openLocations', openLocations),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('postmortem.actionItems')) {
        provider.grouping = setting().get<Grouping>('groupBy', 'owner');
        setContext();
        void refresh();
      }
    }),
  );

  function regroup(grouping: Grouping) {
    provider.grouping = grouping;
    setContext();
    void refresh();
  }
  function filter(mineOnly: boolean) {
    provider.mineOnly = mineOnly;
    setContext();
    void refresh();
  }

  return {
    actionItems: provider,
    statusBar,
    insights,
    nextRefresh: () => new Promise<void>((resolve) => waiting.push(resolve)),
    attach: (languageClient) => {
      context.subscriptions.push(
        languageClient.onNotification(INDEX_CHANGED_NOTIFICATION, (counts: IndexChangedParams) => {
          showCounts(counts);
          void refresh();
        }),
      );
    },
  };
}

/** Opens one location, or lets the reader pick among several. */
async function openLocations(locations: Location[] | undefined): Promise<void> {
  if (!locations?.length) return;
  let target: Location | undefined = locations[0];
  if (locations.length > 1) {
    const picked = await vscode.window.showQuickPick(locations.map((l) => ({ label: l.label ?? l.uri, description: vscode.Uri.parse(l.uri).fsPath, location: l })), { placeHolder: 'Open a postmortem' });
    target = picked?.location;
  }
  if (!target) return;
  const position = new vscode.Position(target.line, 0);
  await vscode.window.showTextDocument(vscode.Uri.parse(target.uri), { selection: new vscode.Range(position, position) });
}
