import type { ActionItemNode, ActionsSection, BulletNode, PostmortemDocument } from '../language/ast';
import { daysOverdue } from '../language/queries';
import { dateToEpochDay } from '../language/time';
import { canonicalStatus } from '../language/vocabulary';
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
type FieldName = (typeof FIELD_NAMES)[number];

export function lineTextOfBullets(bullets: BulletNode[]): LineText[] {
  return bullets.filter((b) => b.text.text).map((b) => ({ text: b.text.text, line: b.range.start.line }));
}

/** Reads one action item; the first of a repeated field counts, as the rules say. */
export function actionItemView(item: ActionItemNode, todayDay: number): ActionItemView {
  const view: ActionItemView = {
    id: item.id,
    line: item.range.start.line,
    title: item.title && { text: item.title.text, line: item.title.range.start.line },
    bullets: lineTextOfBullets(item.bullets),
    overdue: false,
  };
  for (const field of item.fields) {
    const name = field.key.name as FieldName;
    if (!FIELD_NAMES.includes(name) || view[name] || !field.value) continue;
    view[name] = { text: field.value.text, line: field.range.start.line };
    if (name === 'due' && field.dateValue?.date && !field.dateValue.invalidReason) view.dueDay = dateToEpochDay(field.dateValue.date);
  }
  view.canonicalStatus = view.status && canonicalStatus(view.status.text);
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
