import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { rules } from '../core/rules/index';
import { validateConfig } from '../core/analysis/config';
import { MAX_CONFIG_BYTES, readRegularFile, UnreadableFile } from './regularFile';
import type { PostmortemConfig } from '../core/analysis/types';

export const CONFIG_FILE_NAME = '.postmortemrc.json';

export interface LoadedConfig {
  /** The file the settings came from; undefined when none was found. */
  path?: string;
  config: Partial<PostmortemConfig>;
  /** Messages that name the file and the problem, ready to show a person. */
  problems: string[];
}

/** The nearest `.postmortemrc.json` in `folder` or any parent folder. */
export function findConfigFile(folder: string): string | undefined {
  let current = resolve(folder);
  for (;;) {
    const candidate = join(current, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Reads and checks one configuration file (a regular file of at most MAX_CONFIG_BYTES); never throws. */
export function loadConfigFile(path: string): LoadedConfig {
  let text: string;
  try {
    // A repository can hold a link to /dev/zero or a named pipe under this name: read only a
    // small regular file, and never wait on one.
    text = readRegularFile(path, MAX_CONFIG_BYTES).toString('utf8');
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    return { path, config: {}, problems: [`${path}: ${error.code === 'EISDIR' ? 'is a folder, not a configuration file' : error.message}`] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { path, config: {}, problems: [`${path}: invalid JSON: ${jsonErrorWithPosition(text, error as Error)}`] };
  }
  const { config, problems } = validateConfig(value, rules.map((r) => r.code));
  return { path, config, problems: problems.map((p) => `${path}: ${p.path ? `${p.path}: ` : ''}${p.message}`) };
}

/** The configuration that applies to a document: the nearest file above its folder, if any. */
export function loadConfigFor(documentPath: string): LoadedConfig {
  const path = findConfigFile(dirname(resolve(documentPath)));
  return path ? loadConfigFile(path) : { config: {}, problems: [] };
}

/** Turns V8's "at position N" into a line and column a person can find. */
function jsonErrorWithPosition(text: string, error: Error): string {
  const match = /position (\d+)/.exec(error.message);
  if (!match) return error.message;
  const offset = +match[1];
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length;
  const column = offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return `${error.message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${column}`;
}
