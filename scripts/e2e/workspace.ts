// Copies the fixture workspace of `.postmortem` files into a fresh folder for one run, so edits
// made by the scenarios never touch the checked-in fixtures and every run starts from the same text.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { projectRoot } from './paths';

export const fixtureWorkspace = join(projectRoot, 'test', 'e2e', 'workspace');

/** Returns the path of a fresh copy of `source` (default: the e2e fixture workspace). */
export function prepareWorkspace(source: string = fixtureWorkspace): string {
  const target = join(mkdtempSync(join(tmpdir(), 'pm-workspace-')), 'postmortems');
  cpSync(source, target, { recursive: true });
  return target;
}

/** Removes a copy made by prepareWorkspace. */
export function removeWorkspace(workspaceFolder: string): void {
  rmSync(dirname(workspaceFolder), { recursive: true, force: true });
}
