import type { ClientCapabilities, InitializeResult } from 'vscode-languageserver/browser';
import {
  BrowserMessageReader, BrowserMessageWriter, CodeActionKind, createConnection, DidChangeConfigurationNotification, TextDocumentSyncKind,
} from 'vscode-languageserver/browser';
import { codeActions, FIX_ALL_KIND, readClientCommands, type ClientCommands } from '../codeActions';
import { APPLY_ALL_FIXES_COMMAND, applyAllFixesEdit } from '../commands';
import { completion, COMPLETION_TRIGGERS } from '../completion';
import { documentDiagnostics } from '../diagnostics';
import { DocumentAnalyses } from '../documents';
import { documentSymbols } from '../documentSymbols';
import { foldingRanges } from '../folding';
import { formatting } from '../formatting';
import { HandleCache } from '../handles';
import { hover } from '../hover';
import { inlayHints } from '../inlayHints';
import { documentRequest } from '../requests';
import { IMPORT_REQUEST } from '../../protocol/importProtocol';
import { importRequest } from '../importRequest';
import { RENDER_REQUEST } from '../../protocol/renderProtocol';
import { renderRequestHandler } from '../renderRequest';
import { selectionRanges } from '../selectionRanges';
import { DEFAULT_SETTINGS, readSettings, withSettings } from '../settings';

/**
 * The Postmortem language server in a web worker (vscode.dev, github.dev): the same providers
 * over the same pure core as `server.ts`, wired to the worker's message port. What needs a file
 * system is left out: `.postmortemrc.json` files (the `postmortem.*` settings apply), the
 * workspace index behind workspace symbols and `@handle` completion from unopened files, and
 * the quick fix that writes a rule's severity into `.postmortemrc.json`.
 */
/** The worker's global scope, typed as the message reader takes it (the project compiles without the DOM library). */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const logError = (message: string) => connection.console.error(message);

let client: ClientCapabilities = {};
/** Commands the client runs for the server's actions (the VS Code client names them). */
let clientCommands: ClientCommands = {};
let settings = DEFAULT_SETTINGS;
const handles = new HandleCache();
const documents = new DocumentAnalyses({
  optionsFor: () => ({ config: withSettings({}, settings) }),
  publish: (document) => void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: documentDiagnostics(document) }),
  tooLarge: (uri, version) => void connection.sendDiagnostics({ uri, version, diagnostics: [] }),
  closed: (uri) => {
    handles.forget(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  },
  log: logError,
});

connection.onInitialize((params): InitializeResult => {
  client = params.capabilities;
  clientCommands = readClientCommands((params.initializationOptions as { clientCommands?: unknown } | undefined)?.clientCommands);
  documents.pausePublishing();
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
      hoverProvider: true,
      documentSymbolProvider: { label: 'Postmortem' },
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      documentFormattingProvider: true,
      inlayHintProvider: true,
      executeCommandProvider: { commands: [APPLY_ALL_FIXES_COMMAND] },
    },
    serverInfo: { name: 'postmortem-language-server (browser)' },
  };
});

async function loadSettings(pushed?: unknown) {
  documents.pausePublishing();
  let value = pushed;
  if (client.workspace?.configuration) {
    try {
      value = await connection.workspace.getConfiguration('postmortem');
    } catch (error) {
      connection.console.warn(`Cannot read the postmortem settings: ${String(error)}`);
    }
  }
  const read = readSettings(value);
  settings = read.settings;
  for (const problem of read.problems) connection.console.warn(problem);
  documents.invalidateAll();
}

connection.onInitialized(async () => {
  if (client.workspace?.didChangeConfiguration?.dynamicRegistration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'postmortem' });
  }
  await loadSettings();
});

connection.onDidChangeConfiguration(async (params) => {
  await loadSettings((params.settings as { postmortem?: unknown } | null | undefined)?.postmortem);
  if (client.workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh();
});

connection.onCompletion(documentRequest(documents, (document, params, token) => completion(document, params, token, {
  handles: () => [...new Set([...handles.inDocuments(documents.all()), ...document.analysis.config.people])],
  now: () => Date.now(),
  snippets: client.textDocument?.completion?.completionItem?.snippetSupport === true,
}), [], logError));
connection.onHover(documentRequest(documents, hover, null, logError));
connection.onDocumentSymbol(documentRequest(documents, documentSymbols, [], logError));
connection.onFoldingRanges(documentRequest(documents, foldingRanges, [], logError));
connection.onSelectionRanges(documentRequest(documents, selectionRanges, [], logError));
connection.onDocumentFormatting(documentRequest(documents, formatting, [], logError));
connection.languages.inlayHint.on(documentRequest(documents, (document, params, token) => (settings.inlayHints.enabled ? inlayHints(document, params, token) : []), [], logError));
connection.onCodeAction(documentRequest(documents, (document, params, token) => codeActions(document, params, token, {
  disableRuleEdit: () => undefined,
  owners: () => handles.inDocuments(documents.all()),
  commands: clientCommands,
}), [], logError));

connection.onRequest(RENDER_REQUEST, renderRequestHandler(documents, logError));
connection.onRequest(IMPORT_REQUEST, importRequest);

connection.onExecuteCommand(async (params) => {
  if (params.command !== APPLY_ALL_FIXES_COMMAND) return false;
  const edit = applyAllFixesEdit(documents, params.arguments);
  if (!edit) return false;
  return (await connection.workspace.applyEdit({ label: 'Fix all postmortem problems', edit })).applied;
});

documents.listen(connection);
connection.listen();
