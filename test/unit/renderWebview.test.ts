import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFromWebview, parsePreviewState } from '../../client/src/preview/messages';
import { createNonce, placeholderDocument, webviewDocument } from '../../client/src/preview/webviewDocument';

const ROOT = join(import.meta.dirname, '..', '..');

describe('preview page (client/src/preview/webviewDocument.ts)', () => {
  const nonce = createNonce();
  const page = webviewDocument({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce,
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.css',
    body: '<article class="pm-report"><h1 data-line="0">T</h1></article>',
    title: 'Preview <incident>.postmortem',
    settings: { uri: 'file:///a/"quoted"<b>.postmortem', version: 3, line: 12 },
  });

  it('allows nothing by default, and only its own nonce for script and style', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1];
    assert.equal(
      csp,
      `default-src 'none'; style-src https://file+.vscode-resource.vscode-cdn.net 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src https://file+.vscode-resource.vscode-cdn.net data:`,
    );
    assert.doesNotMatch(csp!, /unsafe/);
  });

  it('loads exactly one script, from media/, with the nonce, and no inline script', () => {
    const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0][1], ` nonce="${nonce}" src="https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.js"`);
    assert.equal(scripts[0][2], '');
    assert.match(page, new RegExp(`<style nonce="${nonce.replace(/[+/]/g, '\\$&')}">[\\s\\S]*\\.pm-report`));
    assert.match(page, /<link rel="stylesheet" href="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/media\/preview\.css">/);
  });

  it('escapes the title and the settings it hands to the script', () => {
    assert.match(page, /<title>Preview &lt;incident&gt;\.postmortem<\/title>/);
    const settings = /<meta id="pm-preview-settings" data-settings="([^"]*)">/.exec(page)?.[1] ?? '';
    const decoded = settings.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    assert.deepEqual(JSON.parse(decoded), { uri: 'file:///a/"quoted"<b>.postmortem', version: 3, line: 12 });
  });

  it('makes a fresh 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    assert.equal(nonces.size, 50);
    for (const n of nonces) assert.equal(Buffer.from(n, 'base64').length, 16);
  });

  it('shows a message without any script when there is nothing to preview', () => {
    const placeholder = placeholderDocument({ cspSource: 'https://x.test', nonce, styleUri: 'https://x.test/media/preview.css', title: 'Preview', message: 'a <b>.postmortem cannot be opened' });
    assert.doesNotMatch(placeholder, /<script|script-src/);
    assert.match(placeholder, /a &lt;b&gt;\.postmortem cannot be opened/);
  });

  it('ships the script and the theme bridge it refers to', () => {
    const script = readFileSync(join(ROOT, 'media', 'preview.js'), 'utf8');
    assert.match(script, /acquireVsCodeApi\(\)/);
    assert.doesNotMatch(script, /\beval\(|new Function|document\.write/);
    const css = readFileSync(join(ROOT, 'media', 'preview.css'), 'utf8');
    for (const variable of ['--vscode-editor-foreground', '--vscode-editor-background', '--vscode-textLink-foreground', '--vscode-contrastBorder']) {
      assert.ok(css.includes(variable), `preview.css does not use ${variable}`);
    }
  });
});

describe('preview messages (client/src/preview/messages.ts)', () => {
  it('accepts the messages the script sends', () => {
    assert.deepEqual(parseFromWebview({ type: 'revealLine', uri: 'file:///a', line: 4.5 }), { type: 'revealLine', uri: 'file:///a', line: 4.5 });
    assert.deepEqual(parseFromWebview({ type: 'showSource', uri: 'file:///a', line: 3, focus: true }), { type: 'showSource', uri: 'file:///a', line: 3, focus: true });
    assert.deepEqual(parseFromWebview({ type: 'showSource', uri: 'file:///a', line: 3, focus: 'yes' }), { type: 'showSource', uri: 'file:///a', line: 3, focus: false });
    assert.deepEqual(parseFromWebview({ type: 'openLink', href: 'https://x.test' }), { type: 'openLink', href: 'https://x.test' });
  });

  it('drops anything else the page might send', () => {
    for (const bad of [null, 'revealLine', 42, {}, { type: 'runCommand', command: 'x' }, { type: 'revealLine', uri: 'file:///a', line: -1 }, { type: 'revealLine', uri: 'file:///a', line: Number.NaN }, { type: 'revealLine', line: 2 }, { type: 'openLink', href: 7 }, { type: 'showSource', uri: 1, line: 1 }]) {
      assert.equal(parseFromWebview(bad), undefined, JSON.stringify(bad));
    }
  });

  it('restores only a state that names a document', () => {
    assert.deepEqual(parsePreviewState({ uri: 'file:///a.postmortem', line: 7 }), { uri: 'file:///a.postmortem', line: 7 });
    assert.deepEqual(parsePreviewState({ uri: 'file:///a.postmortem', line: 'x' }), { uri: 'file:///a.postmortem' });
    for (const bad of [undefined, null, {}, { uri: '' }, { uri: 5 }, 'file:///a']) assert.equal(parsePreviewState(bad), undefined);
  });
});
