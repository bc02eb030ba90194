import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { REPO_ROOT } from './testServer';

let built: Promise<unknown> | undefined;

/** Bundles `dist/server.js` once per test run: the tests talk to the real bundle, as editors do. */
export function buildServer(): Promise<unknown> {
  built ??= promisify(execFile)(process.execPath, ['esbuild.mjs', 'server'], { cwd: REPO_ROOT });
  return built;
}
