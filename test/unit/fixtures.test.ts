import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analysis/analyze';
import { FIXTURE_DIR, REALWORLD_DIR, loadFixtures } from '../helpers/fixtures';

for (const [title, dir] of [['fixtures (expectations marked inline)', FIXTURE_DIR], ['real-world postmortems (test/realworld, expectations marked inline)', REALWORLD_DIR]]) describe(title, () => {
  for (const fixture of loadFixtures(dir)) {
    it(fixture.name, () => {
      const { diagnostics } = analyze(fixture.text, fixture.options);
      const problems: string[] = [];
      for (const [line, codes] of fixture.expected) {
        for (const code of codes) {
          if (!diagnostics.some((d) => d.range.start.line === line && d.code === code)) {
            problems.push(`line ${line + 1}: expected ${code}, got ${diagnostics.filter((d) => d.range.start.line === line).map((d) => d.code).join(', ') || 'nothing'}`);
          }
        }
      }
      for (const d of diagnostics) {
        if (d.severity !== 'error' && d.severity !== 'warning') continue;
        if (!fixture.expected.get(d.range.start.line)?.includes(d.code)) {
          problems.push(`line ${d.range.start.line + 1}: unexpected ${d.code} ${d.severity}: ${d.message}`);
        }
      }
      assert.deepEqual(problems, []);
    });
  }
});
