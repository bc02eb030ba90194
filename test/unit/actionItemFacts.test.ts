import { strict as assert } from 'node:assert';
import { analyze } from '../../server/src/core/analysis/analyze';
import type { Analysis } from '../../server/src/core/analysis/types';
import type { ActionItemNode, ActionsSection } from '../../server/src/core/language/ast';
import { digestOf } from '../../server/src/core/insights/digest';
import { computeStats } from '../../server/src/core/insights/stats';
import { actionField, isOpenStatus, statusOf } from '../../server/src/core/language/queries';
import { actionItemsOf } from '../../server/src/core/render/actionItems';
import { buildLedger } from '../../server/src/core/render/actionsLedger';
import { toMarkdown } from '../../server/src/core/render/markdown';

/**
 * Two facts about an action item that every reader must agree on (docs/decisions.md, "Action
 * items"): whether it is open, and which of a repeated field counts. The rules, the report, the
 * ledger, the digest behind `stats` and the action-item view all ask the same queries.
 */
const TODAY = '2025-03-01';

function document(item: string[]): string {
  return ['postmortem: Checkout slowed down', 'id: INC-7', 'date: 2025-01-10', '', 'incident:', '  type: incident', '', 'actions:', '  A1: Add a cache stampede guard', ...item.map((l) => `    ${l}`), ''].join('\n');
}

function firstItem(analysis: Analysis): ActionItemNode {
  return (analysis.ast.sections.find((s) => s.name === 'actions') as ActionsSection).items[0];
}

function codesOn(analysis: Analysis, line: number): string[] {
  return analysis.diagnostics.filter((d) => d.range.start.line === line).map((d) => d.code);
}

describe('action item facts: open, and the first of a repeated field', () => {
  describe('isOpenStatus', () => {
    it('is open with no status and with the three open statuses', () => {
      for (const status of [undefined, 'not-started', 'in-progress', 'blocked']) assert.equal(isOpenStatus(status), true, String(status));
    });

    it('is closed for done, verified and dropped', () => {
      for (const status of ['done', 'verified', 'dropped']) assert.equal(isOpenStatus(status), false, status);
    });

    it('is open for a status the language does not know, as for a missing one', () => {
      const item = firstItem(analyze(document(['owner: @web', 'due: 2025-02-01', 'status: dnoe']), { today: TODAY }));
      assert.equal(statusOf(item), undefined);
      assert.equal(isOpenStatus(statusOf(item)), true);
    });
  });

  describe('an unknown status (a typo of done)', () => {
    // Lines: 8 is A1, 10 its due date, 11 its status.
    const analysis = analyze(document(['owner: @web', 'due: 2025-02-01', 'status: dnoe']), { today: TODAY });

    it('is reported by PM033 and the item stays overdue (PM036) and tracked (PM039)', () => {
      assert.deepEqual(codesOn(analysis, 11), ['PM033']);
      assert.deepEqual(codesOn(analysis, 10), ['PM036']);
      assert.ok(codesOn(analysis, 8).includes('PM039'), codesOn(analysis, 8).join(' '));
    });

    it('is open and overdue in the report, the ledger and the digest', () => {
      const [view] = actionItemsOf(analysis.ast, analysis.todayDay);
      assert.equal(view.overdue, true);
      assert.equal(view.daysOverdue, 28);
      const ledger = buildLedger([{ path: 'inc-7.postmortem', analysis }], TODAY);
      assert.deepEqual(ledger.summary, { postmortems: 1, items: 1, open: 1, overdue: 1, drillItems: 0 });
      assert.equal(ledger.owners[0].items[0].status, 'dnoe', 'shown as written');
      const [action] = digestOf('inc-7.postmortem', analysis).actions;
      assert.equal(action.open, true);
      assert.equal(action.status, 'dnoe');
    });

    it('counts as open and overdue in stats, so open, done, verified and dropped add up to the total', () => {
      const { stats } = computeStats([digestOf('inc-7.postmortem', analysis)], { today: TODAY });
      assert.deepEqual(stats.actions, { total: 1, open: 1, overdue: 1, done: 0, verified: 0, dropped: 0, medianOpenAgeDays: 50 });
    });
  });

  describe('a repeated field: the first counts, as written, even when empty', () => {
    it('an empty first `due:` is no due date everywhere: PM031 asks for one, nothing is overdue', () => {
      // Lines: 8 A1, 10 the empty due, 11 the repeat.
      const analysis = analyze(document(['owner: @web', 'due:', 'due: 2025-02-01', 'status: in-progress']), { today: TODAY });
      assert.equal(actionField(firstItem(analysis), 'due')?.range.start.line, 10);
      assert.ok(codesOn(analysis, 11).includes('PM005'));
      assert.ok(analysis.diagnostics.some((d) => d.code === 'PM031'), 'no due date');
      assert.ok(!analysis.diagnostics.some((d) => d.code === 'PM036'), 'not overdue');
      const [view] = actionItemsOf(analysis.ast, analysis.todayDay);
      assert.equal(view.due, undefined);
      assert.equal(view.dueDay, undefined);
      assert.equal(view.overdue, false);
      assert.doesNotMatch(toMarkdown(analysis), /2025-02-01/, 'the report shows no due date either');
      assert.equal(digestOf('inc-7.postmortem', analysis).actions[0].due, null);
    });

    it('of two due dates the first decides whether the item is overdue, in the rules and the report alike', () => {
      const analysis = analyze(document(['owner: @web', 'due: 2025-06-01', 'due: 2025-02-01', 'status: in-progress']), { today: TODAY });
      assert.ok(!analysis.diagnostics.some((d) => d.code === 'PM036'));
      const [view] = actionItemsOf(analysis.ast, analysis.todayDay);
      assert.deepEqual(view.due, { text: '2025-06-01', line: 10 });
      assert.equal(view.overdue, false);
    });

    it('an empty first `status:` is no status: PM033 asks for one, and the item is open', () => {
      const analysis = analyze(document(['owner: @web', 'due: 2025-02-01', 'status:', 'status: done']), { today: TODAY });
      assert.ok(analysis.diagnostics.some((d) => d.code === 'PM033'));
      assert.ok(analysis.diagnostics.some((d) => d.code === 'PM036'));
      const [view] = actionItemsOf(analysis.ast, analysis.todayDay);
      assert.equal(view.status, undefined);
      assert.equal(view.overdue, true);
      const ledger = buildLedger([{ path: 'inc-7.postmortem', analysis }], TODAY);
      assert.deepEqual([ledger.owners[0].items[0].status, ledger.owners[0].items[0].open], [null, true]);
    });
  });
});
