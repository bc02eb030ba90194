import * as vscode from 'vscode';
import { ownerKey, ownerNames } from '../../../server/src/core/language/handles';
import type { ActionItemsResult, WorkspaceActionItem } from './protocol';

export const ACTION_ITEMS_VIEW = 'postmortem.actionItems';
/** Items due within this many days are "due soon". */
export const DUE_SOON_DAYS = 14;

export type Grouping = 'owner' | 'postmortem';

interface GroupNode {
  kind: 'group';
  label: string;
  items: WorkspaceActionItem[];
}

interface ItemNode {
  kind: 'item';
  item: WorkspaceActionItem;
}

type Node = GroupNode | ItemNode;

/** Whether an owner field (possibly `@a, @b`) names `me`; nobody is "me" until the setting names someone. */
export function ownedBy(owner: string | null, me: string): boolean {
  return me.trim() !== '' && ownerNames(owner, me);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "120 days overdue", "due in 3 days", "due today", "no due date". */
export function dueText(item: WorkspaceActionItem): string {
  if (item.daysOverdue !== null) return `${plural(item.daysOverdue, 'day')} overdue`;
  if (item.daysLeft === 0) return 'due today';
  if (item.daysLeft !== null) return `due in ${plural(item.daysLeft, 'day')}`;
  return item.due ? `due ${item.due}` : 'no due date';
}

/**
 * The Explorer's "Postmortem Action Items": every open action item of the workspace, grouped by
 * owner or by postmortem, overdue first (with the days), due soon next. The items come from the
 * language server's workspace index; this class only arranges them.
 */
export class ActionItemsProvider implements vscode.TreeDataProvider<Node> {
  private result: ActionItemsResult | undefined;
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  grouping: Grouping = 'owner';
  mineOnly = false;

  constructor(private readonly me: () => string) {}

  update(result: ActionItemsResult): void {
    this.result = result;
    this.changeEmitter.fire();
  }

  /** The items shown, in order, after the "mine" filter. */
  visibleItems(): WorkspaceActionItem[] {
    const items = this.result?.items ?? [];
    return this.mineOnly ? items.filter((item) => ownedBy(item.owner, this.me())) : items;
  }

  /** The groups in the order shown: the group holding the most urgent item first. */
  groups(): GroupNode[] {
    const groups = new Map<string, GroupNode>();
    for (const item of this.visibleItems()) {
      const label = this.grouping === 'owner' ? item.owner ?? '(no owner)' : item.postmortem.id ?? item.postmortem.title ?? item.postmortem.path;
      const key = this.grouping === 'owner' ? (item.owner ? ownerKey(item.owner) : '') : item.uri;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { kind: 'group', label, items: [] }));
      group.items.push(item);
    }
    return [...groups.values()];
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.groups();
    return node.kind === 'group' ? node.items.map((item) => ({ kind: 'item', item })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const overdue = node.items.filter((i) => i.daysOverdue !== null).length;
      const tree = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      tree.description = `${node.items.length} open${overdue ? `, ${overdue} overdue` : ''}`;
      tree.iconPath = new vscode.ThemeIcon(this.grouping === 'owner' ? 'account' : 'file');
      tree.contextValue = 'group';
      return tree;
    }
    const { item } = node;
    const tree = new vscode.TreeItem(`${item.id}: ${item.title || '(no description)'}`, vscode.TreeItemCollapsibleState.None);
    const other = this.grouping === 'owner' ? item.postmortem.id ?? item.postmortem.path : item.owner ?? 'no owner';
    tree.description = `${dueText(item)} · ${other}`;
    const soon = item.daysLeft !== null && item.daysLeft <= DUE_SOON_DAYS;
    tree.iconPath =
      item.daysOverdue !== null
        ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.errorForeground'))
        : soon
          ? new vscode.ThemeIcon('clock', new vscode.ThemeColor('list.warningForeground'))
          : new vscode.ThemeIcon('circle-large-outline');
    tree.tooltip = tooltip(item);
    tree.contextValue = item.daysOverdue !== null ? 'overdueItem' : 'item';
    const uri = vscode.Uri.parse(item.uri);
    tree.resourceUri = uri;
    tree.command = { title: 'Open', command: 'vscode.open', arguments: [uri, { selection: new vscode.Range(item.line, 0, item.line, 0) }] };
    return tree;
  }

  get message(): string | undefined {
    if (!this.result?.ready) return 'Indexing postmortems…';
    if (this.mineOnly && !this.me().trim()) return 'Set postmortem.actionItems.me to your handle (such as @mira) to see your items.';
    if (!this.visibleItems().length) return this.mineOnly ? 'No open action items of yours.' : 'No open action items.';
    return undefined;
  }
}

function tooltip(item: WorkspaceActionItem): vscode.MarkdownString {
  const text = new vscode.MarkdownString(undefined, false);
  text.appendText(`${item.id}: ${item.title}\n\n`);
  text.appendText(`${dueText(item)} · ${item.status ?? 'no status'} · ${item.owner ?? 'no owner'}${item.priority ? ` · ${item.priority}` : ''}\n\n`);
  text.appendText(`${[item.postmortem.id, item.postmortem.title].filter(Boolean).join(' ') || item.postmortem.path}\n\n`);
  if (item.followups.length) {
    for (const note of item.followups.slice(0, 5)) text.appendText(`${note.date ?? '(undated)'}  ${note.text}\n\n`);
  } else {
    text.appendText(`No follow-up note names ${item.id}; last tracked ${item.lastTracked ?? 'never'}.`);
  }
  return text;
}
