import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Each entry point becomes one self-contained CommonJS file in dist/. */
const entryPoints = {
  cli: 'server/src/cli/main.ts',
  // The worker threads of `postmortem check`, `stats` and `actions` (server/src/cli/filePool.ts).
  fileWorker: 'server/src/cli/fileWorker.ts',
  // The thread that reads files ahead of the analysis (server/src/cli/readAhead.ts).
  fileReader: 'server/src/cli/fileReader.ts',
  // The pure core alone, for the benchmark (bench/).
  core: 'server/src/core/index.ts',
  // The renderers alone, for the benchmark (bench/render.bench.mjs).
  render: 'server/src/core/render/index.ts',
  server: 'server/src/lsp/server.ts',
  client: 'client/src/extension.ts',
};

// `node esbuild.mjs server` builds only the named entries (the LSP tests need just the server).
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
for (const name of only) if (!(name in entryPoints) && name !== 'browser') throw new Error(`esbuild.mjs: no entry point named "${name}"`);

const nodeEntries = only.filter((name) => name in entryPoints);
const options = {
  entryPoints: only.length ? Object.fromEntries(nodeEntries.map((name) => [name, entryPoints[name]])) : entryPoints,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
};

// The package is "type": "module"; the bundles are CommonJS, which VS Code's loader needs.
mkdirSync('dist', { recursive: true });
writeFileSync('dist/package.json', JSON.stringify({ type: 'commonjs' }) + '\n');

// The web extension (`browser` in package.json, `node esbuild.mjs browser`): the client for the
// browser's extension host and the language server for a web worker, from the same sources. The
// few Node modules the shared code names are replaced by browser versions in nodeShims/.
const browserShared = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  outdir: 'dist/browser',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  alias: {
    'vscode-languageclient/node': 'vscode-languageclient/browser',
    'node:crypto': './client/src/browser/nodeShims/crypto.ts',
    'node:fs': './client/src/browser/nodeShims/fs.ts',
    'node:path': './client/src/browser/nodeShims/path.ts',
  },
};
const browserBuilds = [
  // .cjs: the package says "type": "module", and the web worker extension host loads no ES module.
  { ...browserShared, entryPoints: { extension: 'client/src/browser/browserExtension.ts' }, format: 'cjs', external: ['vscode'], outExtension: { '.js': '.cjs' } },
  { ...browserShared, entryPoints: { server: 'server/src/lsp/browser/browserServer.ts' }, format: 'iife' },
];
const builds = [
  ...(!only.length || nodeEntries.length ? [options] : []),
  ...(!only.length || only.includes('browser') ? browserBuilds : []),
];

if (watch) {
  for (const build of builds) await (await esbuild.context(build)).watch();
} else {
  await Promise.all(builds.map((build) => esbuild.build(build)));
}
