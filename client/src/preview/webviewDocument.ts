import { randomBytes } from 'node:crypto';
import { escapeHtml } from '../../../server/src/core/render/escape';
import { REPORT_CSS } from '../../../server/src/core/render/styles';
import type { PreviewSettings } from './messages';

/** What the preview page is built from; kept free of `vscode` so tests can load it in a browser. */
export interface WebviewDocumentParts {
  /** `webview.cspSource`: the origin the page may load the extension's media from. */
  cspSource: string;
  nonce: string;
  /** `media/preview.js` as a webview URI. */
  scriptUri: string;
  /** `media/preview.css` as a webview URI. */
  styleUri: string;
  /** The report fragment from `render(analysis)`. */
  body: string;
  title: string;
  settings: PreviewSettings;
}

/** `webview.cspSource` as a policy source: an origin pattern, which never holds quotes or brackets. */
export function policySource(cspSource: string): string {
  return cspSource.replace(/["'<>;]/g, '');
}

/** A fresh nonce for each page: 128 random bits. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The frame the webview pages share (the preview, its placeholder, the insights page): the
 * policy, a stylesheet with its nonce (`css`, the report's by default), the theme bridge and the body.
 */
export function webviewPage(parts: Pick<WebviewDocumentParts, 'nonce' | 'styleUri' | 'title'> & { css?: string }, csp: string, extraHead: string[], body: string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    ...extraHead,
    `<title>${escapeHtml(parts.title)}</title>`,
    `<style nonce="${escapeHtml(parts.nonce)}">${parts.css ?? REPORT_CSS}</style>`,
    `<link rel="stylesheet" href="${escapeHtml(parts.styleUri)}">`,
    '</head>',
    ...body,
    '</html>',
  ].join('\n');
}

/**
 * The preview page: the report, its stylesheet (with the nonce), the theme bridge and the one
 * script from `media/`. The policy allows nothing else: no inline script, no other origin.
 */
export function webviewDocument(parts: WebviewDocumentParts): string {
  const nonce = escapeHtml(parts.nonce);
  const source = policySource(parts.cspSource);
  const csp = `default-src 'none'; style-src ${source} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${source} data:`;
  return webviewPage(
    parts,
    csp,
    [
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<meta id="pm-preview-settings" data-settings="${escapeHtml(JSON.stringify(parts.settings))}">`,
    ],
    [
      '<body class="pm-preview">',
      `<div id="pm-root">${parts.body}</div>`,
      `<script nonce="${nonce}" src="${escapeHtml(parts.scriptUri)}"></script>`,
      '</body>',
    ],
  );
}

/** The page shown when there is nothing to preview (a restored panel whose file is gone). */
export function placeholderDocument(parts: Omit<WebviewDocumentParts, 'body' | 'settings' | 'scriptUri'> & { message: string }): string {
  const csp = `default-src 'none'; style-src ${policySource(parts.cspSource)} 'nonce-${escapeHtml(parts.nonce)}';`;
  return webviewPage(parts, csp, [], [
    `<body class="pm-preview"><div id="pm-root"><article class="pm-report"><p class="pm-empty">${escapeHtml(parts.message)}</p></article></div></body>`,
  ]);
}
