import type { ClientCapabilities, InitializeParams, InitializeResult } from 'vscode-languageserver/node';
import {
  CodeLensRefreshRequest, createConnection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, ErrorCodes, MessageType, ProposedFeatures, ResponseError,
  ShowMessageNotification,
} from 'vscode-languageserver/node';
import { readClientCommands, type ClientCommands } from './codeActions';
import { codeLenses } from './codeLenses';
import { ConfigurationStore, fsPathOf } from './configuration';
import { documentDiagnostics } from './diagnostics';
import { disableRuleEdit } from './disableRule';
import { DOCUMENT_CAPABILITIES, registerDocumentFeatures } from './documentFeatures';
import { DocumentAnalyses, MAX_ANALYSED_LENGTH } from './documents';
import { NOT_INITIALIZED_METHOD, ProtocolGate } from './protocolGate';
import { applyFileEvents, WATCHED_FILES } from './fileEvents';
import { HandleCache } from './handles';
import { documentRequest } from './requests';
import { readSettings } from './settings';
import { WorkspaceIndex } from './workspaceIndex';
import { WorkspaceInsights } from './workspaceInsights';
import { ACTION_ITEMS_REQUEST, INDEX_CHANGED_NOTIFICATION, INSIGHTS_REQUEST, type ActionItemsParams } from '../protocol/workspaceProtocol';
import { workspaceOutlines, workspaceSymbols } from './workspaceSymbols';

/**
 * The Postmortem language server: wiring only. Runs over IPC under VS Code and over stdio
 * (`node dist/server.js --stdio`) for any other LSP client.
 */
const connection = createConnection(ProposedFeatures.all, { messageStrategy: new ProtocolGate((message) => logError(message)) });
const logError = (message: string) => connection.console.error(message);
connection.onRequest(NOT_INITIALIZED_METHOD, () => new ResponseError(ErrorCodes.ServerNotInitialized, 'The server is not initialized: send initialize first.'));

let client: ClientCapabilities = {};
/** Settings from `initializationOptions` or pushed with `didChangeConfiguration`, for clients that cannot be asked. */
let pushedSettings: unknown;
/** Commands the client runs for the server's actions (the VS Code client names them). */
let clientCommands: ClientCommands = {};

