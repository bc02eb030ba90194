import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadedConfig } from '../node/configFile';
import { findConfigFile, loadConfigFile } from '../node/configFile';
import type { AnalyzeOptions } from '../core/analysis/types';
import type { PostmortemSettings } from './settings';
import { DEFAULT_SETTINGS, withSettings } from './settings';

/** Reports configuration problems to the person; called once per distinct problem text. */
export type ProblemReporter = (problems: string[]) => void;

/**
 * The configuration each document is analysed with: the nearest `.postmortemrc.json` above it
 * (or above the first workspace folder for an untitled document), then the `postmortem.*`
 * settings. Files are read once and cached by folder until `invalidateFiles` (a watched
 * `.postmortemrc.json` changed). In an untrusted workspace no file is read at all.
 */
export class ConfigurationStore {
  settings: PostmortemSettings = DEFAULT_SETTINGS;
  /** File-system paths of the workspace folders, first one first. */
  workspaceFolders: string[] = [];
  private trusted = true;
  private readonly byFolder = new Map<string, LoadedConfig>();
  private readonly reported = new Set<string>();

  constructor(private readonly reportProblems: ProblemReporter) {}

  setTrusted(trusted: boolean) {
    this.trusted = trusted;
    this.byFolder.clear();
  }

  invalidateFiles() {
    this.byFolder.clear();
  }

  optionsFor(uri: string): AnalyzeOptions {
    const loaded = this.loadedFor(uri);
    return { config: withSettings(loaded?.config ?? {}, this.settings) };
  }

  /** The nearest existing `.postmortemrc.json` that governs `uri`, if any. */
  configFileFor(uri: string): string | undefined {
    if (!this.trusted) return undefined;
    const folder = this.folderOf(uri);
    return folder === undefined ? undefined : findConfigFile(folder);
  }

  /**
   * Where a new `.postmortemrc.json` for `uri` belongs: its workspace folder, else its own folder.
   * Undefined in an untrusted workspace, where such a file would not be read.
   */
  newConfigFolderFor(uri: string): string | undefined {
    if (!this.trusted) return undefined;
    const path = fsPathOf(uri);
    if (path === undefined) return this.workspaceFolders[0];
    const folder = dirname(path);
    return this.workspaceFolders.find((root) => folder === root || folder.startsWith(root.endsWith('/') ? root : `${root}/`)) ?? folder;
  }

  private folderOf(uri: string): string | undefined {
    const path = fsPathOf(uri);
    return path === undefined ? this.workspaceFolders[0] : dirname(path);
  }

  private loadedFor(uri: string): LoadedConfig | undefined {
    if (!this.trusted) return undefined;
    const folder = this.folderOf(uri);
    if (folder === undefined) return undefined;
    let loaded = this.byFolder.get(folder);
    if (!loaded) {
      const file = findConfigFile(folder);
      loaded = file ? loadConfigFile(file) : { config: {}, problems: [] };
      this.byFolder.set(folder, loaded);
      this.report(loaded.problems);
    }
    return loaded;
  }

  /** Problems are shown once per distinct text: an unchanged broken file does not nag. */
  report(problems: string[]) {
    const fresh = problems.filter((p) => !this.reported.has(p));
    if (!fresh.length) return;
    for (const p of fresh) this.reported.add(p);
    this.reportProblems(fresh);
  }
}

/** The file-system path of a `file:` URI; undefined for untitled and other schemes. */
export function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
