import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Each entry point becomes one self-contained CommonJS file in dist/. */
const entryPoints = {
  cli: 'server/src/cli/main.ts',
  // The worker threads of `postmortem stats` (server/src/cli/digestPool.ts).
  digestWorker: 'server/src/cli/digestWorker.ts',
  // The pure core alone, for the benchmark (bench/).
  core: 'server/src/index.ts',
  // The renderers alone, for the benchmark (bench/render.bench.mjs).
  render: 'server/src/render/index.ts',
  server: 'server/src/lsp/server.ts',
  client: 'client/src/extension.ts',
};

// `node esbuild.mjs server` builds only the named entries (the LSP tests need just the server).
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
for (const name of only) if (!(name in entryPoints)) throw new Error(`esbuild.mjs: no entry point named "${name}"`);

const options = {
  entryPoints: only.length ? Object.fromEntries(only.map((name) => [name, entryPoints[name]])) : entryPoints,
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

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
} else {
  await esbuild.build(options);
}
