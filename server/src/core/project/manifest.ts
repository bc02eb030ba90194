import packageJson from '../../../../package.json';
import { ruleDocsPath } from './ruleDocs';

/**
 * What package.json says about the project, read without Node's file system so the browser
 * build can use it too: the name and version the command line prints, and the one place the
 * repository's address is set.
 */
interface Manifest {
  version: string;
  homepage?: string;
  repository?: string | { url?: string };
}

export const manifest = packageJson as Manifest;

export const CLI_NAME = 'postmortem';
export const VERSION = manifest.version;

/** The browsable home of the project's sources, when package.json names one. */
export function repositoryWebUrl(): string | undefined {
  const raw = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  if (!raw) return undefined;
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(raw);
  if (shorthand) return `https://github.com/${shorthand[1]}`;
  const web = raw.replace(/^git\+/, '').replace(/^git:\/\//, 'https://').replace(/\.git$/, '');
  return /^https?:\/\//.test(web) ? web : undefined;
}

/** A file of the project (`docs/rules/PM010.md`) on the repository's web view, if package.json names one. */
export function repositoryFileUrl(relativePath: string): string | undefined {
  const web = repositoryWebUrl();
  return web ? `${web}/blob/HEAD/${relativePath}` : undefined;
}

/** A rule's page on the repository's web view, if package.json names a repository. */
export function ruleDocumentationUrl(code: string): string | undefined {
  const path = ruleDocsPath(code);
  return path ? repositoryFileUrl(path) : undefined;
}
