// `npm run fuzz`: the adversarial suites of `npm test` at many times the size, for nights.
// POSTMORTEM_FUZZ_SCALE (default 25) multiplies the cases; POSTMORTEM_FUZZ_SEED picks other inputs.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, POSTMORTEM_FUZZ_SCALE: process.env.POSTMORTEM_FUZZ_SCALE ?? '25' };
const suites = ['test/unit/fuzzCore.test.ts', 'test/cli/fuzz.test.ts', 'test/lsp/fuzz.test.ts'];
const mocha = ['--no-config', '--node-option', 'import=tsx', '--extension', 'ts', '--require', 'test/helpers/stopAtEnd.ts', '--timeout', '0', ...suites];
const result = spawnSync(process.execPath, ['node_modules/mocha/bin/mocha.js', ...mocha], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
