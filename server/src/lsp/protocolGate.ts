import type { MessageStrategy, NotificationMessage } from 'vscode-languageserver/node';
import { Message } from 'vscode-languageserver/node';

/** The method a request made before `initialize` is answered under: with error -32002. */
export const NOT_INITIALIZED_METHOD = 'postmortem/$notInitialized';

/**
 * Every message from the client passes here before any handler sees it. Until `initialize`
 * arrives, requests are answered with "server not initialized" (-32002) and notifications other
 * than `exit` are dropped, as the protocol says. Document notifications whose content is not
 * what the protocol promises (`text: null`, a version that is not a number) are dropped with a
 * log line: taken in, one such document would break every feature that reads all documents.
 */
export class ProtocolGate implements MessageStrategy {
  private initialized = false;

  constructor(private readonly log: (message: string) => void) {}

  handleMessage(message: Message, next: (message: Message) => void): void {
    if (Message.isRequest(message)) {
      if (!this.initialized && message.method !== 'initialize') {
        next({ ...message, method: NOT_INITIALIZED_METHOD, params: null } as Message);
        return;
      }
      this.initialized = true;
    } else if (Message.isNotification(message)) {
      if (!this.initialized && message.method !== 'exit') return;
      const problem = documentNotificationProblem(message);
      if (problem) {
        this.log(`Ignored ${message.method}: ${problem}`);
        return;
      }
    }
    next(message);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPosition = (value: unknown) => isObject(value) && Number.isInteger(value.line) && Number.isInteger(value.character) && (value.line as number) >= 0 && (value.character as number) >= 0;

/** What is wrong with a document notification's parameters; undefined when nothing is, or for other notifications. */
export function documentNotificationProblem(message: NotificationMessage): string | undefined {
  const params = message.params as Record<string, unknown> | undefined;
  const document = isObject(params) ? params.textDocument : undefined;
  switch (message.method) {
    case 'textDocument/didOpen':
      if (!isObject(document) || typeof document.uri !== 'string') return 'the document has no URI';
      if (typeof document.text !== 'string') return `${document.uri} has no text (${document.text === null ? 'null' : typeof document.text})`;
      if (typeof document.languageId !== 'string' || !Number.isInteger(document.version)) return `${document.uri} has no language or version number`;
      return undefined;
    case 'textDocument/didChange': {
      if (!isObject(document) || typeof document.uri !== 'string' || !Number.isInteger(document.version)) return 'the document has no URI or version number';
      const changes = params?.contentChanges;
      if (!Array.isArray(changes)) return `${document.uri}: the changes are not a list`;
      const bad = changes.find((c) => !isObject(c) || typeof c.text !== 'string' || (c.range !== undefined && !(isObject(c.range) && isPosition(c.range.start) && isPosition(c.range.end))));
      return bad === undefined ? undefined : `${document.uri}: a change has no text or a bad range`;
    }
    case 'textDocument/didClose':
    case 'textDocument/didSave':
      return isObject(document) && typeof document.uri === 'string' ? undefined : 'the document has no URI';
    default:
      return undefined;
  }
}
