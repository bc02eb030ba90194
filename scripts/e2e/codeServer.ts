// Starts code-server (VS Code's own workbench and extension host) on a free loopback port with
// fresh user data, extension and XDG folders, and stops it with its whole process group: the
// extension hosts it forks would otherwise outlive it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { codeServerEntry, node24Bin, node24Executable } from './paths';
import { E2eSetupError } from './log';

const delay = (ms: number) => new Promise<void>((resolveLater) => setTimeout(resolveLater, ms));

/** Settings that keep the workbench quiet and offline: no welcome page, chat, telemetry or git. */
export const quietUserSettings: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'git.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
};

const serverArguments = [
  '--auth', 'none',
  '--disable-telemetry',
  '--disable-update-check',
  '--disable-workspace-trust',
  '--disable-getting-started-override',
];

/** Asks the kernel for a free port on the loopback interface. */
export function findFreeLoopbackPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolvePort(port));
    });
  });
}

/**
 * Fresh per-run folders. They live under the system temporary folder because VS Code puts its
 * IPC sockets in TMPDIR/XDG_RUNTIME_DIR, and socket paths must stay under 108 bytes.
 */
export interface RunFolders {
  root: string;
  userData: string;
  extensions: string;
  xdgConfig: string;
  xdgData: string;
  xdgCache: string;
  xdgState: string;
  xdgRuntime: string;
  tmp: string;
  log: string;
}

function createRunFolders(label: string): RunFolders {
  const root = mkdtempSync(join(tmpdir(), `pm-${label}-`));
  const folders: RunFolders = {
    root,
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    xdgConfig: join(root, 'xdg', 'config'),
    xdgData: join(root, 'xdg', 'data'),
    xdgCache: join(root, 'xdg', 'cache'),
    xdgState: join(root, 'xdg', 'state'),
    xdgRuntime: join(root, 'xdg', 'run'),
    tmp: join(root, 'tmp'),
    log: join(root, 'code-server.log'),
  };
  for (const [name, path] of Object.entries(folders)) {
    if (name !== 'log') mkdirSync(path, { recursive: true, mode: 0o700 });
  }
  return folders;
}

function serverEnvironment(folders: RunFolders): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${node24Bin}:${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: folders.xdgConfig,
    XDG_DATA_HOME: folders.xdgData,
    XDG_CACHE_HOME: folders.xdgCache,
    XDG_STATE_HOME: folders.xdgState,
    XDG_RUNTIME_DIR: folders.xdgRuntime,
    TMPDIR: folders.tmp,
    // No marketplace: an empty gallery keeps the workbench from querying open-vsx.org.
    EXTENSIONS_GALLERY: '{}',
  };
  // A password or a proxy from the caller's shell would change how the server behaves.
  for (const name of ['PASSWORD', 'HASHED_PASSWORD', 'VSCODE_PROXY_URI', 'VSCODE_IPC_HOOK_CLI', 'ELECTRON_RUN_AS_NODE']) {
    delete environment[name];
  }
  return environment;
}

function folderArguments(folders: RunFolders): string[] {
  return ['--user-data-dir', folders.userData, '--extensions-dir', folders.extensions];
}

function installExtension(folders: RunFolders, vsixPath: string): void {
  const result = spawnSync(
    node24Executable,
    [codeServerEntry, ...folderArguments(folders), '--install-extension', vsixPath, '--force'],
    { env: serverEnvironment(folders), encoding: 'utf8' },
  );
  if (result.status !== 0 || /failed|error/i.test(result.stderr)) {
    throw new E2eSetupError(`code-server could not install ${vsixPath}:\n${result.stdout}${result.stderr}`);
  }
}

async function waitUntilHealthy(port: number, child: ChildProcess, log: string, timeoutMs: number): Promise<void> {
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (spawnError) throw new E2eSetupError(`could not start code-server: ${spawnError.message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new E2eSetupError(`code-server exited early (${child.exitCode ?? child.signalCode}):\n${tail(log)}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await delay(100);
  }
  throw new E2eSetupError(`code-server did not answer on port ${port} within ${timeoutMs} ms:\n${tail(log)}`);
}

