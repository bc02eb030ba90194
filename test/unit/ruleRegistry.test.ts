import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../server/src/core/rules/index';

const ROOT = join(import.meta.dirname, '..', '..');

/** The diagnostic codes LANGUAGE.md defines, and PM006 (template placeholders, issue 15); the registry must implement exactly these. */
const LANGUAGE_CODES = [
  'PM001', 'PM002', 'PM003', 'PM004', 'PM005', 'PM006', 'PM010', 'PM011', 'PM012', 'PM013', 'PM014', 'PM015', 'PM016',
  'PM017',
  'PM020', 'PM021', 'PM022', 'PM023', 'PM030', 'PM031', 'PM032', 'PM033', 'PM034', 'PM035', 'PM036', 'PM037',
  'PM038', 'PM039', 'PM040', 'PM041', 'PM042', 'PM043', 'PM050',
];

/** Rows of the rule table between the README's rule markers: code, name, severity, fixable. */
function readmeRules(): string[][] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const table = /<!-- rules:start -->([\s\S]*?)<!-- rules:end -->/.exec(readme);
  assert.ok(table, 'README.md has no <!-- rules:start --> … <!-- rules:end --> table');
  return table[1]
    .split('\n')
    .filter((line) => /^\|\s*\[?PM\d{3}/.test(line))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

describe('rule registry, docs and README stay in sync', () => {
  it('implements exactly the codes of LANGUAGE.md, in order, once each', () => {
    assert.deepEqual(rules.map((r) => r.code), LANGUAGE_CODES);
  });

  it('gives every rule complete metadata', () => {
    for (const rule of rules) {
      assert.match(rule.name, /^[a-z]+(-[a-z]+)*$/, `${rule.code} name`);
      assert.ok(rule.description.length > 20 && rule.description.endsWith('.'), `${rule.code} description`);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(rule.defaultSeverity), `${rule.code} severity`);
    }
    assert.equal(new Set(rules.map((r) => r.name)).size, rules.length, 'rule names are unique');
  });

  for (const rule of rules) {
    it(`${rule.code} has a doc page that matches its metadata`, () => {
      const path = join(ROOT, 'docs', 'rules', `${rule.code}.md`);
      assert.ok(existsSync(path), `docs/rules/${rule.code}.md is missing`);
      const page = readFileSync(path, 'utf8');
      assert.equal(page.split('\n')[0], `# ${rule.code}: ${rule.name}`);
      assert.match(page, new RegExp(`Default severity: \\*\\*${rule.defaultSeverity}\\*\\*`));
      assert.match(page, new RegExp(`Quick fix: \\*\\*${rule.fixable ? 'yes' : 'no'}\\*\\*`));
      assert.match(page, /^## Bad$/m);
      assert.match(page, /^## Good$/m);
    });
  }

  it('lists every rule in the README with its name, severity and fix', () => {
    const rows = readmeRules();
    assert.deepEqual(
      rows.map((r) => [r[0].replace(/^\[(PM\d{3})\].*$/, '$1'), r[1].replace(/`/g, ''), r[2], r[3]]),
      rules.map((r) => [r.code, r.name, r.defaultSeverity, r.fixable ? 'yes' : '—']),
    );
  });
});
