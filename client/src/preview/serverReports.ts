import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RENDER_REQUEST, type RenderFormat, type RenderParams, type RenderResult } from '../../../server/src/protocol/renderProtocol';

/** A document's report as the language server makes it (see server/src/protocol/renderProtocol.ts). */
export type ReportSource = (document: vscode.TextDocument, format: RenderFormat) => Promise<RenderResult>;

/**
 * Reports from the language server, which analyses each document once, with the `postmortem.*`
 * settings, the workspace's trust and its size limit: the preview and the exports show what the
 * Problems panel shows, and the extension host never parses a document itself.
 */
export function serverReports(client: () => LanguageClient | undefined): ReportSource {
  return async (document, format) => {
    const current = client();
    if (!current) return { kind: 'unavailable', message: 'The Postmortem language server is not running.' };
    const params: RenderParams = { textDocument: { uri: current.code2ProtocolConverter.asUri(document.uri) }, format };
    try {
      return await current.sendRequest<RenderResult>(RENDER_REQUEST, params);
    } catch (error) {
      return { kind: 'unavailable', message: `The Postmortem language server did not answer: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
}