const configuration = new ConfigurationStore((problems) => {
  for (const problem of problems) connection.console.warn(problem);
  const message = `Postmortem configuration: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more; see the output)` : ''}`;
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
});
const index = new WorkspaceIndex((message) => connection.console.log(message), () => announceIndexChange());
const insights = new WorkspaceInsights(index);
/** Changes come in bursts (a branch switch, typing): the client hears of them once they settle. */
let announceTimer: NodeJS.Timeout | undefined;
function announceIndexChange() {
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    void connection.sendNotification(INDEX_CHANGED_NOTIFICATION, insights.counts());
    // The services lens lists other files' incidents, so it may have changed too.
    if (client.workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type);
  }, 200);
}
const handles = new HandleCache();
/** Documents whose author was told they are too large to check, told once per opening. */
const toldTooLarge = new Set<string>();
const documents = new DocumentAnalyses({
  optionsFor: (uri) => configuration.optionsFor(uri),
  publish: (document) => {
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: documentDiagnostics(document) });
    insights.documentAnalysed(document);
    if (index.ready) announceIndexChange();
  },
  tooLarge: (uri, version, length) => {
    void connection.sendDiagnostics({ uri, version, diagnostics: [] });
    if (toldTooLarge.has(uri)) return;
    toldTooLarge.add(uri);
    const message = `Postmortem: ${uri} is ${(length / 1024 / 1024).toFixed(1)} MB; documents over ${MAX_ANALYSED_LENGTH / 1024} KB are not checked.`;
    connection.console.warn(message);
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  },
  closed: (uri) => {
    toldTooLarge.delete(uri);
    handles.forget(uri);
    insights.documentClosed(uri);
    if (index.ready) announceIndexChange();
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  },
  log: logError,
});

connection.onInitialize((params: InitializeParams): InitializeResult => {
  client = params.capabilities;
  // Until the settings are known (after `initialized`), diagnostics would use the wrong severities.
  documents.pausePublishing();
  const options = (params.initializationOptions ?? {}) as { trusted?: unknown; postmortem?: unknown; clientCommands?: unknown };
  clientCommands = readClientCommands(options.clientCommands);
  configuration.setTrusted(options.trusted !== false);
  pushedSettings = options.postmortem;
  configuration.workspaceFolders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
    .map((folder) => fsPathOf(folder.uri))
    .filter((path): path is string => !!path);
  return {
    capabilities: {
      ...DOCUMENT_CAPABILITIES,
      codeLensProvider: { resolveProvider: false },
      workspaceSymbolProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'postmortem-language-server' },
  };
});

connection.onInitialized(async () => {
  if (client.workspace?.didChangeConfiguration?.dynamicRegistration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'postmortem' });
  }
  if (client.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_FILES.map((globPattern) => ({ globPattern })) });
  }
  if (client.workspace?.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(async (event) => {
      const removed = new Set(event.removed.map((f) => fsPathOf(f.uri)));
      const added = event.added.map((f) => fsPathOf(f.uri)).filter((p): p is string => !!p);
      configuration.workspaceFolders = [...configuration.workspaceFolders.filter((p) => !removed.has(p)), ...added];
      configuration.invalidateFiles();
      documents.invalidateAll();
      await buildIndex();
    });
  }
  await loadSettings();
  await buildIndex();
});

/** Counts reads of the settings, so that only the latest one applies what it read. */
let settingsReads = 0;

/**
 * Reads the settings; no diagnostics are published meanwhile, then every document is checked
 * again. When the settings change again while a read waits for the client, the earlier read's
 * answer may be the older one, or arrive last: only the latest read applies its answer.
 */
async function loadSettings() {
  const read = ++settingsReads;
  documents.pausePublishing();
  let value = pushedSettings;
  if (client.workspace?.configuration) {
    try {
      value = (await connection.workspace.getConfiguration('postmortem')) ?? pushedSettings;
    } catch (error) {
      connection.console.warn(`Cannot read the postmortem settings: ${String(error)}`);
    }
  }
  if (read !== settingsReads) return;
  const { settings, problems } = readSettings(value);
  configuration.settings = settings;
  configuration.report(problems);
  documents.invalidateAll();
}

async function buildIndex() {
  const reporter = await connection.window.createWorkDoneProgress();
  await index.build(configuration.workspaceFolders, {
    begin: (total) => reporter.begin('Indexing postmortems', 0, `0/${total}`, false),
    report: (done, total) => reporter.report(Math.round((done / Math.max(total, 1)) * 100), `${done}/${total}`),
    done: () => reporter.done(),
  });
}

connection.onDidChangeConfiguration(async (params) => {
  const pushed = (params.settings as { postmortem?: unknown } | null | undefined)?.postmortem;
  if (pushed !== undefined) pushedSettings = pushed;
  await loadSettings();
  if (client.workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh();
});

connection.onDidChangeWatchedFiles(async ({ changes }) => {
  if (!(await applyFileEvents(changes, index))) return;
  configuration.invalidateFiles();
  documents.invalidateAll();
});

registerDocumentFeatures(connection, {
  documents,
  client: () => client,
  clientCommands: () => clientCommands,
  inlayHintsEnabled: () => configuration.settings.inlayHints.enabled,
  knownHandles,
  disableRuleEdit: (uri, code) => (code in configuration.settings.rules ? undefined : disableRuleEdit(code, {
    existing: configuration.configFileFor(uri),
    newFolder: configuration.newConfigFolderFor(uri),
    canCreateFiles: !!client.workspace?.workspaceEdit?.documentChanges && !!client.workspace.workspaceEdit.resourceOperations?.includes('create'),
    canConfirm: !!client.workspace?.workspaceEdit?.documentChanges && !!client.workspace.workspaceEdit.changeAnnotationSupport,
  })),
  logError,
});

connection.onCodeLens(documentRequest(documents, (document, params, token) => codeLenses(document, params, token, insights), [], logError));
connection.onRequest(ACTION_ITEMS_REQUEST, (params: ActionItemsParams | undefined) => insights.actionItems(params ?? {}));
connection.onRequest(INSIGHTS_REQUEST, () => insights.insights());

/** Handles in the `owner:`/`authors:` fields of the workspace's postmortems and the open documents. */
function knownHandles(): string[] {
  return [...new Set([...index.handles(), ...handles.inDocuments(documents.all())])];
}


connection.onWorkspaceSymbol((params, token) => {
  try {
    const open = documents.all().map((d) => documents.get(d.uri)).filter((d) => d !== undefined);
    return workspaceSymbols(workspaceOutlines(open, index.entries()), params, token);
  } catch (error) {
    logError(`workspace symbols failed: ${String(error)}`);
    return [];
  }
});

process.on('uncaughtException', (error) => logError(`Unexpected error: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => logError(`Unexpected rejection: ${String(reason)}`));

documents.listen(connection);
connection.listen();
