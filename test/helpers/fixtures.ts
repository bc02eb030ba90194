import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalyzeOptions } from '../../server/src/core/analysis/types';

/**
 * Fixtures mark what they expect in comment lines, markdownlint style:
 *   `# expect: PM010 PM012`  the line above (the nearest non-comment line) has these codes
 *   `# fixture-today: 2025-03-01`, `# fixture-config: {"requiredWhys": 3}`  options for the file
 */
export interface Fixture {
  name: string;
  text: string;
  options: AnalyzeOptions;
  /** 0-based line → codes expected on it. */
  expected: Map<number, string[]>;
}

const EXPECT = /^\s*#\s*expect:\s*(.+)$/;
const TODAY = /^\s*#\s*fixture-today:\s*(\S+)/;
const CONFIG = /^\s*#\s*fixture-config:\s*(.+)$/;

export const FIXTURE_DIR = join(import.meta.dirname, '..', 'fixtures');
/** Public postmortems of real organisations, rewritten in the language (see test/realworld/README.md). */
export const REALWORLD_DIR = join(import.meta.dirname, '..', 'realworld');

export function loadFixtures(dir = FIXTURE_DIR): Fixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.postmortem'))
    .sort()
    .map((name) => parseFixture(name, readFileSync(join(dir, name), 'utf8')));
}

export function parseFixture(name: string, raw: string): Fixture {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const lines = text.split(/\r\n|\r|\n/);
  const expected = new Map<number, string[]>();
  const options: AnalyzeOptions = { today: '2025-03-01' };
  let lastContent = -1;
  lines.forEach((line, i) => {
    const expect = EXPECT.exec(line);
    const today = TODAY.exec(line);
    const config = CONFIG.exec(line);
    if (expect) {
      if (lastContent < 0) throw new Error(`${name}:${i + 1}: "# expect:" has no line above it`);
      const codes = expect[1].split(/[\s,]+/).filter(Boolean);
      expected.set(lastContent, [...(expected.get(lastContent) ?? []), ...codes]);
    } else if (today) options.today = today[1];
    else if (config) options.config = JSON.parse(config[1]);
    else if (!/^\s*#/.test(line)) lastContent = i;
  });
  return { name, text, options, expected };
}
