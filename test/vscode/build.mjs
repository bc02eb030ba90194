// Bundles the in-VS Code suite to dist/test/vscode/: index.js (the entry point VS Code calls)
// and one file per *.test.ts. `vscode` comes from the extension host, Mocha from node_modules.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const entryPoints = readdirSync(here).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => join(here, f));

await esbuild.build({
  entryPoints,
  outdir: join(here, '..', '..', 'dist', 'test', 'vscode'),
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  external: ['vscode', 'mocha'],
  sourcemap: true,
  logLevel: 'warning',
});
