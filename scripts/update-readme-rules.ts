/**
 * Rewrites the rule table in README.md from the registry, so the list can never drift from the
 * code (test/unit/ruleRegistry.test.ts fails when it does). Run: npm run readme:rules
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../server/src/core/rules/index';

const path = join(import.meta.dirname, '..', 'README.md');
const readme = readFileSync(path, 'utf8');
const rows = rules.map((r) => `| [${r.code}](docs/rules/${r.code}.md) | \`${r.name}\` | ${r.defaultSeverity} | ${r.fixable ? 'yes' : '—'} | ${r.description.replace(/\|/g, '\\|')} |`);
const table = ['| code | name | default | quick fix | reports |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
const updated = readme.replace(/<!-- rules:start -->[\s\S]*?<!-- rules:end -->/, `<!-- rules:start -->\n${table}\n<!-- rules:end -->`);
if (updated === readme) console.log('README.md rule table already current');
else {
  writeFileSync(path, updated);
  console.log(`README.md rule table rewritten (${rules.length} rules)`);
}