function tail(path: string, lines = 40): string {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export interface CodeServerOptions {
  /** Folder the workbench opens. */
  workspaceFolder: string;
  /** Extension package to install before starting. */
  vsixPath?: string;
  /** Short name used in the temporary folder's name. */
  label?: string;
  /** Fixed port (default: a free one). */
  port?: number;
  extraArguments?: string[];
  /** Merged over the quiet defaults. */
  userSettings?: Record<string, unknown>;
  /** Print the server's output instead of logging it to a file. */
  inheritOutput?: boolean;
}

export interface RunningCodeServer {
  url: string;
  port: number;
  /** Also the id of its process group. */
  pid: number;
  /** Date.now() just before the server was spawned. */
  startedAt: number;
  folders: RunFolders;
  /** Settles when the server process ends, by itself or through stop(). */
  exited: Promise<void>;
  /** Stops the whole process group and removes the run folders. */
  stop(): Promise<void>;
  logTail(): string;
}

export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const folders = createRunFolders(options.label ?? 'code-server');
  const settingsFolder = join(folders.userData, 'User');
  mkdirSync(settingsFolder, { recursive: true });
  writeFileSync(
    join(settingsFolder, 'settings.json'),
    JSON.stringify({ ...quietUserSettings, ...options.userSettings }, null, 2) + '\n',
  );
  if (options.vsixPath) installExtension(folders, options.vsixPath);

  const port = options.port ?? (await findFreeLoopbackPort());
  const logFile = openSync(folders.log, 'a');
  const startedAt = Date.now();
  const child = spawn(
    node24Executable,
    [
      codeServerEntry,
      ...serverArguments,
      '--bind-addr', `127.0.0.1:${port}`,
      ...folderArguments(folders),
      ...(options.extraArguments ?? []),
      options.workspaceFolder,
    ],
    {
      env: serverEnvironment(folders),
      // Its own process group, so stop() reaches the extension hosts and the language server too.
      detached: true,
      stdio: options.inheritOutput ? ['ignore', 'inherit', 'inherit'] : ['ignore', logFile, logFile],
    },
  );
  closeSync(logFile);
  const exited = new Promise<void>((resolveOnExit) => child.once('exit', () => resolveOnExit()));
  if (child.pid !== undefined) {
    installExitHooks();
    liveGroups.set(child.pid, folders.root);
  }

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= stopAndForget(child).then(() => rmSync(folders.root, { recursive: true, force: true }));
    return stopped;
  };

  try {
    await waitUntilHealthy(port, child, folders.log, 180_000); // minutes beside other suites, seconds alone
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    pid: child.pid as number,
    startedAt,
    folders,
    exited,
    stop,
    logTail: () => tail(folders.log),
  };
}

/**
 * Servers still running, by process group, with their run folders. If this process ends without
 * stop() (an exception, Ctrl+C) they are killed and cleaned up on the way out: code-server runs
 * detached, and its extension hosts would otherwise keep running.
 */
const liveGroups = new Map<number, string>();

function killLiveGroups(): void {
  for (const [groupId, runFolder] of liveGroups) {
    try {
      process.kill(-groupId, 'SIGKILL');
    } catch {
      // Already gone.
    }
    rmSync(runFolder, { recursive: true, force: true });
  }
  liveGroups.clear();
}

let exitHooksInstalled = false;

function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', killLiveGroups);
  for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(signal, () => {
      killLiveGroups();
      process.exit(status);
    });
  }
}

/** SIGTERM to the group, SIGKILL to whatever is left after five seconds. */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  const groupId = child.pid;
  if (groupId === undefined) return;
  const signalGroup = (signal: NodeJS.Signals | 0): boolean => {
    try {
      process.kill(-groupId, signal);
      return true;
    } catch {
      return false; // The group is already gone.
    }
  };
  if (!signalGroup('SIGTERM')) return;
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    if (!signalGroup(0)) return;
    await delay(100);
  }
  signalGroup('SIGKILL');
}

async function stopAndForget(child: ChildProcess): Promise<void> {
  await stopProcessGroup(child);
  if (child.pid !== undefined) liveGroups.delete(child.pid);
}
