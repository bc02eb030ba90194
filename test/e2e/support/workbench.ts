// What a user does in the VS Code workbench, in Playwright terms. Every read is of something on
// screen (editor lines, the status bar, the Problems panel, hovers, webviews), never of internals.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Locator, Page } from 'playwright-core';
import { projectRoot, testResultsRoot } from '../../../scripts/e2e/paths';
import { STEP_TIMEOUT_MS, waitUntil } from './waitUntil';

export interface Problem {
  code: string;
  message: string;
  /** 1-based, as the panel shows it. */
  line: number;
}

export interface CursorPosition {
  /** 1-based, as the status bar shows it. */
  line: number;
  column: number;
}

const viewport = { width: 1600, height: 1000 };

/**
 * The first workbench of a run loads VS Code's whole bundle into a cold browser: 10–30 s alone,
 * minutes beside other suites. Kept under the scenario hook's limit (test/e2e/.mocharc.json),
 * so a start that never comes fails here, with a screenshot.
 */
const WORKBENCH_START_TIMEOUT_MS = 540_000;

export class Workbench {
  private constructor(
    private readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  /**
   * A fresh browser context (no stored workbench state) showing `folder`. HTTP requests that
   * would leave the loopback interface are refused and reported through `onOutsideRequest`.
   */
  static async open(browser: Browser, serverUrl: string, folder: string, onOutsideRequest: (url: string) => void): Promise<Workbench> {
    const context = await browser.newContext({ viewport });
    await context.route(
      (url) => (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '127.0.0.1',
      async (route) => {
        onOutsideRequest(route.request().url());
        await route.abort('blockedbyclient');
      },
    );
    // Playwright's own waits (locator.waitFor, click) get the same limit as the scenarios' steps.
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = await context.newPage();
    const workbench = new Workbench(context, page);
    try {
      // The page's load event can take longer than any fixed limit on a busy machine; what counts is
      // the workbench showing the folder, so wait for the navigation to start and then for that.
      await page.goto(`${serverUrl}?folder=${encodeURIComponent(folder)}`, { waitUntil: 'commit' });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: WORKBENCH_START_TIMEOUT_MS });
    } catch (error) {
      const path = await workbench.captureFailure('workbench did not open').catch(() => undefined);
      await context.close();
      if (path && error instanceof Error) error.message += `\n  (screenshot: ${path})`;
      throw error;
    }
    return workbench;
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** The text editor of the active editor group. */
  get activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .editor-container .monaco-editor').first();
  }

  /** Quick Open (Ctrl+P) by file name. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = this.quickInput.locator('input');
    await input.waitFor({ state: 'visible' });
    await input.fill(name);
    // Enter would open whichever row is focused when it arrives; the row with the name is the one meant.
    await this.quickInput.locator('.monaco-list-row', { hasText: name }).first().click();
    await this.page.locator('.editor-group-container.active .tab.active', { hasText: name }).waitFor();
    await this.waitForEditorFocus();
  }

  /**
   * Waits until the active text editor has the keyboard focus: keys pressed before that go to
   * whatever had it (the quick input closing, the Problems filter, a webview).
   */
  async waitForEditorFocus(timeoutMs = STEP_TIMEOUT_MS): Promise<void> {
    await waitUntil('the text editor to have the keyboard focus', async () => ((await this.focusedEditor.count()) > 0 ? true : undefined), {
      timeoutMs,
      lastSeen: () => this.focusedElement(),
    });
  }

  /** What has the keyboard focus instead, for the error message. */
  private async focusedElement(): Promise<string> {
    const focused = this.page.locator('*:focus').last();
    if ((await focused.count()) === 0) return '(nothing focused in the page)';
    // Which group the workbench holds active tells a focus it did not take note of from a lost one.
    return focused.evaluate((element) => {
      const activeTab = element.ownerDocument.querySelector('.editor-group-container.active .tab.active');
      const editor = element.closest('.monaco-editor');
      return `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} "${element.getAttribute('aria-label') ?? ''}"`
        + `${editor ? ` in an editor${editor.classList.contains('focused') ? ' marked focused' : ' not marked focused'}` : ''}`
        + `; active group's tab: "${activeTab?.getAttribute('aria-label') ?? 'none'}"`;
    });
  }

