import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyze } from '../../server/src/core/analysis/analyze';
import { loadConfigFor } from '../../server/src/node/configFile';
import { toMarkdown } from '../../server/src/core/render/markdown';

/**
 * The Markdown export of each example in `examples/`, kept as a golden file here. A fixed
 * "today" keeps overdue marks stable; `npm run golden:update` rewrites the files after an
 * intended change (review the diff before committing it).
 */
export const ROOT = join(import.meta.dirname, '..', '..');
export const EXAMPLES = join(ROOT, 'examples');
export const GOLDEN_FOLDER = import.meta.dirname;
export const GOLDEN_TODAY = '2026-12-01';

export function examplePaths(): string[] {
  return readdirSync(EXAMPLES)
    .filter((name) => name.endsWith('.postmortem'))
    .sort()
    .map((name) => join(EXAMPLES, name));
}

export function goldenPathOf(example: string): string {
  return join(GOLDEN_FOLDER, `${basename(example, '.postmortem')}.md`);
}

export function goldenPaths(): string[] {
  return readdirSync(GOLDEN_FOLDER)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join(GOLDEN_FOLDER, name));
}

/** The export exactly as `postmortem export --format md --today GOLDEN_TODAY EXAMPLE` writes it. */
export function exportExample(example: string): string {
  const text = readFileSync(example, 'utf8');
  return toMarkdown(analyze(text, { config: loadConfigFor(example).config, today: GOLDEN_TODAY }));
}
