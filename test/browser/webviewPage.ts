import type { Page } from 'playwright-core';
import { webviewDocument } from '../../client/src/preview/webviewDocument';
import { ORIGIN } from './chromium';

/** The preview page as the extension builds it, with this origin standing in for the webview's. */
export function previewPage(body: string, options: { uri?: string; version?: number; line?: number; nonce?: string } = {}): string {
  return webviewDocument({
    cspSource: ORIGIN,
    nonce: options.nonce ?? 'dGVzdC1ub25jZS0xMjM0NQ==',
    scriptUri: `${ORIGIN}/media/preview.js`,
    styleUri: `${ORIGIN}/media/preview.css`,
    body,
    title: 'Preview test.postmortem',
    settings: { uri: options.uri ?? 'file:///work/test.postmortem', version: options.version ?? 1, ...(options.line !== undefined ? { line: options.line } : {}) },
  });
}

/** Drops the Content-Security-Policy, to show that escaping alone keeps a payload inert. */
export function withoutCsp(html: string): string {
  const stripped = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  if (stripped === html) throw new Error('the page has no Content-Security-Policy to remove');
  return stripped;
}

/**
 * Stands in for VS Code's webview API before the page's script runs: posted messages and the
 * saved state are kept on `window` for the test to read.
 */
export async function installVsCodeApi(page: Page, savedState?: unknown): Promise<void> {
  // A script as text: functions passed from here would carry the bundler's helpers along.
  await page.addInitScript({
    content: `
      window.__messages = [];
      window.__state = ${JSON.stringify(savedState ?? null)} ?? undefined;
      window.acquireVsCodeApi = function () {
        return {
          postMessage: function (message) { window.__messages.push(message); },
          getState: function () { return window.__state; },
          setState: function (state) { window.__state = state; },
        };
      };`,
  });
}

/** Sets the classes and `--vscode-*` colours VS Code gives a webview, here those of Dark Modern. */
export const VSCODE_DARK_THEME = `
  document.addEventListener('DOMContentLoaded', () => {
    document.body.classList.add('vscode-dark');
    const colours = {
      '--vscode-editor-foreground': '#cccccc', '--vscode-editor-background': '#1f1f1f',
      '--vscode-descriptionForeground': '#9d9d9d', '--vscode-panel-border': '#2b2b2b',
      '--vscode-widget-border': '#313131', '--vscode-editorWidget-background': '#202020',
      '--vscode-textLink-foreground': '#4daafc', '--vscode-charts-red': '#f14c4c',
      '--vscode-charts-orange': '#d18616', '--vscode-charts-yellow': '#cca700',
      '--vscode-charts-green': '#89d185', '--vscode-charts-blue': '#3794ff',
      '--vscode-charts-purple': '#b180d7', '--vscode-disabledForeground': '#8c8c8c',
      '--vscode-font-family': 'system-ui, "Liberation Sans", sans-serif', '--vscode-font-size': '13px',
      '--vscode-editor-font-family': '"DejaVu Sans Mono", monospace', '--vscode-focusBorder': '#0078d4',
    };
    for (const [name, value] of Object.entries(colours)) document.documentElement.style.setProperty(name, value);
  });
`;
