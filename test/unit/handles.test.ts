import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analysis/analyze';
import { handlesIn, ownerNames } from '../../server/src/core/language/handles';
import { buildLedger } from '../../server/src/core/render/actionsLedger';

describe('@org/team handles', () => {
  it('reads @org/team as one handle, and an e-mail address as none', () => {
    assert.deepEqual(handlesIn('owner: @github/infrastructure, cc @jane and ops@example.com'), ['@github/infrastructure', '@jane']);
    assert.deepEqual(handlesIn('@acme/db-team.'), ['@acme/db-team']);
  });

  const doc = (owner: string) => `postmortem: t\nactions:\n  A1: Fail over the database automatically\n    priority: P1\n    owner: ${owner}\n    due: 2025-01-10\n    status: in-progress\n    verify: a drill\n`;

  it('knows whom an owner field names, the same for `actions --owner` and the view\'s "mine"', () => {
    assert.ok(ownerNames('@Jane, @github/infrastructure', 'jane'), '@x and x are one owner, case aside');
    assert.ok(ownerNames('sam and @jane; ops', '@ops'));
    assert.ok(ownerNames('@github/infrastructure', '@github/infrastructure'));
    assert.ok(!ownerNames('@github/infrastructure', '@github'), 'a team is not its organisation');
    assert.ok(!ownerNames('@janet', '@jane'));
    assert.ok(!ownerNames(null, '@jane'));
  });

  it('accepts a team handle as an owner (no PM030)', () => {
    assert.ok(!analyze(doc('@github/infrastructure')).diagnostics.some((d) => d.code === 'PM030'));
  });

  it('groups the actions ledger by the whole team handle and filters by it', () => {
    const sources = [
      { path: 'a.postmortem', analysis: analyze(doc('@github/infrastructure'), { today: '2025-03-01' }) },
      { path: 'b.postmortem', analysis: analyze(doc('@github'), { today: '2025-03-01' }) },
    ];
    const ledger = buildLedger(sources, '2025-03-01');
    assert.deepEqual(ledger.owners.map((g) => g.owner).sort(), ['@github', '@github/infrastructure']);
    const team = buildLedger(sources, '2025-03-01', { owner: 'github/infrastructure' });
    assert.deepEqual(team.owners.map((g) => g.owner), ['@github/infrastructure']);
  });

  it('names the whole team handle when the wording rules make it the cause (PM042)', () => {
    const text = 'postmortem: t\nsummary:\n  @github/infrastructure accidentally deleted the backups.\n';
    const pm042 = analyze(text).diagnostics.filter((d) => d.code === 'PM042');
    assert.equal(pm042.length, 1);
    assert.match(pm042[0].message, /@github\/infrastructure/);
    assert.equal(pm042[0].range.start.character, 2);
  });
});

describe('severity scale and open action items', () => {
  it('accepts SEV0 by default and a team scale from the configuration', () => {
    const doc = (severity: string) => `postmortem: t\nincident:\n  severity: ${severity}\n`;
    const pm004 = (severity: string, severities?: string[]) => analyze(doc(severity), severities ? { config: { severities } } : {}).diagnostics.filter((d) => d.code === 'PM004');
    assert.deepEqual(pm004('SEV0'), []);
    assert.deepEqual(pm004('sev5'), []);
    assert.equal(pm004('P0').length, 1);
    assert.deepEqual(pm004('P0', ['P0', 'P1', 'P2', 'P3']), []);
    assert.match(pm004('SEV1', ['P0', 'P1', 'P2', 'P3'])[0].message, /P0, P1, P2, P3/);
  });

  it('asks only open items for a due date (PM031)', () => {
    const item = (status: string) => `postmortem: t\nactions:\n  A1: Rehearse restores monthly\n    owner: @db\n${status ? `    status: ${status}\n` : ''}`;
    const pm031 = (status: string) => analyze(item(status)).diagnostics.some((d) => d.code === 'PM031');
    for (const open of ['', 'not-started', 'in progress', 'blocked']) assert.ok(pm031(open), `open: “${open}”`);
    for (const closed of ['done', 'complete', 'verified', 'dropped']) assert.ok(!pm031(closed), `closed: “${closed}”`);
  });
});
