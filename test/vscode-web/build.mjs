// Bundles the web extension's suite to dist/test/web/index.js: one browser CommonJS file that
// exports run(), for the web worker extension host (`npm run test:web:here`). It lies inside the
// extension's folder, as that host requires; `vscode` comes from the host.
import * as esbuild from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

await esbuild.build({
  entryPoints: { index: join(here, 'index.ts') },
  outdir: join(here, '..', '..', 'dist', 'test', 'web'),
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'cjs',
  external: ['vscode'],
  sourcemap: 'inline',
  // .cjs: the extension's package.json says "type": "module", and the web worker host loads no ESM.
  outExtension: { '.js': '.cjs' },
  logLevel: 'warning',
});
