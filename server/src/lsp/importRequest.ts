import { importMarkdown, NotAPostmortemError } from '../core/import/importMarkdown';
import type { ImportParams, ImportResponse } from '../protocol/importProtocol';

/** Answers `postmortem/import`; Markdown that is no postmortem is refused with the importer's reason. */
export function importRequest(params: ImportParams): ImportResponse {
  if (typeof params?.markdown !== 'string') return { kind: 'refused', message: 'the request holds no Markdown text' };
  const fallbackTitle = typeof params.fallbackTitle === 'string' ? params.fallbackTitle : undefined;
  try {
    return { kind: 'imported', text: importMarkdown(params.markdown, { fallbackTitle }).text };
  } catch (error) {
    if (error instanceof NotAPostmortemError) return { kind: 'refused', message: error.message };
    throw error;
  }
}
