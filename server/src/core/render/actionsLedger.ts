import type { Analysis, IncidentType } from '../analysis/types';
import { ownerKey, ownerNames } from '../language/handles';
import { headerField } from '../language/queries';
import { actionItemRecord, actionItemsOf } from './actionItems';
import type { ActionItemRecord, ActionItemView } from './actionItems';
import { escapeForTerminal } from './escape';

/**
 * The cross-postmortem ledger of action items: who owes what by when, across every postmortem
 * given, so a team (or a CI job) can see follow-through at a glance.
 */

export interface LedgerSource {
  /** As the output shows it. */
  path: string;
  analysis: Analysis;
}

export interface LedgerItem extends ActionItemRecord {
  overdue: boolean;
  daysOverdue: number | null;
  ticket: string | null;
  ticketUrl: string | null;
  file: string;
  /** 1-based, as editors and `file:line` show it. */
  line: number;
  postmortem: { id: string | null; title: string | null; type: IncidentType };
}

export interface OwnerGroup {
  /** null for items without an owner. */
  owner: string | null;
  items: LedgerItem[];
}

export interface Ledger {
  today: string;
  /** Incidents and near-misses, by owner. */
  owners: OwnerGroup[];
  /** Drills, by owner: practice, kept apart from real follow-up. */
  drills: OwnerGroup[];
  summary: { postmortems: number; items: number; open: number; overdue: number; drillItems: number };
}

export interface LedgerFilter {
  /** Only this owner's items; `@x` and `x` are the same owner, case does not matter. */
  owner?: string;
  overdueOnly?: boolean;
  openOnly?: boolean;
}

/**
 * Written out field by field rather than spread from the record: every item then has one shape,
 * which made this a third of the time it took with the spread (tens of thousands of items).
 */
function ledgerItem(view: ActionItemView, postmortem: LedgerItem['postmortem'], path: string): LedgerItem {
  const { id, title, owner, priority, due, status, open } = actionItemRecord(view);
  return {
    id,
    title,
    owner,
    priority,
    due,
    status,
    open,
    overdue: view.overdue,
    daysOverdue: view.daysOverdue ?? null,
    ticket: view.ticket?.text ?? null,
    ticketUrl: view.ticketUrl ?? null,
    file: path,
    line: view.line + 1,
    postmortem,
  };
}

const NO_DUE = Number.POSITIVE_INFINITY;

/** Plain code-unit order: stable across machines and locales, and fast for thousands of items. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareItems(a: { item: LedgerItem; dueDay: number }, b: { item: LedgerItem; dueDay: number }): number {
  return (
    a.dueDay - b.dueDay ||
    compareText((a.item.priority ?? 'P9').toUpperCase(), (b.item.priority ?? 'P9').toUpperCase()) ||
    compareText(a.item.file, b.item.file) ||
    a.item.line - b.item.line
  );
}

function groupByOwner(entries: { item: LedgerItem; dueDay: number }[]): OwnerGroup[] {
  const groups = new Map<string, { owner: string | null; entries: typeof entries }>();
  for (const entry of entries) {
    const key = entry.item.owner === null ? '' : ownerKey(entry.item.owner);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { owner: entry.item.owner, entries: [] }));
    group.entries.push(entry);
  }
  return [...groups.entries()]
    // Owners by name; items nobody owns come last, where they are easy to find and assign.
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : compareText(a, b)))
    .map(([, group]) => ({ owner: group.owner, items: group.entries.sort(compareItems).map((e) => e.item) }));
}

/** One action item of a postmortem as the ledger keeps it: plain data, so it can cross threads. */
export interface LedgerEntry {
  item: LedgerItem;
  /** Days since the epoch of its due date; +∞ without one, so it sorts last. */
  dueDay: number;
  drill: boolean;
}

/** Every action item of one postmortem, unfiltered, in document order. */
export function ledgerEntriesOf(source: LedgerSource): LedgerEntry[] {
  const { ast, incidentType, todayDay } = source.analysis;
  const drill = incidentType === 'drill';
  const postmortem = { id: headerField(ast, 'id')?.value?.text ?? null, title: ast.title?.value?.text ?? null, type: incidentType };
  return actionItemsOf(ast, todayDay).map((view) => ({ item: ledgerItem(view, postmortem, source.path), dueDay: view.dueDay ?? NO_DUE, drill }));
}

