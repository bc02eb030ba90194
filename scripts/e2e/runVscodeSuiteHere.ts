// `npm run test:vscode:here`: runs the test/vscode/ Mocha suite inside code-server's extension
// host, against the real `vscode` API, with no VS Code download. The same built suite
// (dist/test/vscode/index.js) runs under @vscode/test-electron with `npm run test:vscode`.
//
// How: code-server started with VS Code's smoke-test driver switched on accepts a `payload` in the
// workbench URL naming the extension under development and the tests to run, as VS Code's own
// web integration tests do. When the tests end, the extension host exits and the workbench calls
// `window.codeAutomationExit(code)`, which this runner exposes to learn the result.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import type { ConsoleMessage } from 'playwright-core';
import { launchChromium } from './browser';
import { startCodeServer } from './codeServer';
import { ensureE2eTools } from './install';
import { E2eSetupError, log } from './log';
import { projectRoot } from './paths';

// `--web`: the web extension's suite (test/vscode-web/), in the web worker extension host. The
// extension has both `main` and `browser`; the user setting below makes code-server run `browser`.
const web = process.argv.includes('--web');
const suiteEntry = join(projectRoot, 'dist', 'test', web ? 'web' : 'vscode', web ? 'index.cjs' : 'index.js');
const webHostSettings = { 'remote.extensionKind': { 'postmortem-tools.postmortem-language-tools': ['web'] } };
const suiteTimeoutMs = 10 * 60_000;

/**
 * The workbench's own log lines, which reach the browser console in the same format as the
 * extension host's output. Hidden so the suite's Mocha report stays readable (`--verbose` shows
 * everything).
 */
const workbenchChatter = [
  /^\[[^\]]+\]/, // "[Service Worker] registered", "[AgentHost:remote] …"
  /^(Resolving|Resolved) connection token/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
  /^Timed out waiting for authentication provider/,
  /^Error: Timed out waiting for authentication provider/,
  /^Canceled/,
  /^Failed: getaddrinfo/,
  /^Ignoring fetching additional builtin extensions from gallery/,
  /^Creation of workbench contribution/,
];

/**
 * The workbench logs as console.log('%c INFO', 'color: …', ...original arguments). Returns the
 * original arguments formatted the way Node's console would (Mocha's reporter uses `%s`, `%d`),
 * or undefined for the browser's own messages.
 */
async function extensionHostText(message: ConsoleMessage): Promise<string | undefined> {
  if (!/^%c\s+(?:TRACE|DEBUG|INFO|WARN|ERR)\b/.test(message.text())) return undefined;
  const values = await Promise.all(message.args().map((argument) => argument.jsonValue().catch(() => String(argument))));
  return format(...(values.slice(2) as unknown[]));
}

async function main(): Promise<number> {
  const verbose = process.argv.includes('--verbose');
  ensureE2eTools();
  // An empty folder as the workspace, as under @vscode/test-electron: the suite uses untitled documents.
  const workspaceFolder = mkdtempSync(join(tmpdir(), 'pm-vscode-suite-'));
  // The web suite checks that the browser build says it does not read this file.
  if (web) writeFileSync(join(workspaceFolder, '.postmortemrc.json'), '{}\n');
  const server = await startCodeServer({
    workspaceFolder,
    label: 'vscode-suite',
    extraArguments: ['--vscode-option', 'enable-smoke-test-driver'],
    userSettings: web ? webHostSettings : undefined,
  });
  const chromium = await launchChromium().catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  try {
    const page = await chromium.browser.newPage();
    // Printed in arrival order: each message waits for the one before it to be formatted.
    let printed = Promise.resolve();
    page.on('console', (message) => {
      printed = printed.then(async () => {
        const text = await extensionHostText(message);
        if (text === undefined) {
          if (verbose) process.stdout.write(`[browser] ${message.text()}\n`);
          return;
        }
        if (!verbose && workbenchChatter.some((pattern) => pattern.test(text))) return;
        process.stdout.write(`${text}\n`);
      });
    });
    const exitCode = new Promise<number>((resolveExit) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
    });
    const remote = (path: string) => `vscode-remote://127.0.0.1:${server.port}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(projectRoot)],
      ['extensionTestsPath', remote(suiteEntry)],
    ];
    log(`running ${suiteEntry} in code-server's extension host`);
    // Not the load event, which a busy machine can delay past any limit: the suite's exit code is what is awaited.
    await page.goto(`${server.url}?folder=${encodeURIComponent(workspaceFolder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`, { waitUntil: 'commit' });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new E2eSetupError(`the suite did not finish within ${suiteTimeoutMs / 60_000} minutes`)), suiteTimeoutMs);
    });
    const code = await Promise.race([exitCode, timedOut]).finally(() => clearTimeout(timer));
    await printed;
    log(code === 0 ? 'the VS Code suite passed in code-server' : `the VS Code suite failed in code-server (exit code ${code})`);
    return code;
  } finally {
    await chromium.close();
    await server.stop();
    rmSync(workspaceFolder, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`[e2e] ${error instanceof E2eSetupError ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
