// @ts-check
/**
 * The preview's one script. It keeps the page in step with the editor: content updates without
 * losing the scroll position, scroll sync both ways through `data-line`, click to reveal the
 * source line, ticket links opened by the extension, and state for restoring after a reload.
 * The messages are described in client/src/preview/messages.ts.
 */
(function () {
  'use strict';

  /** @typedef {{ uri: string, version: number, line?: number }} Settings */
  /** @typedef {{ line: number, top: number }} LineTop */

  // @ts-ignore: provided by VS Code inside webviews
  const vscode = acquireVsCodeApi();
  const settingsElement = document.getElementById('pm-preview-settings');
  const root = document.getElementById('pm-root');
  if (!settingsElement || !root) return;

  /** @type {Settings} */
  const settings = JSON.parse(settingsElement.getAttribute('data-settings') || '{}');
  const saved = vscode.getState();
  let currentUri = settings.uri;
  let currentVersion = settings.version;

  /** Scroll events caused by our own scrolling are not echoed back to the editor. */
  let ignoreScrollUntil = 0;
  /** @type {LineTop[] | undefined} */
  let lineMap;

  function invalidateLineMap() {
    lineMap = undefined;
  }

  /**
   * The elements that carry `data-line`, by position on the page, reduced to the longest run
   * whose lines grow as the page goes down: elements shown out of source order (severity badge
   * in the header, the problems list, the chart) drop out instead of bending the mapping.
   * @returns {LineTop[]}
   */
  function getLineMap() {
    if (lineMap) return lineMap;
    /** @type {LineTop[]} */
    const entries = [];
    const scrollY = window.scrollY;
    for (const element of root.querySelectorAll('[data-line]')) {
      if (element.closest('svg') || isHidden(element)) continue;
      const line = Number(element.getAttribute('data-line'));
      if (Number.isFinite(line)) entries.push({ line, top: element.getBoundingClientRect().top + scrollY });
    }
    entries.sort((a, b) => a.top - b.top);
    lineMap = longestIncreasingRun(entries);
    return lineMap;
  }

  /** @param {Element} element */
  function isHidden(element) {
    const details = element.closest('details');
    if (details && !details.open && !element.closest('summary')) return true;
    const rect = element.getBoundingClientRect();
    return rect.width === 0 && rect.height === 0;
  }

  /**
   * The longest subsequence with strictly increasing lines (patience sorting, O(n log n)).
   * @param {LineTop[]} entries
   * @returns {LineTop[]}
   */
  function longestIncreasingRun(entries) {
    /** @type {number[]} index of the smallest tail of each run length */
    const tails = [];
    /** @type {number[]} */
    const previous = new Array(entries.length);
    entries.forEach((entry, i) => {
      let low = 0;
      let high = tails.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (entries[tails[mid]].line < entry.line) low = mid + 1;
        else high = mid;
      }
      previous[i] = low > 0 ? tails[low - 1] : -1;
      tails[low] = i;
    });
    /** @type {LineTop[]} */
    const run = [];
    for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) run.push(entries[i]);
    return run.reverse();
  }

  /** The source line at the top of the window, interpolated between elements. */
  function lineAtTop() {
    const map = getLineMap();
    const y = window.scrollY;
    if (!map.length || y <= 0) return 0;
    let low = 0;
    let high = map.length - 1;
    if (y < map[0].top) return map[0].line * (y / Math.max(map[0].top, 1));
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (map[mid].top <= y) low = mid;
      else high = mid - 1;
    }
    const a = map[low];
    const b = map[low + 1];
    if (!b || b.top === a.top) return a.line;
    return a.line + ((y - a.top) / (b.top - a.top)) * (b.line - a.line);
  }

  /** Scrolls so that `line` is at the top of the window. */
  function scrollToLine(line) {
    const map = getLineMap();
    if (!map.length || line <= map[0].line) {
      scrollWithoutEcho(0);
      return;
    }
    let low = 0;
    let high = map.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (map[mid].line <= line) low = mid;
      else high = mid - 1;
    }
    const a = map[low];
    const b = map[low + 1];
    const top = b ? a.top + ((line - a.line) / (b.line - a.line)) * (b.top - a.top) : a.top;
    scrollWithoutEcho(top);
  }

  function scrollWithoutEcho(top) {
    ignoreScrollUntil = Date.now() + 150;
    window.scrollTo(0, Math.max(0, top));
  }

  function saveState(line) {
    vscode.setState({ uri: currentUri, line });
  }

  let scrollFrame = 0;
  window.addEventListener('scroll', () => {
    if (scrollFrame) return;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      const line = lineAtTop();
      saveState(line);
      if (Date.now() < ignoreScrollUntil) return;
      vscode.postMessage({ type: 'revealLine', uri: currentUri, line });
    });
  });

  window.addEventListener('resize', invalidateLineMap);
  // Opening or closing the problems list moves everything below it.
  root.addEventListener('toggle', invalidateLineMap, true);

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'update' && typeof message.html === 'string' && typeof message.uri === 'string' && typeof message.version === 'number') {
      const sameDocument = message.uri === currentUri;
      if (sameDocument && message.version < currentVersion) return;
      const keepLine = sameDocument ? lineAtTop() : typeof message.line === 'number' ? message.line : 0;
      currentUri = message.uri;
      currentVersion = message.version;
      // The HTML comes from the extension's renderer, which escapes all document text; the
      // page's policy would block any script in it anyway.
      root.innerHTML = message.html;
      invalidateLineMap();
      scrollToLine(keepLine);
      saveState(keepLine);
    } else if (message.type === 'scrollToLine' && message.uri === currentUri && typeof message.line === 'number') {
      scrollToLine(message.line);
      saveState(message.line);
    }
  });

  /** @param {EventTarget | null} target */
  function linkOf(target) {
    return target instanceof Element ? target.closest('[data-href]') : null;
  }

  /**
   * A click shows the source line and hands the focus back to the editor, so that commands,
   * the outline and typing keep working on the document; Alt+click keeps the focus here, and a
   * double click opens the source even when no editor shows it.
   * @param {MouseEvent} event @param {boolean} focus
   */
  function showSource(event, focus) {
    const target = event.target;
    if (!(target instanceof Element) || target.closest('summary, a, [data-href]')) return;
    const selection = window.getSelection();
    if (!focus && selection && !selection.isCollapsed) return;
    if (!focus && event.altKey) return;
    const element = target.closest('[data-line]');
    const line = element ? Number(element.getAttribute('data-line')) : NaN;
    if (Number.isFinite(line)) vscode.postMessage({ type: 'showSource', uri: currentUri, line, focus });
    else if (!focus) vscode.postMessage({ type: 'focusEditor', uri: currentUri });
  }

  document.addEventListener('click', (event) => {
    const link = linkOf(event.target);
    if (link) {
      event.preventDefault();
      vscode.postMessage({ type: 'openLink', href: link.getAttribute('data-href') || '' });
      return;
    }
    showSource(event, false);
  });
  document.addEventListener('dblclick', (event) => showSource(event, true));
  document.addEventListener('keydown', (event) => {
    const link = linkOf(event.target);
    if (link && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      vscode.postMessage({ type: 'openLink', href: link.getAttribute('data-href') || '' });
    }
  });

  const startLine = saved && saved.uri === currentUri && typeof saved.line === 'number' ? saved.line : settings.line;
  if (typeof startLine === 'number' && startLine > 0) {
    // Wait for layout (fonts, the chart) before measuring where lines are.
    window.requestAnimationFrame(() => scrollToLine(startLine));
  }
  saveState(typeof startLine === 'number' ? startLine : 0);
})();
