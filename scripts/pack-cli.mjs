// Builds the npm package in packages/cli/ (the `postmortem` and `postmortem-language-server`
// commands, no dependencies) and packs it: `node scripts/pack-cli.mjs [--destination DIR]`.
// Prints the tarball's path. The package's version follows the extension's.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packageFolder = join(root, 'packages', 'cli');
const at = process.argv.indexOf('--destination');
const destination = resolve(at > 0 ? process.argv[at + 1] : root);

// The same entry points as esbuild.mjs's `cli`, `fileWorker` and `fileReader` (its threads) and `server`, minified,
// into the package's own dist/.
await esbuild.build({
  entryPoints: {
    cli: join(root, 'server/src/cli/main.ts'),
    fileWorker: join(root, 'server/src/cli/fileWorker.ts'),
    fileReader: join(root, 'server/src/cli/fileReader.ts'),
    server: join(root, 'server/src/lsp/server.ts'),
  },
  outdir: join(packageFolder, 'dist'),
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: true,
  logLevel: 'warning',
});
copyFileSync(join(root, 'LICENSE'), join(packageFolder, 'LICENSE'));

const manifestPath = join(packageFolder, 'package.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (manifest.version !== version) writeFileSync(manifestPath, JSON.stringify({ ...manifest, version }, null, 2) + '\n');

mkdirSync(destination, { recursive: true });
const output = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], { cwd: packageFolder, encoding: 'utf8' });
const [{ filename }] = JSON.parse(output);
process.stdout.write(`${join(destination, filename)}\n`);
