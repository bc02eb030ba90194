import { escapeHtml } from './escape';
import { sha256Base64 } from './sha256';

export type PageTheme = 'auto' | 'light' | 'dark';

/** Each stylesheet's CSP hash, worked out the first time a page uses it rather than at start-up. */
const styleHashes = new Map<string, string>();

function styleHash(css: string): string {
  let hash = styleHashes.get(css);
  if (hash === undefined) styleHashes.set(css, (hash = `sha256-${sha256Base64(css)}`));
  return hash;
}

/**
 * A whole HTML file around `body`, for exports opened anywhere: no script may run in it, so its
 * Content-Security-Policy allows only its one stylesheet, by hash.
 */
export function standalonePage(page: { title: string; css: string; body: string; theme: PageTheme }): string {
  const csp = `default-src 'none'; style-src '${styleHash(page.css)}'; img-src data:`;
  return [
    '<!DOCTYPE html>',
    `<html lang="en" data-theme="${page.theme}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${page.css}</style>`,
    '</head>',
    '<body class="pm-standalone">',
    page.body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
