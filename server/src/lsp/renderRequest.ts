import { render } from '../core/render/html';
import { toMarkdown } from '../core/render/markdown';
import type { DocumentAnalyses } from './documents';
import { isTooLarge, MAX_ANALYSED_LENGTH } from './documents';
import type { RenderFormat, RenderParams, RenderResult } from '../protocol/renderProtocol';

const FORMATS: readonly RenderFormat[] = ['preview', 'html', 'markdown'];

/**
 * Answers `postmortem/render` from the analysis the server keeps for the document's current
 * version: the one its diagnostics come from.
 */
export function renderDocument(documents: DocumentAnalyses, params: RenderParams): RenderResult {
  const uri = params?.textDocument?.uri;
  if (typeof uri !== 'string' || !FORMATS.includes(params.format)) return { kind: 'unavailable', message: 'The request names no document or no known format.' };
  const open = documents.documents.get(uri);
  if (!open) return { kind: 'unavailable', message: 'The document is not open in the Postmortem language server.' };
  if (isTooLarge(open)) {
    const size = (open.getText().length / 1024 / 1024).toFixed(1);
    return { kind: 'unavailable', message: `The document is ${size} MB; documents over ${MAX_ANALYSED_LENGTH / 1024 / 1024} MB are not checked or previewed.` };
  }
  const analyzed = documents.get(uri);
  if (!analyzed) return { kind: 'unavailable', message: 'The document could not be analysed; the Postmortem output has the details.' };
  const { analysis, version } = analyzed;
  const text = params.format === 'markdown' ? toMarkdown(analysis) : render(analysis, { standalone: params.format === 'html' });
  return { kind: 'rendered', version, text };
}

/** The `postmortem/render` handler: a failure is logged and answered as unavailable, never thrown at the client. */
export function renderRequestHandler(documents: DocumentAnalyses, logError: (message: string) => void): (params: RenderParams) => RenderResult {
  return (params) => {
    try {
      return renderDocument(documents, params);
    } catch (error) {
      logError(`render failed for ${params?.textDocument?.uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return { kind: 'unavailable', message: 'The report could not be made; the Postmortem output has the details.' };
    }
  };
}
