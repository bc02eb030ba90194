import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixDocument } from '../../server/src/core/analysis/fixAll';
import { decodeDocument, encodeDocument } from '../../server/src/cli/readDocument';
import { cases, FUZZ_SCALE, FUZZ_SEED, hostileConfig, mutate, randomBytes, seedDocuments, seededRandom, type Random } from '../helpers/fuzz';
import { buildCli, parseJsonReport, runCli, TemporaryFolders } from './cliHarness';

const TODAY = '2025-03-01';
/** A whole batch of files is checked by one run; more than this is a hang. */
const RUN_BOUND_MS = 60_000;
/** Control characters may never reach the terminal raw (tab is allowed only as our own separator: never). */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f\u202e]/;
/** One text record: `path:line:col severity code message`, or the summary line. */
const RECORD = /^.+:\d+:\d+ (error|warning|information|hint) PM\d{3} .+$|^\d+ files? checked: /;

/** A file name a repository may hold: plain, or with spaces, newlines, escapes and odd Unicode. */
function fileName(random: Random, n: number): string {
  const odd = ['', ' with space', '\nREADME.md:1:1 error PM001 forged', '\u001b[31mred', '\u202egnp', 'é', '\ttab'];
  return `f${n}${random.pick(odd)}.postmortem`;
}

interface TextCase {
  name: string;
  text: string;
  bom: boolean;
}

/**
 * The standing adversarial suite over the command line (issue 12): folders of mutated documents,
 * random bytes, odd file types and hostile configurations, checked, listed and fixed by the built
 * `postmortem`. Every run is time-bounded; every text file's --fix result must be the fix engine's
 * text byte for byte (nothing lost or changed outside the fixes), and no other file may change.
 */
describe('adversarial: the command line on hostile folders', function () {
  this.timeout(600_000 * FUZZ_SCALE);
  const folders = new TemporaryFolders();
  before(buildCli);
  after(() => folders.removeAll());

  it('never crashes or hangs, escapes what it prints, and --fix writes exactly the fix engine\'s text', () => {
    const random = seededRandom(FUZZ_SEED + 1);
    const seeds = seedDocuments();
    const batches = cases(4);
    const perBatch = 50;
    const started = performance.now();
    let files = 0;
    let runs = 0;
    for (let b = 0; b < batches; b++) {
      const cwd = folders.create({}, { focused: false });
      const texts: TextCase[] = [];
      const others = new Map<string, Buffer>();
      for (let n = 0; n < perBatch; n++) {
        const name = fileName(random, n);
        const bytes = random.int(5) === 0 ? randomBytes(random, random.pick(seeds)) : Buffer.from(mutate(random.pick(seeds), random), 'utf8');
        writeFileSync(join(cwd, name), bytes);
        const decoded = decodeDocument(bytes);
        if (decoded.kind === 'text') texts.push({ name, text: decoded.text, bom: decoded.bom });
        else others.set(name, bytes);
      }
      // Odd file types: none of them is a postmortem to check, and none may block or be followed out.
      mkdirSync(join(cwd, 'folder.postmortem'));
      symlinkSync('/dev/zero', join(cwd, 'zero.postmortem'));
      symlinkSync('/', join(cwd, 'root'));
      symlinkSync(join(cwd, 'missing'), join(cwd, 'dangling.postmortem'));
      symlinkSync(cwd, join(cwd, 'loop'));
      spawnSync('mkfifo', [join(cwd, 'pipe.postmortem')]);
      files += perBatch;

      const json = runCli(['check', '--format', 'json', '--today', TODAY, '.'], { cwd, timeout: RUN_BOUND_MS });
      runs++;
      assert.ok(json.status === 0 || json.status === 1, `batch ${b}: status ${json.status}: ${json.stderr}`);
      assert.equal(parseJsonReport(json).files.length, perBatch, `batch ${b}: every file reported once`);

      const text = runCli(['check', '--today', TODAY, '.'], { cwd, timeout: RUN_BOUND_MS });
      runs++;
      assert.doesNotMatch(text.stdout + text.stderr, RAW_CONTROL, `batch ${b}: a raw control character on the terminal`);
      for (const line of text.stdout.trimEnd().split('\n')) assert.match(line, RECORD, `batch ${b}: not one record per line`);

      const actions = runCli(['actions', '--today', TODAY, '.'], { cwd, timeout: RUN_BOUND_MS });
      runs++;
      // Status 2 names the files that are not text; nothing else stops the ledger.
      assert.equal(actions.status, others.size ? 2 : 0, `batch ${b}: ${actions.stderr}`);
      for (const line of actions.stderr.trimEnd().split('\n').filter(Boolean)) assert.match(line, /^postmortem: .+: The file is (not UTF-8|UTF-16) text/, `batch ${b}`);
      assert.doesNotMatch(actions.stdout + actions.stderr, RAW_CONTROL, `batch ${b}: actions printed a raw control character`);

      const fixed = join(cwd, 'fixed');
      mkdirSync(fixed);
      for (const { name } of texts) cpSync(join(cwd, name), join(fixed, name));
      for (const [name] of others) cpSync(join(cwd, name), join(fixed, name));
      const fix = runCli(['check', '--fix', '--format', 'json', '--today', TODAY, 'fixed'], { cwd, timeout: RUN_BOUND_MS });
      runs++;
      assert.ok(fix.status === 0 || fix.status === 1, `batch ${b}: --fix status ${fix.status}: ${fix.stderr}`);
      for (const { name, text: original, bom } of texts) {
        const expected = encodeDocument(fixDocument(original, { today: TODAY }).text, bom);
        assert.equal(readFileSync(join(fixed, name), 'utf8'), expected, `batch ${b} ${JSON.stringify(name)}: --fix differs from the fix engine`);
      }
      for (const [name, bytes] of others) assert.ok(readFileSync(join(fixed, name)).equals(bytes), `batch ${b} ${JSON.stringify(name)}: --fix changed a file that is not text`);
    }

    // Hostile configurations: each stops the run with a message, or is read; never a crash or a wait.
    const configs = cases(10);
    for (let c = 0; c < configs; c++) {
      const cwd = folders.create({ '.postmortemrc.json': hostileConfig(random), 'a.postmortem': mutate(random.pick(seeds), random) }, { focused: false });
      const run = runCli(['check', '--format', 'json', '--today', TODAY, '.'], { cwd, timeout: RUN_BOUND_MS });
      runs++;
      assert.ok([0, 1, 2].includes(run.status ?? -1), `config ${c}: status ${run.status}`);
      if (run.status === 2) assert.match(run.stderr, /^postmortem: \.postmortemrc\.json: /m);
    }
    console.log(`      cli: ${files} files and ${configs} configurations in ${runs} runs, ${((performance.now() - started) / 1000).toFixed(1)} s, 0 crashes, 0 hangs`);
  });
});
