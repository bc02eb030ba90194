import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strict as assert } from 'node:assert';
import { rules } from '../../server/src/core/rules/index';
import { RULES_UNDER_TEST } from './documents';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const CONFIG_NAME = '.postmortemrc.json';

let built = false;

/** Builds dist/cli.js once per test run, so the tests check the bundle users get. */
export function buildCli(): void {
  if (built) return;
  const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(result.status, 0, `the build failed:\n${result.stderr}`);
  built = true;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built command line; every run is also checked never to print a stack trace. */
export function runCli(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number; input?: string }): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR']) if (!options.env || !(name in options.env)) delete env[name];
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    env,
    input: options.input,
    encoding: 'utf8',
    timeout: options.timeout ?? 60_000,
    maxBuffer: 512 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  assert.doesNotMatch(result.stderr, /\n\s+at .+[:(]\d+:\d+\)?/, `a stack trace on stderr:\n${result.stderr}`);
  assert.doesNotMatch(result.stderr, /internal error/, `an internal error:\n${result.stderr}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A configuration that turns off every rule but those the tests rely on (plus `extra` settings). */
export function focusedConfig(extra: Record<string, unknown> = {}, keepOn: readonly string[] = RULES_UNDER_TEST): string {
  const off = Object.fromEntries(rules.filter((r) => !keepOn.includes(r.code)).map((r) => [r.code, 'off']));
  const extraRules = (extra.rules as Record<string, string> | undefined) ?? {};
  return JSON.stringify({ ...extra, rules: { ...off, ...extraRules } }, null, 2);
}

/** Fresh folders under the system's temporary folder, removed by `removeAll`. */
export class TemporaryFolders {
  private readonly folders: string[] = [];

  /** A folder holding `files`; with `focused`, also a `.postmortemrc.json` from focusedConfig(). */
  create(files: Record<string, string | Buffer> = {}, { focused = true } = {}): string {
    const folder = mkdtempSync(join(tmpdir(), 'postmortem-cli-test-'));
    this.folders.push(folder);
    const all = focused && !(CONFIG_NAME in files) ? { [CONFIG_NAME]: focusedConfig(), ...files } : files;
    for (const [name, content] of Object.entries(all)) {
      mkdirSync(dirname(join(folder, name)), { recursive: true });
      writeFileSync(join(folder, name), content);
    }
    return folder;
  }

  removeAll(): void {
    for (const folder of this.folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  }
}

export interface JsonPosition {
  line: number;
  character: number;
}

export interface JsonReport {
  files: {
    path: string;
    diagnostics: { code: string; severity: string; message: string; range: { start: JsonPosition; end: JsonPosition } }[];
    metrics: Record<string, number | null>;
  }[];
  summary: { files: number; errors: number; warnings: number; information: number; hints: number };
}

export function parseJsonReport(run: CliRun): JsonReport {
  return JSON.parse(run.stdout) as JsonReport;
}
