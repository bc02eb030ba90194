import type { FileEvent } from 'vscode-languageserver';
import { FileChangeType } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from '../node/configFile';
import { fsPathOf } from './configuration';
import type { WorkspaceIndex } from './workspaceIndex';

/** The files the server asks the client to watch. */
export const WATCHED_FILES = ['**/*.postmortem', `**/${CONFIG_FILE_NAME}`];

/**
 * Brings the workspace index up to date with watched-file events; returns whether a
 * `.postmortemrc.json` changed, in which case every open document must be checked again.
 */
export async function applyFileEvents(changes: FileEvent[], index: WorkspaceIndex): Promise<boolean> {
  let configChanged = false;
  for (const change of changes) {
    const path = fsPathOf(change.uri);
    if (!path) continue;
    if (path.endsWith(CONFIG_FILE_NAME)) configChanged = true;
    else if (change.type === FileChangeType.Deleted) index.remove(path);
    else await index.update(path);
  }
  return configChanged;
}
