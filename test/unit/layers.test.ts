import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The direction of imports between the layers (docs/architecture.md): a layer may import only
 * the layers and packages listed for it. This is what keeps the core pure (no Node I/O, no
 * editor), the client free of the language, and the command line and the server independent.
 */
interface Layer {
  name: string;
  /** Folder, relative to the repository. */
  folder: string;
  /** Layers whose files this one may import. */
  imports: string[];
  /** Packages it may import: a name, or a prefix ending in `*`. */
  packages: string[];
}

const LAYERS: Layer[] = [
  { name: 'core', folder: 'server/src/core', imports: ['core'], packages: ['chevrotain', 'vscode-languageserver-types'] },
  { name: 'protocol', folder: 'server/src/protocol', imports: ['protocol', 'core'], packages: [] },
  { name: 'node', folder: 'server/src/node', imports: ['node', 'core'], packages: ['node:*'] },
  { name: 'lsp', folder: 'server/src/lsp', imports: ['lsp', 'protocol', 'node', 'core'], packages: ['vscode-languageserver*', 'node:*'] },
  { name: 'cli', folder: 'server/src/cli', imports: ['cli', 'node', 'core'], packages: ['node:*', 'vscode-languageserver-types'] },
  // The client shows what the server sends; it shares the protocol and a few pure helpers of the
  // core (escaping, the report's stylesheet, the template, who an owner names, a rule page's path), never the parser or the rules
  // (test/unit/clientBundle.test.ts checks the bundle itself).
  { name: 'client', folder: 'client/src', imports: ['client', 'protocol', 'core'], packages: ['vscode', 'vscode-languageclient*', 'node:crypto'] },
];

/** Data every layer may read: the manifest (the version, the repository URL), bundled by esbuild. */
const SHARED_DATA = ['package.json'];

/** The only core modules the client may import. */
const CORE_FOR_CLIENT = ['server/src/core/render/escape.ts', 'server/src/core/render/styles.ts', 'server/src/core/render/insightsStyles.ts', 'server/src/core/template/postmortemTemplate.ts', 'server/src/core/language/handles.ts', 'server/src/core/project/ruleDocs.ts'];

const ROOT = resolve(__dirname, '../..');
const IMPORT = /(?:^|[^\w.])(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\s*\(\s*['"]([^'"]+)['"]|(?:^|[^\w.])require\(\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm;

function specifiersOf(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
}

function layerOf(file: string): Layer | undefined {
  return LAYERS.find((layer) => file === layer.folder || file.startsWith(`${layer.folder}/`));
}

function allows(patterns: string[], name: string): boolean {
  return patterns.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p || name.startsWith(`${p}/`)));
}

/** Every import of `files` (repository-relative path → text) that its layer does not allow. */
export function layerViolations(files: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of files) {
    const layer = layerOf(file);
    if (!layer) continue;
    for (const specifier of specifiersOf(text)) {
      if (specifier.startsWith('.')) {
        const target = relative(ROOT, resolve(ROOT, dirname(file), specifier)).split('\\').join('/');
        if (SHARED_DATA.includes(target)) continue;
        const targetLayer = layerOf(target) ?? layerOf(`${target}.ts`);
        const fileLike = target.endsWith('.ts') ? target : `${target}.ts`;
        if (!targetLayer || !layer.imports.includes(targetLayer.name)) out.push(`${file} (${layer.name}) imports ${specifier} (${targetLayer?.name ?? 'outside every layer'})`);
        else if (layer.name === 'client' && targetLayer.name === 'core' && !CORE_FOR_CLIENT.includes(fileLike)) out.push(`${file} (client) imports ${specifier}, a core module the client does not need`);
      } else if (!allows(layer.packages, specifier)) {
        out.push(`${file} (${layer.name}) imports the package ${specifier}`);
      }
    }
  }
  return out;
}

function sourceFiles(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) files.set(path, readFileSync(join(ROOT, path), 'utf8'));
    }
  };
  walk(folder);
  return files;
}

describe('layers', () => {
  it('every source file lies in a layer', () => {
    const outside = [...sourceFiles('server/src').keys(), ...sourceFiles('client/src').keys()].filter((file) => !layerOf(file));
    assert.deepEqual(outside, []);
  });

  it('imports only go the allowed way: core ← node, protocol ← lsp, cli; client sees protocol and a few pure helpers', () => {
    const files = new Map([...sourceFiles('server/src'), ...sourceFiles('client/src')]);
    assert.ok(files.size > 100, `${files.size} files read`);
    assert.deepEqual(layerViolations(files), []);
  });

  it('catches an import against the direction, a Node module in the core and the parser in the client', () => {
    const files = new Map([
      ['server/src/core/analysis/x.ts', "import { serve } from '../../lsp/server';\nimport { readFileSync } from 'node:fs';"],
      ['server/src/cli/y.ts', "export { hover } from '../lsp/hover';"],
      ['server/src/lsp/z.ts', "const fix = await import('../cli/main');"],
      ['client/src/w.ts', "import { buildAst } from '../../server/src/core/language/astBuilder';\nimport { REPORT_CSS } from '../../server/src/core/render/styles';"],
    ]);
    assert.deepEqual(layerViolations(files), [
      'server/src/core/analysis/x.ts (core) imports ../../lsp/server (lsp)',
      'server/src/core/analysis/x.ts (core) imports the package node:fs',
      'server/src/cli/y.ts (cli) imports ../lsp/hover (lsp)',
      'server/src/lsp/z.ts (lsp) imports ../cli/main (cli)',
      'client/src/w.ts (client) imports ../../server/src/core/language/astBuilder, a core module the client does not need',
    ]);
  });
});