/**
 * Collects action items one postmortem at a time, keeping only what the ledger shows, so a
 * ledger of hundreds of postmortems never holds their analyses all at once.
 */
export class LedgerBuilder {
  private readonly incidents: { item: LedgerItem; dueDay: number }[] = [];
  private readonly drills: { item: LedgerItem; dueDay: number }[] = [];
  private postmortems = 0;

  constructor(private readonly filter: LedgerFilter = {}) {}

  add(source: LedgerSource): void {
    this.addEntries(ledgerEntriesOf(source));
  }

  /** One postmortem's entries, as `ledgerEntriesOf` gives them (perhaps in another thread). */
  addEntries(entries: readonly LedgerEntry[]): void {
    this.postmortems++;
    const { filter } = this;
    for (const { item, dueDay, drill } of entries) {
      if (filter.owner !== undefined && !ownerNames(item.owner, filter.owner)) continue;
      if (filter.overdueOnly && !item.overdue) continue;
      if (filter.openOnly && !item.open) continue;
      (drill ? this.drills : this.incidents).push({ item, dueDay });
    }
  }

  /** The items grouped by owner and sorted by due date. */
  build(today: string): Ledger {
    const all = [...this.incidents, ...this.drills].map((e) => e.item);
    return {
      today,
      owners: groupByOwner(this.incidents),
      drills: groupByOwner(this.drills),
      summary: {
        postmortems: this.postmortems,
        items: all.length,
        open: all.filter((i) => i.open).length,
        overdue: all.filter((i) => i.overdue).length,
        drillItems: this.drills.length,
      },
    };
  }
}

/** Every action item of every source, filtered, grouped by owner and sorted by due date. */
export function buildLedger(sources: readonly LedgerSource[], today: string, filter: LedgerFilter = {}): Ledger {
  const builder = new LedgerBuilder(filter);
  for (const source of sources) builder.add(source);
  return builder.build(today);
}

export function formatLedgerJson(ledger: Ledger): string {
  return `${JSON.stringify(ledger, null, 2)}\n`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Text for a terminal: a heading per owner, two lines per item, overdue items marked. */
export function formatLedgerText(ledger: Ledger, colour: boolean): string {
  const paint = (code: string, text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  const section = (groups: OwnerGroup[]) => {
    for (const group of groups) {
      const overdue = group.items.filter((i) => i.overdue).length;
      const open = group.items.filter((i) => i.open).length;
      const counts = `${plural(group.items.length, 'item')}, ${open} open${overdue ? `, ${overdue} overdue` : ''}`;
      lines.push(`${paint('1', escapeForTerminal(group.owner ?? '(no owner)'))}  ${paint('2', counts)}`);
      for (const item of group.items) {
        const mark = item.overdue ? paint('31;1', '!') : item.open ? ' ' : paint('32', '✓');
        const late = item.overdue ? `  ${paint('31', `overdue by ${plural(item.daysOverdue ?? 0, 'day')}`)}` : '';
        const fields = [item.due ?? '-', item.priority ?? '-', item.status ?? '-'].map(escapeForTerminal);
        lines.push(`  ${mark} ${fields[0].padEnd(10)}  ${fields[1].padEnd(2)}  ${fields[2].padEnd(11)}  ${escapeForTerminal(item.id)}  ${escapeForTerminal(item.title || '(no description)')}${late}`);
        const where = escapeForTerminal([item.postmortem.id, item.postmortem.title].filter(Boolean).join(' '));
        lines.push(`      ${paint('2', `${escapeForTerminal(item.file)}:${item.line}${where ? `  ${where}` : ''}`)}`);
      }
      lines.push('');
    }
  };
  lines.push(`Action items as of ${ledger.today}`, '');
  if (!ledger.summary.items) lines.push('No action items match.', '');
  section(ledger.owners);
  if (ledger.drills.length) {
    lines.push(paint('1;4', 'Drills'), '');
    section(ledger.drills);
  }
  const { summary } = ledger;
  const drillNote = summary.drillItems ? ` (${summary.drillItems} from drills)` : '';
  lines.push(`${plural(summary.items, 'action item')}${drillNote} in ${plural(summary.postmortems, 'postmortem')}: ${summary.open} open, ${summary.overdue} overdue.`);
  return `${lines.join('\n')}\n`;
}
