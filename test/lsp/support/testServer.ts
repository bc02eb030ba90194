import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  ClientCapabilities, Diagnostic, InitializeParams, ProtocolConnection, PublishDiagnosticsParams, TextDocumentContentChangeEvent,
  TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import {
  ApplyWorkspaceEditRequest, ConfigurationRequest, createProtocolConnection, DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification, InitializedNotification,
  InitializeRequest, PublishDiagnosticsNotification, RegistrationRequest, ShowMessageNotification, ShutdownRequest,
  StreamMessageReader, StreamMessageWriter, WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol/node';
import { updateDocument } from '../../../server/src/lsp/documentUpdate';
import { stopAtEnd } from '../../helpers/stopAtEnd';

export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');
export const SERVER_PATH = join(REPO_ROOT, 'dist', 'server.js');

/** What a VS Code-like client announces; tests can override parts. */
export const CLIENT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'], changeAnnotationSupport: { groupsOnLabel: true } },
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceFolders: true,
    inlayHint: { refreshSupport: true },
  },
  window: { workDoneProgress: true },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
  },
};

export interface StartOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  workspaceFolders?: InitializeParams['workspaceFolders'];
  /** The `postmortem` settings answered to `workspace/configuration`. */
  settings?: unknown;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * A real LSP client for tests: it starts `dist/server.js --stdio`, keeps its own copy of every
 * open document (so edits the server sends can be applied and checked), records every
 * notification, and waits for the notification a test expects instead of sleeping.
 */
export class TestServer {
  readonly messages: { type: number; message: string }[] = [];
  readonly registrations: string[] = [];
  readonly progressTokens: (string | number)[] = [];
  readonly progress: { token: string | number; value: unknown }[] = [];
  private readonly documents = new Map<string, TextDocument>();
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters = new Set<() => void>();
  private stderr = '';
  private forgetAtEnd: () => void = () => undefined;
  /** How many `workspace/configuration` requests the server has sent. */
  configurationRequests = 0;

  private constructor(readonly connection: ProtocolConnection, readonly process: ChildProcess, public settings: unknown) {}

  static async start(options: StartOptions = {}): Promise<TestServer> {
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new TestServer(connection, child, options.settings ?? {});
    server.forgetAtEnd = stopAtEnd(() => server.stop());
    child.stderr!.on('data', (chunk) => (server.stderr += String(chunk)));
    server.listen();
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: options.capabilities ?? CLIENT_CAPABILITIES,
      initializationOptions: options.initializationOptions,
      workspaceFolders: options.workspaceFolders ?? null,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return server;
  }

  private listen() {
    const { connection } = this;
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      this.wake();
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
      this.messages.push(params);
      this.wake();
    });
    connection.onNotification('window/logMessage', () => undefined);
    connection.onNotification('$/progress', (params: { token: string | number; value: unknown }) => {
      this.progress.push(params);
      this.wake();
    });
    // `settings` may be a promise, to answer a request late.
    connection.onRequest(ConfigurationRequest.type, async (params) => {
      this.configurationRequests++;
      this.wake();
      const settings = await this.settings;
      return params.items.map((item) => (item.section === 'postmortem' ? settings : null));
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations.map((r) => r.method));
      return null;
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
      this.progressTokens.push(params.token);
      return null;
    });
    connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.applyWorkspaceEdit(params.edit);
      return { applied: true };
    });
  }

  private wake() {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Resolves with the first value `check` returns that is not undefined, re-checking on every notification. */
  waitFor<T>(what: string, check: () => T | undefined, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    return new Promise((resolve, reject) => {
      const attempt = () => {
        const value = check();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${this.stderr ? `\nserver stderr:\n${this.stderr}` : ''}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(attempt);
      };
      this.waiters.add(attempt);
      attempt();
    });
  }

  /** The diagnostics published for exactly this version of the document. */
  diagnosticsFor(uri: string, version: number, timeoutMs?: number): Promise<Diagnostic[]> {
    return this.waitFor(`diagnostics for ${uri} version ${version}`, () => this.published.get(uri)?.find((p) => p.version === version)?.diagnostics, timeoutMs);
  }

  /** Every publication for a document so far, oldest first. */
  publications(uri: string): PublishDiagnosticsParams[] {
    return this.published.get(uri) ?? [];
  }

  async open(uri: string, text: string, version = 1): Promise<Diagnostic[]> {
    this.openWithoutWaiting(uri, text, version);
    return this.diagnosticsFor(uri, version);
  }

  openWithoutWaiting(uri: string, text: string, version = 1) {
    this.documents.set(uri, TextDocument.create(uri, 'postmortem', version, text));
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'postmortem', version, text } });
  }

  /** Sends incremental changes and returns the new version; does not wait for diagnostics. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): number {
    const current = this.document(uri);
    // As an editor applies them (TextDocument.update alone goes wrong around CR LF pairs).
    const next = updateDocument(current, changes, current.version + 1);
    this.documents.set(uri, next);
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: next.version }, contentChanges: changes });
    return next.version;
  }

  close(uri: string) {
    this.documents.delete(uri);
    void this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open in the test client`);
    return document;
  }

  text(uri: string): string {
    return this.document(uri).getText();
  }

  /** Applies edits to the client's copy and tells the server, as an editor does. Returns the new version. */
  applyEdits(uri: string, edits: TextEdit[]): number {
    // Last edit first, so the positions of the ones before stay valid; insertions at one point keep their order.
    const ordered = edits
      .map((edit, index) => ({ edit, index }))
      .sort((a, b) => b.edit.range.start.line - a.edit.range.start.line || b.edit.range.start.character - a.edit.range.start.character || b.index - a.index);
    return this.change(uri, ordered.map(({ edit }) => ({ range: edit.range, text: edit.newText })));
  }

  applyWorkspaceEdit(edit: WorkspaceEdit): number | undefined {
    let version: number | undefined;
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) if (this.documents.has(uri)) version = this.applyEdits(uri, edits);
    for (const change of edit.documentChanges ?? []) {
      if ('textDocument' in change && this.documents.has(change.textDocument.uri)) {
        version = this.applyEdits(change.textDocument.uri, change.edits.filter((e): e is TextEdit => 'range' in e));
      }
    }
    return version;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The server may already be gone; the process is killed below either way.
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
    this.forgetAtEnd();
  }

  /** Whether the server process is still running (it must survive every bad input). */
  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }
}
