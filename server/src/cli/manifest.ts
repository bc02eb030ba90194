import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { manifest, repositoryFileUrl, repositoryWebUrl } from '../core/project/manifest';

export { CLI_NAME, VERSION } from '../core/project/manifest';

/** The installed package's folder: the bundle lives in its `dist/`. */
export function installRoot(): string {
  return typeof __dirname === 'string' ? dirname(__dirname) : process.cwd();
}

/**
 * An absolute address for a file of the project (`docs/rules/PM010.md`): on the repository's
 * web view when package.json names a repository, else in the installed package itself.
 */
export function projectFileUri(relativePath: string, root = installRoot()): string {
  return repositoryFileUrl(relativePath) ?? pathToFileURL(join(root, relativePath)).href;
}

/** Where the project says it lives: its homepage, its repository, or the installed package. */
export function projectHomeUri(root = installRoot()): string {
  return manifest.homepage ?? repositoryWebUrl() ?? projectFileUri('README.md', root);
}
