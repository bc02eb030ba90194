import { dirname, resolve } from 'node:path';
import { findConfigFile, loadConfigFile, type LoadedConfig } from '../node/configFile';
import { displayPath } from './displayPath';

/**
 * The configuration for each checked file: the `--config` file for all of them, or else the
 * nearest `.postmortemrc.json` above each one. Each file is read and checked once.
 */
export class ConfigResolver {
  private readonly byPath = new Map<string, LoadedConfig>();
  private readonly byFolder = new Map<string, string | undefined>();

  constructor(private readonly explicitPath?: string) {}

  configFor(documentPath: string): LoadedConfig {
    const path = this.explicitPath ? resolve(this.explicitPath) : this.nearestConfigFile(dirname(resolve(documentPath)));
    if (!path) return { config: {}, problems: [] };
    let loaded = this.byPath.get(path);
    if (!loaded) {
      loaded = loadConfigFile(path);
      // Problems name the file; say it the way the user sees paths.
      const shown = displayPath(path);
      loaded = { ...loaded, problems: loaded.problems.map((p) => (p.startsWith(path) ? shown + p.slice(path.length) : p)) };
      this.byPath.set(path, loaded);
    }
    return loaded;
  }

  /** Every configuration file read so far, once each. */
  loaded(): LoadedConfig[] {
    return [...this.byPath.values()];
  }

  private nearestConfigFile(folder: string): string | undefined {
    if (!this.byFolder.has(folder)) this.byFolder.set(folder, findConfigFile(folder));
    return this.byFolder.get(folder);
  }
}
