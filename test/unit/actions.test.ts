import { strict as assert } from 'node:assert';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/core/analysis/analyze';
import { buildLedger, formatLedgerText, type Ledger, type LedgerSource } from '../../server/src/core/render/actionsLedger';
import { buildCli, runCli, TemporaryFolders } from '../cli/cliHarness';

const TODAY = '2025-03-20';

function postmortem(title: string, options: { type?: string; actions: string }): string {
  return [
    `postmortem: ${title}`,
    `id: ${title.toUpperCase().replace(/\W+/g, '-')}`,
    '',
    'incident:',
    ...(options.type ? [`  type: ${options.type}`] : []),
    '  started: 2025-02-14 14:30 UTC',
    '',
    'actions:',
    options.actions,
    '',
  ].join('\n');
}

const PAYMENTS = postmortem('Payments', {
  actions: [
    '  A1: Add a load test stage',
    '    owner: @platform-team',
    '    due: 2025-03-15',
    '    status: in progress',
    '    priority: P1',
    '    ticket: https://tracker.example/PLAT-1',
    '  A2: Alert on pool saturation',
    '    owner: @DB-team',
    '    due: 2025-02-21',
    '    status: complete',
    '  A3: Document the rollback',
    '    owner: @db-team',
    '    due: 2025-03-01',
    '    status: not-started',
    '  A4: Decide on a pool size',
    '    due: 2025-04-01',
  ].join('\n'),
});

const SEARCH = postmortem('Search', {
  actions: [
    '  A1: Cap index shard size',
    '    owner: @platform-team',
    '    due: 2025-03-01',
    '    status: dropped',
    '  A2: Add a shard size alert',
    '    owner: platform-team',
    '    due: 2025-02-01',
    '    status: blocked',
  ].join('\n'),
});

const GAME_DAY = postmortem('Game day', {
  type: 'drill',
  actions: ['  A1: Automate the failover', '    owner: @platform-team', '    due: 2025-03-10', '    status: in-progress'].join('\n'),
});

function sources(): LedgerSource[] {
  return [
    { path: 'payments.postmortem', analysis: analyze(PAYMENTS, { today: TODAY }) },
    { path: 'search.postmortem', analysis: analyze(SEARCH, { today: TODAY }) },
    { path: 'drills/game-day.postmortem', analysis: analyze(GAME_DAY, { today: TODAY }) },
  ];
}

function ids(ledger: Ledger, part: 'owners' | 'drills' = 'owners'): [string | null, string[]][] {
  return ledger[part].map((group) => [group.owner, group.items.map((item) => `${item.file.replace(/\.postmortem$/, '')}#${item.id}`)]);
}

describe('actions: the ledger', () => {
  it('groups items by owner (@x and x, any case, are one owner), sorted by due date, unowned last', () => {
    const ledger = buildLedger(sources(), TODAY);
    assert.deepEqual(ids(ledger), [
      ['@DB-team', ['payments#A2', 'payments#A3']],
      ['@platform-team', ['search#A2', 'search#A1', 'payments#A1']],
      [null, ['payments#A4']],
    ]);
  });

  it('lists drills separately', () => {
    const ledger = buildLedger(sources(), TODAY);
    assert.deepEqual(ids(ledger, 'drills'), [['@platform-team', ['drills/game-day#A1']]]);
    assert.equal(ledger.summary.drillItems, 1);
  });

  it('marks items overdue when due before today and not done, verified or dropped (aliases count)', () => {
    const ledger = buildLedger(sources(), TODAY);
    const all = [...ledger.owners, ...ledger.drills].flatMap((g) => g.items);
    const overdue = all.filter((i) => i.overdue).map((i) => `${i.file}#${i.id}:${i.daysOverdue}`);
    assert.deepEqual(overdue.sort(), ['drills/game-day.postmortem#A1:10', 'payments.postmortem#A1:5', 'payments.postmortem#A3:19', 'search.postmortem#A2:47']);
    const statusOf = (file: string, id: string) => all.find((i) => i.file === file && i.id === id);
    assert.equal(statusOf('payments.postmortem', 'A2')?.status, 'done', '"complete" is "done"');
    assert.equal(statusOf('payments.postmortem', 'A2')?.open, false);
    assert.equal(statusOf('search.postmortem', 'A1')?.open, false, 'dropped is closed');
    assert.equal(statusOf('payments.postmortem', 'A4')?.overdue, false, 'not yet due');
    assert.deepEqual(ledger.summary, { postmortems: 3, items: 7, open: 5, overdue: 4, drillItems: 1 });
  });

  it('gives each item its file, 1-based line, postmortem and ticket link', () => {
    const item = buildLedger(sources(), TODAY).owners[1].items[2];
    assert.deepEqual(item, {
      id: 'A1',
      title: 'Add a load test stage',
      owner: '@platform-team',
      priority: 'P1',
      due: '2025-03-15',
      status: 'in-progress',
      open: true,
      overdue: true,
      daysOverdue: 5,
      ticket: 'https://tracker.example/PLAT-1',
      ticketUrl: 'https://tracker.example/PLAT-1',
      file: 'payments.postmortem',
      line: 8,
      postmortem: { id: 'PAYMENTS', title: 'Payments', type: 'incident' },
    });
  });

  it('filters by owner, overdue and open', () => {
    assert.deepEqual(ids(buildLedger(sources(), TODAY, { owner: 'db-team' })), [['@DB-team', ['payments#A2', 'payments#A3']]]);
    // A group is named as its first listed item spells the owner.
    assert.deepEqual(ids(buildLedger(sources(), TODAY, { owner: '@PLATFORM-team', overdueOnly: true })), [['@platform-team', ['search#A2', 'payments#A1']]]);
    assert.deepEqual(ids(buildLedger(sources(), TODAY, { openOnly: true })), [
      ['@db-team', ['payments#A3']],
      ['@platform-team', ['search#A2', 'payments#A1']],
      [null, ['payments#A4']],
    ]);
  });

  it('writes text with a heading per owner, status and overdue marks and a summary', () => {
    const text = formatLedgerText(buildLedger(sources(), TODAY), false);
    assert.match(text, /^Action items as of 2025-03-20\n/);
    assert.match(text, /@platform-team {2}3 items, 2 open, 2 overdue\n {2}! 2025-02-01 {2}- {3}blocked {6}A2 {2}Add a shard size alert {2}overdue by 47 days\n {6}search\.postmortem:\d+ {2}SEARCH Search\n/);
    assert.match(text, /\(no owner\) {2}1 item, 1 open\n/);
    assert.match(text, /\nDrills\n/);
    assert.match(text, /7 action items \(1 from drills\) in 3 postmortems: 5 open, 4 overdue\.\n$/);
  });
});