  private get focusedEditor(): Locator {
    return this.page.locator('.editor-group-container.active .editor-container .monaco-editor.focused');
  }

  /** Types into the active text editor, once it has the focus. Callers wait to see the text. */
  async typeInEditor(text: string): Promise<void> {
    await this.waitForEditorFocus();
    await this.page.keyboard.type(text);
  }

  /** Presses a key (Enter, Tab, Control+S…) in the active text editor, once it has the focus. */
  async pressInEditor(key: string): Promise<void> {
    await this.waitForEditorFocus();
    await this.page.keyboard.press(key);
  }

  /** Hides the bottom panel (Problems, Output…) if it is showing, as Ctrl+J does. */
  async hidePanel(): Promise<void> {
    const panel = this.page.locator('.part.panel');
    if (!(await panel.isVisible())) return;
    await this.page.keyboard.press('Control+J');
    await panel.waitFor({ state: 'hidden' });
  }

  /**
   * Runs a command from the command palette (F1) by its exact title. The palette lists what is
   * known when it opens, and a fresh workbench learns the extensions' commands a moment after it
   * appears, so the palette is opened again until the command is there.
   */
  async runCommand(title: string, timeoutMs = STEP_TIMEOUT_MS, { asksForInput = false } = {}): Promise<void> {
    const input = this.quickInput.locator('input');
    const labels = this.quickInput.locator('.monaco-list-row .label-name');
    const row = this.quickInput
      .locator('.monaco-list-row')
      .filter({ has: this.page.locator('.label-name').getByText(title, { exact: true }) })
      .first();
    let offered: string[] = [];
    await waitUntil(
      `the command palette to offer "${title}"`,
      async () => {
        await this.page.keyboard.press('F1');
        await input.waitFor({ state: 'visible' });
        await input.fill(`>${title}`);
        try {
          await row.waitFor({ timeout: 15_000 }); // one attempt: the palette lists what it knew when it opened
          return true;
        } catch {
          offered = await labels.allInnerTexts();
          await this.page.keyboard.press('Escape');
          await this.quickInput.waitFor({ state: 'hidden' });
          return undefined;
        }
      },
      { timeoutMs, lastSeen: async () => offered.join(' | ') || '(nothing)' },
    );
    await row.click();
    // A command that asks for input reuses the quick input: wait for its question instead.
    if (!asksForInput) await this.quickInput.waitFor({ state: 'hidden' });
  }

  /** Go to Line/Column (Ctrl+G) and wait for the cursor to be there. */
  async goToLine(line: number, column = 1): Promise<void> {
    await this.goTo(line, column);
    await this.waitForCursor(line, column);
  }

