import type { CancellationToken } from 'vscode-languageserver';
import type { AnalyzedDocument, DocumentAnalyses } from './documents';

export type Provider<P, R> = (document: AnalyzedDocument, params: P, token: CancellationToken) => R;

/**
 * Adapts a provider to a request handler: it answers from the analysis of the document's current
 * version, answers `empty` for a document that is not open or a cancelled request, and turns
 * any exception into a log line and `empty` so one bad request never takes the server down.
 */
export function documentRequest<P extends { textDocument: { uri: string } }, R>(
  documents: DocumentAnalyses,
  provider: Provider<P, R>,
  empty: R,
  logError: (message: string) => void,
): (params: P, token: CancellationToken) => R {
  return (params, token) => {
    try {
      if (token.isCancellationRequested) return empty;
      const document = documents.get(params.textDocument.uri);
      if (!document || token.isCancellationRequested) return empty;
      return provider(document, params, token);
    } catch (error) {
      logError(`${provider.name} failed for ${params?.textDocument?.uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return empty;
    }
  };
}
