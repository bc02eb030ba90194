import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WorkspaceViews } from '../../client/src/workspace/registerWorkspaceViews';
import { closeAllEditors, EXTENSION_ID } from './helpers';

/** Two incidents on checkout-api written into the workspace folder: the index picks them up from disk. */
const EARLIER = `postmortem: Checkout pool exhausted
id: INC-VS-1
date: 2024-01-11

incident:
  type: incident
  started: 2024-01-10 10:00 UTC
  detected: 2024-01-10 10:05 UTC
  resolved: 2024-01-10 11:00 UTC
  severity: SEV1
  services: checkout-api

actions:
  A1: Add a pool saturation alert
    owner: @vs-tester
    due: 2000-01-01
    status: in-progress
`;

const LATER = `postmortem: Checkout cache served stale prices
id: INC-VS-2
date: 2024-03-02

incident:
  type: incident
  started: 2024-03-01 09:00 UTC
  detected: 2024-03-01 09:30 UTC
  resolved: 2024-03-01 10:00 UTC
  severity: SEV2
  services: checkout-api, payments

actions:
  A1: Expire cache entries by version
    owner: @someone-else
    due: 2999-01-01
    status: not-started

followup:
  2999-01-01  A1 design agreed
`;

/** Waits for the view's refreshes (driven by the server's index notifications) until `check` holds. */
async function until(views: WorkspaceViews, what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new Error(`Timed out waiting for ${what}; items: ${JSON.stringify(views.actionItems.visibleItems().map((i) => `${i.postmortem.id} ${i.id}`))}`);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([views.nextRefresh(), new Promise((resolve) => (timer = setTimeout(resolve, Math.min(remaining, 2_000))))]);
    clearTimeout(timer);
    // Also ask, in case the notification came before this test listened.
    if (!check()) await vscode.commands.executeCommand('postmortem.actionItems.refresh');
  }
}

describe('action items view, status bar, insights and the services lens in VS Code', () => {
  let views: WorkspaceViews;
  const written: vscode.Uri[] = [];

  before(async () => {
    const extension = vscode.extensions.getExtension<{ workspaceViews: WorkspaceViews }>(EXTENSION_ID);
    assert.ok(extension);
    views = (await extension.activate()).workspaceViews;
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(root, 'the suite runs with a workspace folder');
    // Straight into the workspace folder: a folder made and filled at once can reach the server as
    // the folder's creation alone (the file watcher misses files made before it watches the folder).
    for (const [name, text] of [['inc-vs-1.postmortem', EARLIER], ['inc-vs-2.postmortem', LATER]]) {
      const uri = vscode.Uri.joinPath(root, name);
      await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
      written.push(uri);
    }
    await until(views, 'both postmortems in the view', () => views.actionItems.visibleItems().filter((i) => i.postmortem.id?.startsWith('INC-VS')).length === 2);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('postmortem.actionItems').update('me', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
    for (const uri of written) await vscode.workspace.fs.delete(uri);
  });

  it('lists open items overdue first, with the days, grouped by owner', () => {
    const items = views.actionItems.visibleItems().filter((i) => i.postmortem.id?.startsWith('INC-VS'));
    assert.deepEqual(items.map((i) => i.postmortem.id), ['INC-VS-1', 'INC-VS-2']);
    const groups = views.actionItems.getChildren();
    const mine = groups.find((g) => views.actionItems.getTreeItem(g).label === '@vs-tester');
    assert.ok(mine, 'a group for the owner');
    const [itemNode] = views.actionItems.getChildren(mine);
    const tree = views.actionItems.getTreeItem(itemNode);
    assert.equal(tree.label, 'A1: Add a pool saturation alert');
    assert.match(String(tree.description), /^\d+ days overdue · INC-VS-1$/);
    assert.equal(tree.command?.command, 'vscode.open');
  });

  it('shows the overdue count in the status bar, which opens the view', () => {
    assert.match(views.statusBar.text, /^\$\(checklist\) \d+ overdue$/);
    assert.equal(views.statusBar.command, 'postmortem.actionItems.focus');
  });

  it('groups by postmortem on request, and filters to "mine" from the setting', async () => {
    await vscode.commands.executeCommand('postmortem.actionItems.groupByPostmortem');
    const labels = views.actionItems.getChildren().map((g) => views.actionItems.getTreeItem(g).label);
    assert.ok(labels.includes('INC-VS-1') && labels.includes('INC-VS-2'), JSON.stringify(labels));
    await vscode.workspace.getConfiguration('postmortem.actionItems').update('me', 'VS-Tester', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('postmortem.actionItems.showMine');
    assert.deepEqual(views.actionItems.visibleItems().map((i) => `${i.postmortem.id} ${i.id}`), ['INC-VS-1 A1']);
    await vscode.commands.executeCommand('postmortem.actionItems.showAll');
    await vscode.commands.executeCommand('postmortem.actionItems.groupByOwner');
  });

  it('opens the insights page with the workspace figures from the server', async () => {
    await vscode.commands.executeCommand('postmortem.openInsights');
    const result = views.insights.lastResult;
    assert.ok(result?.ready);
    assert.ok(result.report.stats.incidents >= 2);
    assert.equal(result.report.stats.byService['checkout-api'], 2);
    assert.deepEqual(result.report.stats.recurring.find((r) => r.service === 'checkout-api')?.incidents, ['INC-VS-1', 'INC-VS-2']);
    assert.match(result.html, /<h1>Postmortem insights<\/h1>/);
  });

  it('names the earlier incident on a service above `services:`, and shows an item’s follow-up', async () => {
    const document = await vscode.workspace.openTextDocument(written[1]);
    await vscode.window.showTextDocument(document);
    const deadline = Date.now() + 30_000;
    let titles: string[] = [];
    while (!titles.some((t) => t.startsWith('1 earlier incident'))) {
      if (Date.now() > deadline) throw new Error(`no services lens; saw ${JSON.stringify(titles)}`);
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
      titles = lenses.map((l) => l.command?.title ?? '');
    }
    assert.ok(titles.includes('1 earlier incident on checkout-api: INC-VS-1'), JSON.stringify(titles));
    assert.ok(titles.includes('Follow-up 2999-01-01: A1 design agreed'), JSON.stringify(titles));
  });
});
