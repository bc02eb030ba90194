import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { displayPath } from './displayPath';

export const POSTMORTEM_EXTENSION = '.postmortem';
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface Discovery {
  /** Absolute paths, each once, in the order the arguments name them (folders sorted by name). */
  files: string[];
  /** Messages for paths that are missing, unreadable, or folders without postmortems. */
  problems: string[];
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/**
 * Expands the command line's paths into the files to check. A file named explicitly is checked
 * whatever its extension; a folder contributes its `*.postmortem` files, recursively, following
 * symbolic links only within it.
 */
export function discoverFiles(paths: readonly string[], cwd = process.cwd()): Discovery {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: string[] = [];
  /** `real`, when the walk knows it, saves a system call per file of a large tree. */
  const add = (file: string, real?: string) => {
    let key = real ?? file;
    if (real === undefined) {
      try {
        key = realpathSync(file);
      } catch {
        // keep the path as given: reading it will report the problem
      }
    }
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };

  for (const given of paths) {
    const absolute = resolve(cwd, given);
    let stats;
    try {
      stats = statSync(absolute);
    } catch (error) {
      const code = errorCode(error);
      problems.push(code === 'ENOENT' || code === 'ENOTDIR' ? `${given}: no such file or folder` : `${given}: cannot be read (${code})`);
      continue;
    }
    if (!stats.isDirectory()) {
      add(absolute);
      continue;
    }
    let found = 0;
    const folderProblems: string[] = [];
    const onFile = (file: string, real?: string) => {
      found++;
      add(file, real);
    };
    walkFolder(absolute, rootOf(absolute), new Set(), onFile, (folder, error) => folderProblems.push(`${displayPath(folder, cwd)}: cannot be read (${errorCode(error)})`));
    problems.push(...folderProblems);
    if (found === 0 && folderProblems.length === 0) problems.push(`no ${POSTMORTEM_EXTENSION} files found under ${given}`);
  }
  return { files, problems };
}

/** The real path of a folder named on the command line, which links may not lead out of. */
function rootOf(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
}

function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Walks a folder for postmortems. Symbolic links are followed only while they stay inside the
 * folder named on the command line (`root`, a real path): a link to `/` or to another checkout
 * in a repository under review would otherwise have the check read, and quote, files elsewhere.
 */
function walkFolder(folder: string, root: string, visited: Set<string>, onFile: (file: string, real?: string) => void, onError: (folder: string, error: unknown) => void): void {
  let real: string;
  let entries;
  try {
    real = realpathSync(folder);
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    onError(folder, error);
    return;
  }
  // A symbolic link back up the tree would otherwise loop for ever.
  if (visited.has(real)) return;
  visited.add(real);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    let isFolder = entry.isDirectory();
    let isFile = entry.isFile();
    const isLink = entry.isSymbolicLink();
    if (isLink) {
      try {
        if (!isInside(realpathSync(path), root)) continue;
        const target = statSync(path);
        isFolder = target.isDirectory();
        isFile = target.isFile();
      } catch {
        continue; // a dangling link is not a postmortem
      }
    }
    if (isFolder) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walkFolder(path, root, visited, onFile, onError);
    } else if (isFile && entry.name.endsWith(POSTMORTEM_EXTENSION)) {
      // A file that is no link is where its folder really is: its real path needs no look-up.
      onFile(path, isLink ? undefined : join(real, entry.name));
    }
  }
}
