import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * The preview and the exports ask the language server for the report (issue 11, item 1): the
 * extension host must never parse a document or read a configuration file, so the client bundle
 * holds none of the language, the analysis or the rules.
 */
describe('the extension bundle', () => {
  it('contains no parser, analysis or rules, only the report styles and escaping', async function () {
    this.timeout(60_000);
    const result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: ['client/src/extension.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['vscode'],
      write: false,
      metafile: true,
      outfile: 'client.js',
      logLevel: 'silent',
    });
    const server = Object.keys(result.metafile.inputs).filter((input) => input.startsWith('server/'));
    assert.deepEqual(server.filter((input) => /server\/src\/(language|analysis|rules|cli)\//.test(input) || /render\/(html|markdown)\.ts$/.test(input)), []);
    assert.ok(!Object.keys(result.metafile.inputs).some((input) => input.includes('chevrotain')), 'no Chevrotain');
  });
});
