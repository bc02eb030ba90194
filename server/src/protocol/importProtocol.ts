/**
 * `postmortem/import`: "Import from Markdown…" asks the language server to turn Markdown into a
 * postmortem, so the extension host carries no part of the language (times, zones) itself.
 * Types and names only: the client imports this file, and must not pull the importer in with it.
 */
export const IMPORT_REQUEST = 'postmortem/import';

export interface ImportParams {
  markdown: string;
  /** The title to use when the Markdown has none: the file's name. */
  fallbackTitle?: string;
}

export type ImportResponse =
  | { kind: 'imported'; text: string }
  /** The Markdown has no section of a postmortem; `message` says what was looked for. */
  | { kind: 'refused'; message: string };