describe('actions: the command', function () {
  this.timeout(120_000);
  const folders = new TemporaryFolders();
  let folder: string;

  before(() => {
    buildCli();
    folder = folders.create({ 'a/payments.postmortem': PAYMENTS, 'a/b/search.postmortem': SEARCH, 'drills/game-day.postmortem': GAME_DAY, 'notes.txt': 'not a postmortem' }, { focused: false });
  });
  after(() => folders.removeAll());

  it('prints JSON with owners, drills and a summary, found recursively', () => {
    const run = runCli(['actions', '--format', 'json', '--today', TODAY, '.'], { cwd: folder });
    assert.equal(run.status, 0, run.stderr);
    const ledger = JSON.parse(run.stdout) as Ledger;
    assert.equal(ledger.today, TODAY);
    assert.deepEqual(Object.keys(ledger), ['today', 'owners', 'drills', 'summary']);
    assert.deepEqual(ids(ledger), [
      ['@DB-team', ['a/payments#A2', 'a/payments#A3']],
      ['@platform-team', ['a/b/search#A2', 'a/b/search#A1', 'a/payments#A1']],
      [null, ['a/payments#A4']],
    ]);
    assert.deepEqual(ids(ledger, 'drills'), [['@platform-team', ['drills/game-day#A1']]]);
    assert.deepEqual(ledger.summary, { postmortems: 3, items: 7, open: 5, overdue: 4, drillItems: 1 });
  });

  it('exits 1 with --fail-on-overdue when a listed item is overdue, 0 when none is', () => {
    assert.equal(runCli(['actions', '--today', TODAY, '--fail-on-overdue', '.'], { cwd: folder }).status, 1);
    assert.equal(runCli(['actions', '--today', '2025-01-01', '--fail-on-overdue', '.'], { cwd: folder }).status, 0);
    assert.equal(runCli(['actions', '--today', TODAY, '--owner', '@nobody', '--fail-on-overdue', '.'], { cwd: folder }).status, 0);
    assert.equal(runCli(['actions', '--today', TODAY, '.'], { cwd: folder }).status, 0, 'without the flag, overdue items do not fail');
  });

  it('lists only what --owner and --overdue ask for', () => {
    const run = runCli(['actions', '--format=json', '--today', TODAY, '--owner', 'db-team', '--overdue', 'a'], { cwd: folder });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(ids(JSON.parse(run.stdout) as Ledger), [['@db-team', ['a/payments#A3']]]);
  });

  it('exits 2 on bad usage and on missing or unreadable paths', () => {
    for (const args of [['--format', 'xml'], ['--today', '2025-02-30'], ['--bogus'], ['--owner', '@'], ['--today']]) {
      const run = runCli(['actions', ...args, '.'], { cwd: folder });
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /^postmortem: /);
    }
    const missing = runCli(['actions', 'nowhere'], { cwd: folder });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nowhere: no such file or folder/);
    if (process.getuid?.() !== 0) {
      const locked = folders.create({ 'x.postmortem': PAYMENTS }, { focused: false });
      chmodSync(join(locked, 'x.postmortem'), 0);
      assert.equal(runCli(['actions', '.'], { cwd: locked }).status, 2);
    }
  });

  it('reports a file that is not UTF-8 and exits 2 after listing the rest', () => {
    const mixed = folders.create({ 'good.postmortem': PAYMENTS, 'bad.postmortem': Buffer.from([0x70, 0xff, 0xfe, 0x0a]) }, { focused: false });
    const run = runCli(['actions', '--today', TODAY, '.'], { cwd: mixed });
    assert.equal(run.status, 2);
    assert.match(run.stdout, /Add a load test stage/);
    assert.match(run.stderr, /bad\.postmortem: .*UTF-8/);
  });

  it('shows its help', () => {
    const run = runCli(['actions', '--help'], { cwd: folder });
    assert.equal(run.status, 0);
    assert.match(run.stdout, /Usage: postmortem actions/);
  });
});
