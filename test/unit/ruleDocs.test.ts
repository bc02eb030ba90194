import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../server/src/core/analysis/analyze';
import { ZONE_ABBREVIATIONS } from '../../server/src/core/language/time';
import { rules } from '../../server/src/core/rules/index';

/**
 * The pages in docs/rules/ must hold examples that really behave as the page says (that every
 * rule has a page with the right heading is ruleRegistry.test.ts): the first ```postmortem block under `## Bad` yields the page's
 * code, the first under `## Good` does not. A page may fix the date its examples assume by
 * saying "when today is YYYY-MM-DD" (overdue checks depend on it).
 */

const docsDir = fileURLToPath(new URL('../../docs/rules/', import.meta.url));
const PAGE_NAME = /^PM\d{3}\.md$/;

const pages = existsSync(docsDir) ? readdirSync(docsDir).filter((name) => PAGE_NAME.test(name)).sort() : [];

/** The body of the first ```postmortem fence in the `## heading` section, before the next `## `. */
function exampleUnder(markdown: string, heading: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) return undefined;
  let end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  if (end < 0) end = lines.length;
  const open = lines.findIndex((line, i) => i > start && i < end && line.trim() === '```postmortem');
  if (open < 0) return undefined;
  const close = lines.findIndex((line, i) => i > open && line.trim() === '```');
  if (close < 0 || close > end) return undefined;
  return `${lines.slice(open + 1, close).join('\n')}\n`;
}

function todayOf(markdown: string): string | undefined {
  return /when today is (\d{4}-\d{2}-\d{2})/.exec(markdown)?.[1];
}

function diagnosticsOf(code: string, text: string, today: string | undefined) {
  return analyze(text, { today }).diagnostics.filter((d) => d.code === code);
}

/** Splits a Markdown table row into its cells, keeping `\|` inside a cell. */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

describe('rule documentation (docs/rules)', () => {
  it('has no page for a code the registry does not know', () => {
    const known = new Set(rules.map((r) => `${r.code}.md`));
    const orphans = pages.filter((page) => !known.has(page));
    assert.deepEqual(orphans, [], `pages without a rule: ${orphans.join(', ')}`);
  });

  it('lists every rule in README.md exactly as the registry defines it', () => {
    const readme = readFileSync(join(docsDir, 'README.md'), 'utf8');
    const rows = readme
      .split(/\r?\n/)
      .filter((line) => line.startsWith('| [PM'))
      .map(cells)
      .map(([link, name, severity, fixable, description]) => ({ link, name, severity, fixable, description }));
    const expected = rules.map((r) => ({
      link: `[${r.code}](${r.code}.md)`,
      name: r.name,
      severity: r.defaultSeverity,
      fixable: r.fixable ? 'yes' : 'no',
      description: r.description,
    }));
    assert.deepEqual(rows, expected, 'docs/rules/README.md is out of date: run `npx tsx scripts/rule-docs-index.mjs`');
  });

  for (const page of pages) {
    const code = page.slice(0, -'.md'.length);
    describe(code, () => {
      const markdown = readFileSync(join(docsDir, page), 'utf8');
      const today = todayOf(markdown);
      const bad = exampleUnder(markdown, 'Bad');
      const good = exampleUnder(markdown, 'Good');

      it('has a Bad example that is reported', () => {
        assert.ok(bad, 'no ```postmortem block under "## Bad"');
        assert.notEqual(diagnosticsOf(code, bad, today).length, 0, `the Bad example yields no ${code}`);
      });

      it('quotes a message the Bad example really produces', () => {
        assert.ok(bad, 'no ```postmortem block under "## Bad"');
        const messages = diagnosticsOf(code, bad, today).map((d) => d.message);
        assert.ok(
          messages.some((message) => markdown.includes(message)),
          `none of the messages appears on the page:\n${messages.join('\n')}`,
        );
      });

      it('has a Good example that is not reported', () => {
        assert.ok(good, 'no ```postmortem block under "## Good"');
        const found = diagnosticsOf(code, good, today).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
        assert.deepEqual(found, [], `the Good example yields ${code}`);
      });
    });
  }

  it('PM011 lists every zone abbreviation the checker knows', () => {
    const markdown = readFileSync(join(docsDir, 'PM011.md'), 'utf8');
    const missing = Object.keys(ZONE_ABBREVIATIONS).filter((abbreviation) => !markdown.includes(`| \`${abbreviation}\` |`));
    assert.deepEqual(missing, []);
  });
});
