import type { ActionItemNode, ActionsSection, BulletNode, PostmortemDocument } from '../language/ast';
import { actionField, daysOverdue, isOpenStatus, statusOf } from '../language/queries';
import { dateToEpochDay } from '../language/time';
import { findHttpUrl } from './escape';

/** A field's text with the 0-based line it stands on. */
export interface LineText {
  text: string;
  line: number;
}

/** An action item as readers see it: the fields that matter, their lines, and whether it is late. */
export interface ActionItemView {
  id: string;
  line: number;
  title?: LineText;
  priority?: LineText;
  owner?: LineText;
  due?: LineText;
  status?: LineText;
  why?: LineText;
  verify?: LineText;
  addresses?: LineText;
  ticket?: LineText;
  bullets: LineText[];
  /** `done` for `complete`; undefined when the status is missing or unknown. */
  canonicalStatus?: string;
  /** The due date as days since the epoch, when it is a valid date. */
  dueDay?: number;
  /** Due before today and not done, verified or dropped. */
  overdue: boolean;
  /** Whole days past due when overdue. */
  daysOverdue?: number;
  /** The ticket's http(s) URL when the ticket names one. */
  ticketUrl?: string;
}

const FIELD_NAMES = ['priority', 'owner', 'due', 'status', 'why', 'verify', 'addresses', 'ticket'] as const;

export function lineTextOfBullets(bullets: BulletNode[]): LineText[] {
  return bullets.filter((b) => b.text.text).map((b) => ({ text: b.text.text, line: b.range.start.line }));
}

/**
 * Reads one action item. Of a repeated field the first counts, as written, even when it is empty:
 * it is the one the rules read (`actionField`) and PM005 asks to merge the others into, so the
 * report never shows a due date or status that the diagnostics do not see.
 */
export function actionItemView(item: ActionItemNode, todayDay: number): ActionItemView {
  const view: ActionItemView = {
    id: item.id,
    line: item.range.start.line,
    title: item.title && { text: item.title.text, line: item.title.range.start.line },
    bullets: lineTextOfBullets(item.bullets),
    overdue: false,
  };
  for (const name of FIELD_NAMES) {
    const field = actionField(item, name);
    if (field?.value) view[name] = { text: field.value.text, line: field.range.start.line };
  }
  const due = actionField(item, 'due')?.dateValue;
  if (view.due && due?.date && !due.invalidReason) view.dueDay = dateToEpochDay(due.date);
  view.canonicalStatus = statusOf(item);
  if (view.ticket) view.ticketUrl = findHttpUrl(view.ticket.text)?.url;
  const late = view.dueDay === undefined ? 0 : daysOverdue(view.dueDay, view.canonicalStatus, todayDay);
  if (late > 0) {
    view.overdue = true;
    view.daysOverdue = late;
  }
  return view;
}

/** Every action item of every `actions:` section, in document order; `todayDay` as days since the epoch. */
export function actionItemsOf(ast: PostmortemDocument, todayDay: number): ActionItemView[] {
  const items: ActionItemView[] = [];
  for (const section of ast.sections) {
    if (section.name !== 'actions') continue;
    for (const item of (section as ActionsSection).items) items.push(actionItemView(item, todayDay));
  }
  return items;
}

/** An action item as plain data, for the lists across postmortems: the ledger and the digest behind stats and the view. */
export interface ActionItemRecord {
  id: string;
  title: string;
  owner: string | null;
  priority: string | null;
  /** The due date as written. */
  due: string | null;
  /** The canonical status (`done` for `complete`), or the status as written when unknown, or null when missing. */
  status: string | null;
  /** Not `done`, `verified` or `dropped` (`isOpenStatus`): a missing or unknown status is open. */
  open: boolean;
}

export function actionItemRecord(view: ActionItemView): ActionItemRecord {
  return {
    id: view.id,
    title: view.title?.text ?? '',
    owner: view.owner?.text ?? null,
    priority: view.priority?.text ?? null,
    due: view.due?.text ?? null,
    status: view.canonicalStatus ?? view.status?.text ?? null,
    open: isOpenStatus(view.canonicalStatus),
  };
}
