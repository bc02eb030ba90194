import type { ClientCapabilities, InitializeResult } from 'vscode-languageserver/browser';
import { BrowserMessageReader, BrowserMessageWriter, createConnection, DidChangeConfigurationNotification } from 'vscode-languageserver/browser';
import { readClientCommands, type ClientCommands } from '../codeActions';
import { documentDiagnostics } from '../diagnostics';
import { DOCUMENT_CAPABILITIES, registerDocumentFeatures } from '../documentFeatures';
import { DocumentAnalyses } from '../documents';
import { HandleCache } from '../handles';
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
    capabilities: DOCUMENT_CAPABILITIES,
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

registerDocumentFeatures(connection, {
  documents,
  client: () => client,
  clientCommands: () => clientCommands,
  inlayHintsEnabled: () => settings.inlayHints.enabled,
  knownHandles: () => handles.inDocuments(documents.all()),
  disableRuleEdit: () => undefined,
  logError,
});

documents.listen(connection);
connection.listen();
