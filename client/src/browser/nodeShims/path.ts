/** The POSIX `node:path` functions the shared code calls, for the browser build (esbuild.mjs aliases `node:path` here). */

export const sep = '/';

function normalise(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') {
      if (parts.length && parts[parts.length - 1] !== '..') parts.pop();
      else if (!absolute) parts.push('..');
    } else {
      parts.push(part);
    }
  }
  return (absolute ? '/' : '') + parts.join('/') || (absolute ? '/' : '.');
}

export function join(...paths: string[]): string {
  const joined = paths.filter(Boolean).join('/');
  const normal = normalise(joined);
  return joined.endsWith('/') && !normal.endsWith('/') ? `${normal}/` : normal;
}

export function resolve(...paths: string[]): string {
  let path = '';
  for (const part of paths) path = part.startsWith('/') ? part : `${path}/${part}`;
  return normalise(path.startsWith('/') ? path : `/${path}`);
}

/** The path without its trailing slashes (but `/` stays). */
function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 1 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}

export function dirname(path: string): string {
  const trimmed = withoutTrailingSlashes(path);
  const at = trimmed.lastIndexOf('/');
  if (at < 0) return '.';
  return at === 0 ? '/' : withoutTrailingSlashes(trimmed.slice(0, at));
}

export function basename(path: string, extension?: string): string {
  const trimmed = withoutTrailingSlashes(path);
  const name = trimmed === '/' ? '' : trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return extension && name !== extension && name.endsWith(extension) ? name.slice(0, -extension.length) : name;
}

export function extname(path: string): string {
  const name = basename(path);
  const at = name.lastIndexOf('.');
  return at > 0 ? name.slice(at) : '';
}

export function isAbsolute(path: string): boolean {
  return path.startsWith('/');
}
