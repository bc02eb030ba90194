import { isAbsolute, relative, resolve } from 'node:path';

/**
 * A path as the output shows it, with forward slashes: relative to the current folder when the
 * file is inside it, else absolute (a chain of `../` is harder to read than the full path).
 */
export function displayPath(path: string, cwd = process.cwd()): string {
  const absolute = resolve(cwd, path);
  const relativePath = relative(cwd, absolute);
  const outside = relativePath === '..' || relativePath.startsWith('../') || relativePath.startsWith('..\\') || isAbsolute(relativePath);
  return (outside ? absolute : relativePath === '' ? '.' : relativePath).replace(/\\/g, '/');
}
