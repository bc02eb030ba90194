import { randomBytes } from 'node:crypto';
import { escapeHtml } from '../../../server/src/core/render/escape';
import { insightsStyles } from '../../../server/src/core/render/insightsStyles';

/**
 * The page of the "Postmortem: Open Insights" webview: the server's insights fragment, the
 * report stylesheet with a nonce and the preview's theme bridge (media/preview.css). The policy
 * allows no script at all, so nothing in a document can ever run here.
 */
export function insightsDocument(parts: { cspSource: string; styleUri: string; body: string }): string {
  const nonce = randomBytes(16).toString('base64');
  const source = parts.cspSource.replace(/["'<>;]/g, '');
  const csp = `default-src 'none'; style-src ${source} 'nonce-${nonce}'; img-src ${source} data:`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Postmortem Insights</title>',
    `<style nonce="${nonce}">${insightsStyles()}</style>`,
    `<link rel="stylesheet" href="${escapeHtml(parts.styleUri)}">`,
    '</head>',
    `<body class="pm-preview"><div id="pm-root">${parts.body}</div></body>`,
    '</html>',
  ].join('\n');
}
