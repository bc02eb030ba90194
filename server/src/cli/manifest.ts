import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import packageJson from '../../../package.json';

interface Manifest {
  version: string;
  homepage?: string;
  repository?: string | { url?: string };
}

const manifest = packageJson as Manifest;

export const CLI_NAME = 'postmortem';
export const VERSION = manifest.version;

/** The installed package's folder: the bundle lives in its `dist/`. */
export function installRoot(): string {
  return typeof __dirname === 'string' ? dirname(__dirname) : process.cwd();
}

/** The browsable home of the project's sources, when package.json names one. */
function repositoryWebUrl(): string | undefined {
  const raw = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  if (!raw) return undefined;
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(raw);
  if (shorthand) return `https://github.com/${shorthand[1]}`;
  const web = raw.replace(/^git\+/, '').replace(/^git:\/\//, 'https://').replace(/\.git$/, '');
  return /^https?:\/\//.test(web) ? web : undefined;
}

/**
 * An absolute address for a file of the project (`docs/rules/PM010.md`): on the repository's
 * web view when package.json names a repository, else in the installed package itself.
 */
export function projectFileUri(relativePath: string, root = installRoot()): string {
  const web = repositoryWebUrl();
  if (web) return `${web}/blob/HEAD/${relativePath}`;
  return pathToFileURL(join(root, relativePath)).href;
}

/** Where the project says it lives: its homepage, its repository, or the installed package. */
export function projectHomeUri(root = installRoot()): string {
  return manifest.homepage ?? repositoryWebUrl() ?? projectFileUri('README.md', root);
}
