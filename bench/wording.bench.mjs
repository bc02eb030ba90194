// The wording rules on the labeled corpus (docs/wording.md): recall and false alarms on the tuning
// and held-out parts, beside alex and write-good, with the held-out targets. The corpus report is
// TypeScript shared with `npm test`, so it runs in a child process with tsx.
import { spawnSync } from 'node:child_process';

export default async function wordingBench(bench) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/wording/report.ts', '--json'], { cwd: bench.root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`test/wording/report.ts failed: ${run.stderr}`);
  const lines = run.stdout.trimEnd().split('\n');
  const figures = JSON.parse(lines.pop());
  bench.section('blameless wording on the labeled corpus (test/wording/)');
  for (const line of lines.filter((l) => !l.startsWith('  tuning miss'))) console.log(`  ${line}`);
  const missed = (tally) => (100 * (tally.of - tally.caught)) / tally.of;
  bench.target('held-out blame sentences missed', missed(figures.heldOut.blame), 10, '%');
  bench.target('held-out counterfactual sentences missed', missed(figures.heldOut.counterfactual), 10, '%');
  bench.target('held-out neutral sentences flagged', (100 * figures.heldOut.falseAlarms.flagged) / figures.heldOut.falseAlarms.of, 3, '%');
}
