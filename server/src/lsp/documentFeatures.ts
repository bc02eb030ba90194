import type { ClientCapabilities, Connection, ServerCapabilities, WorkspaceEdit } from 'vscode-languageserver';
import { CodeActionKind, TextDocumentSyncKind } from 'vscode-languageserver';
import { codeActions, FIX_ALL_KIND, type ClientCommands } from './codeActions';
import { APPLY_ALL_FIXES_COMMAND, applyAllFixesEdit } from './commands';
import { completion, COMPLETION_TRIGGERS } from './completion';
import type { DocumentAnalyses } from './documents';
import { documentSymbols } from './documentSymbols';
import { foldingRanges } from './folding';
import { formatting } from './formatting';
import { hover } from './hover';
import { importRequest } from './importRequest';
import { inlayHints } from './inlayHints';
import { renderRequestHandler } from './renderRequest';
import { documentRequest } from './requests';
import { selectionRanges } from './selectionRanges';
import { IMPORT_REQUEST } from '../protocol/importProtocol';
import { RENDER_REQUEST } from '../protocol/renderProtocol';

/**
 * The features of one open document, which the desktop server (`server.ts`) and the web worker's
 * (`browser/browserServer.ts`) offer alike: their capabilities and their handlers, registered
 * once here so that the two servers cannot drift apart. Each server adds what needs its host
 * (the workspace index, `.postmortemrc.json`, code lenses).
 */
export const DOCUMENT_CAPABILITIES: ServerCapabilities = {
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
};

/** What the handlers ask of the server that registers them; read at each request, as they change. */
export interface DocumentFeatureHost {
  documents: DocumentAnalyses;
  client(): ClientCapabilities;
  clientCommands(): ClientCommands;
  inlayHintsEnabled(): boolean;
  /** `@handles` the server knows from `owner:`/`authors:` fields, for completion and "Set owner to @x". */
  knownHandles(): string[];
  /** The edit that turns a rule off in `.postmortemrc.json`, where the server can offer one. */
  disableRuleEdit(uri: string, code: string): WorkspaceEdit | undefined;
  logError(message: string): void;
}

export function registerDocumentFeatures(connection: Connection, host: DocumentFeatureHost): void {
  const { documents, logError } = host;
  connection.onCompletion(documentRequest(documents, (document, params, token) => completion(document, params, token, {
    handles: () => [...new Set([...host.knownHandles(), ...document.analysis.config.people])],
    now: () => Date.now(),
    snippets: host.client().textDocument?.completion?.completionItem?.snippetSupport === true,
  }), [], logError));
  connection.onHover(documentRequest(documents, hover, null, logError));
  connection.onDocumentSymbol(documentRequest(documents, documentSymbols, [], logError));
  connection.onFoldingRanges(documentRequest(documents, foldingRanges, [], logError));
  connection.onSelectionRanges(documentRequest(documents, selectionRanges, [], logError));
  connection.onDocumentFormatting(documentRequest(documents, formatting, [], logError));
  connection.languages.inlayHint.on(documentRequest(documents, (document, params, token) => (host.inlayHintsEnabled() ? inlayHints(document, params, token) : []), [], logError));
  connection.onCodeAction(documentRequest(documents, (document, params, token) => codeActions(document, params, token, {
    disableRuleEdit: (uri, code) => host.disableRuleEdit(uri, code),
    owners: () => host.knownHandles(),
    commands: host.clientCommands(),
  }), [], logError));
  connection.onRequest(RENDER_REQUEST, renderRequestHandler(documents, logError));
  connection.onRequest(IMPORT_REQUEST, importRequest);
  connection.onExecuteCommand(async (params) => {
    if (params.command !== APPLY_ALL_FIXES_COMMAND) return false;
    const edit = applyAllFixesEdit(documents, params.arguments);
    if (!edit) return false;
    return (await connection.workspace.applyEdit({ label: 'Fix all postmortem problems', edit })).applied;
  });
}
