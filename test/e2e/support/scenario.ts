// Gives each scenario (a mocha `describe`) its own fresh workbench page on the shared server,
// and a screenshot under test-results/ when one of its steps fails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureWorkspace } from '../../../scripts/e2e/workspace';
import { e2eSession, recordWorkbenchReady } from './session';
import { Workbench } from './workbench';

export interface ScenarioWorkbench {
  (): Workbench;
  /** A `before` step on the workbench (opening a file…) that leaves a screenshot if it fails. */
  setUp(steps: () => Promise<void>): void;
}

export function useWorkbench(): ScenarioWorkbench {
  let workbench: Workbench | undefined;
  before(async function () {
    const session = e2eSession();
    workbench = await Workbench.open(session.browser, session.server.url, session.workspaceFolder, (url) =>
      session.figures.refusedOutsideRequests.push(url),
    );
    recordWorkbenchReady(Date.now());
  });
  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state === 'failed' && workbench) {
      const path = await workbench.captureFailure(test.fullTitle()).catch(() => undefined);
      if (path) test.title += ` (screenshot: ${path})`;
    }
  });
  after(async function () {
    await workbench?.close();
  });
  const current = (): Workbench => {
    if (!workbench) throw new Error('the workbench did not open');
    return workbench;
  };
  return Object.assign(current, {
    setUp(steps: () => Promise<void>): void {
      before(async function () {
        try {
          await steps();
        } catch (error) {
          const title = `${this.test?.parent?.fullTitle() ?? 'scenario'} set-up`;
          const path = await workbench?.captureFailure(title).catch(() => undefined);
          if (path && error instanceof Error) error.message += `\n  (screenshot: ${path})`;
          throw error;
        }
      });
    },
  });
}

/** The text of a fixture file, as checked in. */
export function fixtureText(fileName: string): string {
  return readFileSync(join(fixtureWorkspace, fileName), 'utf8');
}

/** The 1-based number of the first fixture line that contains `text`. */
export function fixtureLineOf(fileName: string, text: string): number {
  const index = fixtureText(fileName).split('\n').findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`${fileName} has no line containing "${text}"`);
  return index + 1;
}
