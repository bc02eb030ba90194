/**
 * `postmortem/render`: the extension's preview and export commands ask the language server for a
 * document's report, so that they show what the Problems panel is based on (the same settings,
 * workspace trust and size limit) and the extension host never parses a document itself.
 * Types and names only: the client imports this file, and must not pull the analysis in with it.
 */
export const RENDER_REQUEST = 'postmortem/render';

/** `preview`: the report fragment the preview page shows; `html`: a standalone page; `markdown`: the wiki export. */
export type RenderFormat = 'preview' | 'html' | 'markdown';

export interface RenderParams {
  textDocument: { uri: string };
  format: RenderFormat;
}

export type RenderResult =
  /** The text, and the document version it was made from. */
  | { kind: 'rendered'; version: number; text: string }
  /** Nothing to show: the document is not open in the server, or too large to check; `message` says which. */
  | { kind: 'unavailable'; message: string };
