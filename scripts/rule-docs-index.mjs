// Writes docs/rules/README.md, the index of every rule, from the rule registry so the two cannot
// drift apart. test/unit/ruleDocs.test.ts fails when the index no longer matches the registry.
//
//   npx tsx scripts/rule-docs-index.mjs          rewrite the index
//   npx tsx scripts/rule-docs-index.mjs --check  exit 1 when the index is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rules } from '../server/src/core/rules/index.ts';

const indexPath = fileURLToPath(new URL('../docs/rules/README.md', import.meta.url));

/** Table cells may hold any text but a bare `|`, which would end the cell. */
function cell(text) {
  return text.replace(/\|/g, '\\|');
}

function renderIndex() {
  const rows = rules.map(
    (rule) => `| [${rule.code}](${rule.code}.md) | ${cell(rule.name)} | ${rule.defaultSeverity} | ${rule.fixable ? 'yes' : 'no'} | ${cell(rule.description)} |`,
  );
  return [
    '# Rules',
    '',
    '<!-- Generated from server/src/core/rules/index.ts by `npx tsx scripts/rule-docs-index.mjs`; do not edit by hand. -->',
    '',
    'Every diagnostic the postmortem checker reports, with its default severity and whether it offers a',
    'quick fix. Each code links to a page with a bad and a good example and the exact behaviour.',
    '',
    'Any rule can be switched off or given another severity (`off`, `hint`, `information`, `warning`,',
    '`error`) in `.postmortemrc.json`, found in the document\'s folder or any folder above it:',
    '',
    '```json',
    '{ "rules": { "PM034": "off", "PM016": "warning" } }',
    '```',
    '',
    '| code | name | default severity | quick fix | reports |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

const expected = renderIndex();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(indexPath, 'utf8');
  } catch {
    // A missing index is simply out of date.
  }
  if (current !== expected) {
    console.error('docs/rules/README.md is out of date: run `npx tsx scripts/rule-docs-index.mjs`.');
    process.exit(1);
  }
} else {
  writeFileSync(indexPath, expected);
  console.log(`docs/rules/README.md: ${rules.length} rules`);
}
