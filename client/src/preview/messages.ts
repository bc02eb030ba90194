/**
 * The messages between the extension and the preview's script (`media/preview.js`), and the
 * state the webview keeps across reloads. The script is plain JavaScript; keep both in step.
 */

/** The view type of the preview panel, also its serializer's key and activation event. */
export const PREVIEW_VIEW_TYPE = 'postmortem.preview';

/** What the webview saves with `setState`; VS Code hands it to the serializer after a reload. */
export interface PreviewState {
  /** The previewed document. */
  uri: string;
  /** The source line (0-based, may be fractional) at the top of the preview. */
  line?: number;
}

/** Written into the page once, for the script to start from. */
export interface PreviewSettings {
  uri: string;
  version: number;
  /** Where to scroll first, as a source line. */
  line?: number;
}

/** Extension → webview. */
export type ToWebviewMessage =
  /** New content; older versions of the same document are ignored. */
  | { type: 'update'; uri: string; version: number; html: string; line?: number }
  /** The editor scrolled: bring this source line to the top. */
  | { type: 'scrollToLine'; uri: string; line: number };

/** Webview → extension. */
export type FromWebviewMessage =
  /** The preview scrolled: this source line is at its top. */
  | { type: 'revealLine'; uri: string; line: number }
  /** An element was clicked (focus false) or double-clicked (focus true): show its source line. */
  | { type: 'showSource'; uri: string; line: number; focus: boolean }
  /** A click outside any source element: give the focus back to the document's editor. */
  | { type: 'focusEditor'; uri: string }
  /** A ticket link was activated; the extension checks the scheme before opening it. */
  | { type: 'openLink'; href: string };

/** Checks a message from the webview before acting on it: the page is not trusted. */
export function parseFromWebview(data: unknown): FromWebviewMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Record<string, unknown>;
  const line = message.line;
  const validLine = typeof line === 'number' && Number.isFinite(line) && line >= 0;
  switch (message.type) {
    case 'revealLine':
      return typeof message.uri === 'string' && validLine ? { type: 'revealLine', uri: message.uri, line: line as number } : undefined;
    case 'showSource':
      return typeof message.uri === 'string' && validLine ? { type: 'showSource', uri: message.uri, line: line as number, focus: message.focus === true } : undefined;
    case 'focusEditor':
      return typeof message.uri === 'string' ? { type: 'focusEditor', uri: message.uri } : undefined;
    case 'openLink':
      return typeof message.href === 'string' ? { type: 'openLink', href: message.href } : undefined;
    default:
      return undefined;
  }
}

/** Reads a saved state, which may come from an older version of the extension. */
export function parsePreviewState(state: unknown): PreviewState | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const { uri, line } = state as Record<string, unknown>;
  if (typeof uri !== 'string' || !uri) return undefined;
  return typeof line === 'number' && Number.isFinite(line) && line >= 0 ? { uri, line } : { uri };
}
