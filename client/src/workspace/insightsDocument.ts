import { insightsStyles } from '../../../server/src/core/render/insightsStyles';
import { createNonce, policySource, webviewPage } from '../preview/webviewDocument';

/**
 * The page of the "Postmortem: Open Insights" webview: the server's insights fragment, the
 * report stylesheet with a nonce and the preview's theme bridge (media/preview.css). The policy
 * allows no script at all, so nothing in a document can ever run here.
 */
export function insightsDocument(parts: { cspSource: string; styleUri: string; body: string }): string {
  const nonce = createNonce();
  const source = policySource(parts.cspSource);
  const csp = `default-src 'none'; style-src ${source} 'nonce-${nonce}'; img-src ${source} data:`;
  return webviewPage(
    { nonce, styleUri: parts.styleUri, title: 'Postmortem Insights', css: insightsStyles() },
    csp,
    ['<meta name="viewport" content="width=device-width, initial-scale=1">'],
    [`<body class="pm-preview"><div id="pm-root">${parts.body}</div></body>`],
  );
}
