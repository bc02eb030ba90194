import { unlinkSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ROOT, examplePaths, exportExample, goldenPathOf, goldenPaths } from './goldenExports';

/** `npm run golden:update`: rewrites the Markdown golden file of every example, drops orphans. */
const written = new Set<string>();
for (const example of examplePaths()) {
  const golden = goldenPathOf(example);
  writeFileSync(golden, exportExample(example));
  written.add(golden);
  process.stdout.write(`wrote ${relative(ROOT, golden)}\n`);
}
for (const golden of goldenPaths()) {
  if (written.has(golden)) continue;
  unlinkSync(golden);
  process.stdout.write(`removed ${relative(ROOT, golden)} (its example is gone)\n`);
}
