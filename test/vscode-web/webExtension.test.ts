import * as vscode from 'vscode';
import type { BrowserActivation } from '../../client/src/browser/browserExtension';
import { CLEAN_POSTMORTEM, ZONELESS_POSTMORTEM } from '../helpers/postmortems';

/**
 * The web extension in the web worker extension host of a real workbench (code-server, run by
 * `npm run test:web:here`): the browser entry, its language server in a web worker, and the
 * features that need no file system. Plain checks instead of node:assert, which the browser lacks.
 */
const EXTENSION_ID = 'postmortem-tools.postmortem-language-tools';

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

/** Resolves once `ready` accepts the document's diagnostics, on every change event; never sleeps. */
function diagnosticsWhen(uri: vscode.Uri, ready: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const finish = () => {
      subscription.dispose();
      clearTimeout(timer);
    };
    const test = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!ready(diagnostics)) return;
      finish();
      resolve(diagnostics);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) test();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`no such diagnostics on ${uri.toString()}; last seen ${JSON.stringify(vscode.languages.getDiagnostics(uri).map(codeOf))}`));
    }, timeoutMs);
    test();
  });
}

async function openPostmortem(content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'postmortem', content });
  await vscode.window.showTextDocument(document);
  return document;
}

describe('the web extension in a browser workbench', () => {
  let activation: BrowserActivation;

  before(async () => {
    const extension = vscode.extensions.getExtension<BrowserActivation>(EXTENSION_ID);
    check(extension, `${EXTENSION_ID} is installed`);
    activation = await extension.activate();
  });

  after(async () => {
    // Untitled documents would ask to be saved: revert them first.
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('runs in the web worker extension host, its server in a worker started from a Blob URL', () => {
    check(typeof process === 'undefined', 'this host has Node\'s process: not the web worker host');
    check(activation && typeof activation.startMilliseconds === 'number', 'the browser entry was activated');
    // code-server serves extensions as vscode-remote://, where only the Blob URL fallback works.
    check(activation.workerSource === 'Blob URL', `the worker started from ${activation.workerSource}`);
    console.log(`web extension start-up: ${JSON.stringify({ workerSource: activation.workerSource, startMilliseconds: activation.startMilliseconds })}`);
  });

  it('says once what needs the desktop extension, because the workspace has a .postmortemrc.json', async () => {
    check(await activation.toldWhatNeedsNode, 'no message about .postmortemrc.json in a workspace that has one');
  });

  it('reports diagnostics, and a quick fix removes one', async () => {
    const document = await openPostmortem(ZONELESS_POSTMORTEM);
    const diagnostics = await diagnosticsWhen(document.uri, (d) => d.some((x) => codeOf(x) === 'PM010'));
    const zoneless = diagnostics.find((d) => codeOf(d) === 'PM010')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, zoneless.range, vscode.CodeActionKind.QuickFix.value);
    // VS Code does not always hand back the diagnostics an action fixes, so find it by what it says.
    const fix = actions.find((a) => a.title === 'Mark the time as UTC');
    check(fix?.edit, `a quick fix for PM010 among ${actions.map((a) => a.title).join(', ')}`);
    const before = diagnostics.filter((d) => codeOf(d) === 'PM010').length;
    await vscode.workspace.applyEdit(fix.edit);
    await diagnosticsWhen(document.uri, (d) => d.filter((x) => codeOf(x) === 'PM010').length === before - 1);
  });

  it('completes, outlines, hovers and formats', async () => {
    const document = await openPostmortem('postmortem: T\nincident:\n  severity: \n');
    await diagnosticsWhen(document.uri, () => true);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    check(symbols?.[0]?.name === 'Postmortem: T', `the outline: ${JSON.stringify(symbols?.map((s) => s.name))}`);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(2, 12));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    check(labels.includes('SEV1') && labels.includes('SEV5'), `severities offered: ${labels.join(', ')}`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(2, 4));
    check(hovers.length > 0, 'a hover on `severity`');
    const messy = await openPostmortem('postmortem: T\nincident:\n        severity: SEV2\n');
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', messy.uri, { tabSize: 2, insertSpaces: true });
    check(edits && edits.length > 0, 'formatting edits for a mis-indented field');
  });

  it('opens the preview', async () => {
    await openPostmortem(CLEAN_POSTMORTEM);
    const isPreview = (tab: vscode.Tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('postmortem');
    const opened = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no preview tab among ${tabs().map((t) => t.label).join(', ')}`)), 30_000);
      const subscription = vscode.window.tabGroups.onDidChangeTabs(() => {
        if (!tabs().some(isPreview)) return;
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      });
    });
    const tabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    await vscode.commands.executeCommand('postmortem.openPreviewToSide');
    if (!tabs().some(isPreview)) await opened;
  });

  it('imports the active Markdown editor into an unsaved postmortem', async () => {
    const markdown = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Disk full\n\n## Summary\n\nThe log volume filled up.\n' });
    await vscode.window.showTextDocument(markdown);
    const uri = await vscode.commands.executeCommand<string>('postmortem.importMarkdown');
    const imported = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    check(imported?.languageId === 'postmortem' && imported.isUntitled, 'an untitled postmortem document');
    check(imported.getText().startsWith('postmortem: Disk full\n\nsummary:\n  The log volume filled up.'), imported.getText());
  });
});
