// Mocha global fixtures for the end-to-end run: one code-server with the packaged extension and one
// Chromium for all scenarios (each scenario opens its own fresh workbench page), plus the figures
// the run reports: time to the first diagnostic on screen and peak memory of server and browser.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, type LaunchedChromium } from '../../../scripts/e2e/browser';
import { startCodeServer, type RunningCodeServer } from '../../../scripts/e2e/codeServer';
import { startPeakMemorySampler, type GroupMemory } from '../../../scripts/e2e/memory';
import { testResultsRoot } from '../../../scripts/e2e/paths';
import { prepareWorkspace, removeWorkspace } from '../../../scripts/e2e/workspace';

export interface E2eSession {
  server: RunningCodeServer;
  browser: Browser;
  /** The fresh copy of test/e2e/workspace the server opened. */
  workspaceFolder: string;
  figures: E2eFigures;
}

export interface E2eFigures {
  /** From spawning code-server to the first workbench showing the workspace's files. */
  serverStartToWorkbenchReadyMs?: number;
  /** From spawning code-server to the first squiggle drawn in a postmortem editor. */
  serverStartToFirstDiagnosticMs?: number;
  peakMemory?: Record<string, GroupMemory>;
  /** Requests the workbench tried to send beyond 127.0.0.1 (refused); expected to stay empty. */
  refusedOutsideRequests: string[];
}

interface RunState {
  session?: E2eSession;
  chromium?: LaunchedChromium;
  sampler?: ReturnType<typeof startPeakMemorySampler>;
}

/**
 * Kept on globalThis, not in module variables: mocha loads spec files that import ESM-only
 * packages through import() and the others through require(), so this module can be
 * instantiated twice in one run.
 */
const state: RunState = ((globalThis as Record<symbol, RunState>)[Symbol.for('postmortem.e2e.state')] ??= {});

export function e2eSession(): E2eSession {
  if (!state.session) throw new Error('the e2e session is not running: start the scenarios with `npm run test:e2e`');
  return state.session;
}

/** Keeps the first measurement only: later scenarios find the server warm. */
export function recordWorkbenchReady(at: number): void {
  const session = e2eSession();
  session.figures.serverStartToWorkbenchReadyMs ??= at - session.server.startedAt;
}

/** Keeps the first measurement only: later scenarios find the server warm. */
export function recordFirstDiagnosticOnScreen(at: number): void {
  const session = e2eSession();
  session.figures.serverStartToFirstDiagnosticMs ??= at - session.server.startedAt;
}

export async function mochaGlobalSetup(): Promise<void> {
  const vsixPath = process.env.E2E_VSIX;
  if (!vsixPath) throw new Error('E2E_VSIX is not set: start the scenarios with `npm run test:e2e`, which packages the extension');
  const workspaceFolder = prepareWorkspace();
  const sampler = (state.sampler = startPeakMemorySampler());
  const server = await startCodeServer({
    workspaceFolder,
    vsixPath,
    label: 'e2e',
    // Unsaved editors are backed up on the server, where every scenario's fresh browser context
    // would restore the previous scenario's; each scenario starts from a clean window instead.
    userSettings: { 'files.hotExit': 'off' },
  });
  sampler.watch('code-server', server.pid);
  try {
    state.chromium = await launchChromium();
  } catch (error) {
    await server.stop();
    removeWorkspace(workspaceFolder);
    throw error;
  }
  sampler.watch('chromium', state.chromium.pid);
  state.session = { server, browser: state.chromium.browser, workspaceFolder, figures: { refusedOutsideRequests: [] } };
}

export async function mochaGlobalTeardown(): Promise<void> {
  const { session, chromium, sampler } = state;
  state.session = undefined;
  if (session) session.figures.peakMemory = sampler?.stop();
  await chromium?.close();
  await session?.server.stop();
  if (session) {
    removeWorkspace(session.workspaceFolder);
    mkdirSync(testResultsRoot, { recursive: true });
    writeFileSync(join(testResultsRoot, 'e2e-figures.json'), JSON.stringify(session.figures, null, 2) + '\n');
  }
}