  /** Go to Line (Ctrl+G) with `:line:column`. */
  private async goTo(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    const input = this.quickInput.locator('input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}:${column}`);
    // Enter acts on what the picker shows when the key arrives: wait until it has read the position.
    await this.quickInput.getByText(new RegExp(`\\bline ${line}\\b`)).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden' });
    await this.waitForEditorFocus();
  }

  /**
   * Puts the cursor at the end of a line. Not with End: the language turns word wrap on, and End
   * stops at the end of a wrapped line's first row. Go to Line clamps a column past the end.
   */
  async goToEndOfLine(line: number): Promise<void> {
    await this.goTo(line, 100_000);
    await this.waitForCursor(line);
  }

  async cursorPosition(): Promise<CursorPosition | undefined> {
    const text = await this.page.locator('[id="status.editor.selection"]').innerText();
    const match = /Ln (\d+), Col (\d+)/.exec(text);
    return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
  }

  async waitForCursor(line: number, column?: number, timeoutMs = STEP_TIMEOUT_MS): Promise<void> {
    await waitUntil(
      `the cursor at line ${line}${column === undefined ? '' : `, column ${column}`}`,
      async () => {
        const position = await this.cursorPosition();
        return position?.line === line && (column === undefined || position.column === column) ? true : undefined;
      },
      { timeoutMs, lastSeen: async () => JSON.stringify(await this.cursorPosition()) },
    );
  }

  /** The language shown in the status bar for the active editor. */
  async languageMode(): Promise<string> {
    return (await this.page.locator('[id="status.editor.mode"]').innerText()).trim();
  }

  /**
   * The document lines currently drawn on screen, by 1-based line number, without inlay hints.
   * The editor renders only what is in view, so callers move the cursor to the text first.
   */
  async renderedLines(): Promise<Map<number, string>> {
    const pairs: [number, string][] = await this.activeEditor.evaluate((editor) => {
      const lineNumberAtTop = new Map<string, number>();
      for (const margin of editor.querySelectorAll('.margin-view-overlays > div')) {
        const number = margin.querySelector('.line-numbers')?.textContent;
        if (number) lineNumberAtTop.set(margin.style.top, Number(number));
      }
      const result: [number, string][] = [];
      for (const line of editor.querySelectorAll('.view-lines > .view-line')) {
        const number = lineNumberAtTop.get(line.style.top);
        if (number === undefined) continue;
        // Inlay hints (`+0:06`) are drawn inside the line as spans styled by generated
        // `dyn-rule-*` classes; they are not part of the document's text.
        let text = '';
        for (const span of line.querySelectorAll('span > span')) {
          if (!/\bdyn-rule-/.test(span.className)) text += span.textContent ?? '';
        }
        result.push([number, text.replace(/\u00a0/g, ' ')]);
      }
      return result;
    });
    return new Map(pairs.sort((a, b) => a[0] - b[0]));
  }

  async renderedText(): Promise<string> {
    return [...(await this.renderedLines()).values()].join('\n');
  }

  /** Waits until a drawn line satisfies `test`; returns its line number. */
  async waitForLine(description: string, test: (text: string) => boolean, timeoutMs = STEP_TIMEOUT_MS): Promise<number> {
    return waitUntil(
      `an editor line ${description}`,
      async () => {
        for (const [number, text] of await this.renderedLines()) if (test(text)) return number;
        return undefined;
      },
      { timeoutMs, lastSeen: () => this.renderedText() },
    );
  }

  /** Waits until line `line` (1-based) is drawn and satisfies `test`. */
  async waitForTextOnLine(line: number, description: string, test: (text: string) => boolean, timeoutMs = STEP_TIMEOUT_MS): Promise<void> {
    await waitUntil(
      `line ${line} ${description}`,
      async () => {
        const text = (await this.renderedLines()).get(line);
        return text !== undefined && test(text) ? true : undefined;
      },
      { timeoutMs, lastSeen: async () => JSON.stringify((await this.renderedLines()).get(line) ?? '(line not drawn)') },
    );
  }

  /** Squiggles of any severity drawn in the active editor. */
  get squiggles(): Locator {
    return this.activeEditor.locator(
      '.view-overlays .squiggly-error, .view-overlays .squiggly-warning, .view-overlays .squiggly-info, .view-overlays .squiggly-hint',
    );
  }

  /** Shows the Problems panel, filtered to one file. */
  private async showProblemsOf(fileName: string): Promise<void> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
      await panel.waitFor({ state: 'visible' });
    }
    const filter = this.page.locator('.panel .viewpane-filter input');
    await filter.fill(`**/${fileName}`);
  }

  /** The marker rows of the Problems panel as drawn now. */
  private async listedProblems(): Promise<Problem[]> {
    const rows = this.page.locator('.markers-panel .monaco-list-row[aria-level="2"]');
    const problems: Problem[] = [];
    // allInnerTexts reads what is there without waiting: rows are redrawn as diagnostics change.
    const text = async (row: Locator, part: string) => (await row.locator(part).allInnerTexts()).join('').trim();
    for (const row of await rows.all()) {
      const place = /Ln (\d+)/.exec(await text(row, '.marker-line'));
      problems.push({ code: await text(row, '.marker-code'), message: await text(row, '.marker-message'), line: place ? Number(place[1]) : 0 });
    }
    return problems;
  }

  /** Waits until the Problems panel, filtered to `fileName`, satisfies `test`. */
  async waitForProblems(fileName: string, description: string, test: (problems: Problem[]) => boolean, timeoutMs = STEP_TIMEOUT_MS): Promise<Problem[]> {
    await this.showProblemsOf(fileName);
    return waitUntil(
      `the Problems panel to list ${description}`,
      async () => {
        const problems = await this.listedProblems();
        return test(problems) ? problems : undefined;
      },
      { timeoutMs, lastSeen: async () => JSON.stringify(await this.listedProblems()) },
    );
  }

  /** The visible hover widget (not the hidden ones VS Code keeps around). */
  get hover(): Locator {
    return this.page.locator('.monaco-hover:not(.hidden)').first();
  }

  /** Moves the mouse over the middle of an element, the way a user points at a squiggle. */
  async pointAt(element: Locator): Promise<void> {
    const box = await element.boundingBox();
    if (!box) throw new Error('the element to point at is not on screen');
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  }

  /** The squiggle drawn on a given line (1-based), found by matching its vertical position. */
  async squiggleOnLine(line: number): Promise<Locator | undefined> {
    for (const squiggle of await this.squiggles.all()) if (await this.isBesideLine(squiggle, line)) return squiggle;
    return undefined;
  }

  /** Whether an element is drawn at the height of a line's number (1-based) in the active editor. */
  private async isBesideLine(element: Locator, line: number): Promise<boolean> {
    const lineBox = await this.activeEditor.locator('.margin-view-overlays .line-numbers').getByText(String(line), { exact: true }).boundingBox();
    const box = await element.boundingBox();
    return !!lineBox && !!box && Math.abs(box.y + box.height / 2 - (lineBox.y + lineBox.height / 2)) < lineBox.height / 2;
  }

  /**
   * Clicks the light bulb by the cursor and picks the code action with this title. The bulb of
   * the line the cursor left can still be drawn a moment after it moved: only a bulb by the
   * cursor's line is clicked (VS Code draws it on the line above or below when the line itself
   * has no room in its indentation).
   */
  async applyQuickFixFromLightBulb(title: string): Promise<void> {
    const lightBulb = this.page.locator('.lightBulbWidget').first();
    const cursorLine = (await this.cursorPosition())?.line;
    if (cursorLine === undefined) throw new Error('the status bar shows no cursor position');
    const byCursorLine = async () => {
      for (const line of [cursorLine, cursorLine - 1, cursorLine + 1]) if (await this.isBesideLine(lightBulb, line)) return true;
      return false;
    };
    await waitUntil(
      `the light bulb by line ${cursorLine}`,
      async () => ((await lightBulb.isVisible()) && (await byCursorLine()) ? true : undefined),
      { lastSeen: async () => ((await lightBulb.isVisible()) ? `a light bulb at ${JSON.stringify(await lightBulb.boundingBox())}` : 'no light bulb') },
    );
    await lightBulb.click();
    // The action menu; VS Code keeps an empty submenu panel with the same class next to it.
    const menu = this.page.locator('.action-widget:not(.action-list-submenu-panel)');
    await menu.waitFor({ state: 'visible' });
    const action = menu.locator('.monaco-list-row', { hasText: title }).first();
    try {
      await action.waitFor();
    } catch {
      const offered = await menu.locator('.monaco-list-row').allInnerTexts();
      await this.page.keyboard.press('Escape');
      throw new Error(`the light bulb offers no "${title}"; it offers: ${offered.join(' | ') || '(nothing)'}`);
    }
    await action.click();
    await menu.waitFor({ state: 'hidden' });
  }

  /**
   * Shows the Outline view with room to read it: the Explorer's folder section is collapsed so
   * the outline gets the side bar's height.
   */
  async showOutline(): Promise<void> {
    await this.runCommand('Explorer: Focus on Outline View');
    const folderSection = this.page.locator('.sidebar .pane-header[aria-label^="Explorer Section"][aria-expanded="true"]');
    if (await folderSection.isVisible()) await folderSection.click();
    await this.outlineRows.first().waitFor();
  }

  private get outlineRows(): Locator {
    return this.page.locator('.outline-pane .monaco-list-row');
  }

  /**
   * Every label in the Outline view, read by scrolling through it with the mouse wheel (the tree
   * draws only the rows in view).
   */
  async outlineLabels(): Promise<string[]> {
    const labels: string[] = [];
    const box = await this.page.locator('.outline-pane').boundingBox();
    if (!box) return labels;
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.wheel(0, -100_000);
    for (let previousLast = ''; ; ) {
      const shown = await this.outlineRows.locator('.label-name').allInnerTexts();
      for (const label of shown) if (!labels.includes(label)) labels.push(label);
      const last = shown.at(-1) ?? '';
      if (last === previousLast) return labels;
      previousLast = last;
      await this.page.mouse.wheel(0, box.height / 2);
      await waitUntil('the outline to scroll', async () => ((await this.outlineRows.locator('.label-name').allInnerTexts()).at(-1) !== last ? true : undefined), { timeoutMs: 5_000 }).catch(() => undefined);
    }
  }

  /** Scrolls the Outline view until the entry with exactly this label is drawn, and clicks it. */
  async clickOutlineEntry(label: string): Promise<void> {
    const entry = this.outlineRows.locator('.label-name').getByText(label, { exact: true }).first();
    const box = await this.page.locator('.outline-pane').boundingBox();
    if (!box) throw new Error('the Outline view is not on screen');
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.wheel(0, -100_000);
    await waitUntil(
      `the outline entry "${label}"`,
      async () => {
        if (await entry.isVisible()) return true;
        await this.page.mouse.wheel(0, box.height / 3);
        return undefined;
      },
      { lastSeen: () => this.outlineRows.locator('.label-name').allInnerTexts().then((shown) => shown.join(' | ')) },
    );
    await entry.click();
  }

  /** The suggest widget, when it is open. */
  get suggestions(): Locator {
    return this.page.locator('.editor-widget.suggest-widget.visible');
  }

  /** The suggest widget's "Loading…" or "No suggestions." line, when it shows one instead of items. */
  private get suggestMessage(): Locator {
    return this.suggestions.locator('.message');
  }

  /**
   * Waits until the suggest widget shows the provider's answer: items, or "No suggestions.". While
   * a request runs it shows nothing or "Loading…", and an item looked for then is simply not there yet.
   */
  private async waitForSuggestAnswer(timeoutMs: number): Promise<void> {
    const loading = /^loading/i;
    await waitUntil(
      'the suggest widget to show its answer',
      async () => {
        if (!(await this.suggestions.isVisible())) return undefined;
        if (await this.suggestMessage.isVisible()) return loading.test((await this.suggestMessage.innerText()).trim()) ? undefined : true;
        return (await this.suggestions.locator('.monaco-list-row').count()) > 0 ? true : undefined;
      },
      { timeoutMs, lastSeen: () => this.suggestionsSeen() },
    );
  }

  private async suggestionsSeen(): Promise<string> {
    if (!(await this.suggestions.isVisible())) return '(no suggest widget)';
    if (await this.suggestMessage.isVisible()) return await this.suggestMessage.innerText();
    return (await this.suggestions.locator('.monaco-list-row .label-name').allInnerTexts()).join(' | ') || '(empty list)';
  }

  /**
   * Opens completion with Ctrl+Space in the focused editor, unless it is already showing, and
   * waits for its answer.
   */
  async openCompletion(timeoutMs = STEP_TIMEOUT_MS): Promise<void> {
    if (!(await this.suggestions.isVisible())) await this.pressInEditor('Control+Space');
    await this.waitForSuggestAnswer(timeoutMs);
  }

  /**
   * Shows the focused item's documentation beside the open suggest widget: Ctrl+Space toggles it,
   * so it is pressed only when the documentation is not already showing.
   */
  async showSuggestionDetails(): Promise<void> {
    const details = this.page.locator('.suggest-details').filter({ visible: true }).first();
    if (!(await details.isVisible())) await this.pressInEditor('Control+Space');
    await details.waitFor();
  }

  private suggestion(label: string, { snippet = false } = {}): Locator {
    let item = this.suggestions
      .locator('.monaco-list-row')
      .filter({ has: this.page.locator('.label-name').getByText(label, { exact: true }) });
    // A snippet and a server item can share a label; the icon tells them apart.
    if (snippet) item = item.filter({ has: this.page.locator('.suggest-icon.codicon-symbol-snippet') });
    return item.first();
  }

  /** Fails unless the open suggest widget lists `label`. */
  async expectSuggestion(label: string): Promise<void> {
    if (!(await this.suggestion(label).isVisible())) throw new Error(`completion does not offer "${label}"; it shows: ${await this.suggestionsSeen()}`);
  }

  /**
   * Accepts the completion item `label` (a snippet when asked) by clicking it, opening completion
   * with Ctrl+Space if the widget is not already showing. Each answer is awaited whole, however
   * long the server takes; an answer without the item is dismissed and completion asked again,
   * because the server learns the workspace's owners from the other files a moment after start.
   */
  async acceptCompletion(label: string, { snippet = false, timeoutMs = STEP_TIMEOUT_MS }: { snippet?: boolean; timeoutMs?: number } = {}): Promise<void> {
    const item = this.suggestion(label, { snippet });
    const deadline = Date.now() + timeoutMs;
    let seen = '(no suggest widget)';
    for (;;) {
      if (!(await this.suggestions.isVisible())) await this.pressInEditor('Control+Space');
      await this.waitForSuggestAnswer(Math.max(deadline - Date.now(), 1_000));
      if (await item.isVisible()) break;
      seen = await this.suggestionsSeen();
      if (Date.now() >= deadline) throw new Error(`completion did not offer "${label}" within ${timeoutMs} ms; it offered: ${seen}`);
      await this.page.keyboard.press('Escape');
      await this.suggestions.waitFor({ state: 'hidden' });
    }
    await item.click();
    await this.suggestions.waitFor({ state: 'hidden' });
  }

  /** The frame of a webview (they sit in nested iframes) whose body contains `text`. */
  async waitForWebviewFrame(description: string, text: string, timeoutMs = STEP_TIMEOUT_MS): Promise<Frame> {
    return waitUntil(
      `a webview showing ${description}`,
      async () => {
        for (const frame of this.page.frames()) {
          if (frame === this.page.mainFrame()) continue;
          const found = await frame.locator('body', { hasText: text }).count().catch(() => 0);
          if (found > 0) return frame;
        }
        return undefined;
      },
      { timeoutMs, lastSeen: async () => `${this.page.frames().length - 1} frames` },
    );
  }

  /**
   * Saves a picture of the whole window under test-results/screenshots/; with
   * E2E_UPDATE_SCREENSHOTS=1 it also becomes docs/screenshots/e2e-NAME.png for the README.
   */
  async capture(name: string): Promise<void> {
    const folder = join(testResultsRoot, 'screenshots');
    mkdirSync(folder, { recursive: true });
    const path = join(folder, `e2e-${name}.png`);
    await this.page.screenshot({ path });
    if (process.env.E2E_UPDATE_SCREENSHOTS === '1') {
      const docs = join(projectRoot, 'docs', 'screenshots');
      mkdirSync(docs, { recursive: true });
      copyFileSync(path, join(docs, `e2e-${name}.png`));
    }
  }

  /** The picture saved when a scenario fails: test-results/failed-<title>.png. */
  async captureFailure(title: string): Promise<string> {
    mkdirSync(testResultsRoot, { recursive: true });
    const path = join(testResultsRoot, `failed-${title.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase()}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}
