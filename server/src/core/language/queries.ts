import type {
  ActionItemNode, ActionsSection, CategorySection, FieldNode, FieldSection, FollowupSection, PostmortemDocument, SectionNode,
  TextSection, TimelineSection, WhysSection,
} from './ast';
import { CLOSED_STATUSES, canonicalStatus } from './vocabulary';

/**
 * Facts read off the tree, each in one place: the rules, the renderers, the insights and the
 * editor ask here rather than each walking the tree its own way.
 */

export interface SectionsByName {
  summary: TextSection;
  notes: TextSection;
  incident: FieldSection;
  timeline: TimelineSection;
  whys: WhysSection;
  factors: CategorySection;
  lessons: CategorySection;
  actions: ActionsSection;
  followup: FollowupSection;
}

/** The first section of that name, the one the document means; later ones are duplicates (PM005). */
export function firstSection<N extends keyof SectionsByName>(ast: PostmortemDocument, name: N): SectionsByName[N] | undefined {
  return ast.sections.find((s: SectionNode) => s.name === name) as SectionsByName[N] | undefined;
}

/** The first field of that name: the one that counts when a field is repeated (PM005). */
export function fieldNamed(fields: readonly FieldNode[], name: string): FieldNode | undefined {
  return fields.find((f) => f.key.name === name);
}

/** A header field (`id:`, `date:`, `status:`, …). */
export function headerField(ast: PostmortemDocument, name: string): FieldNode | undefined {
  return fieldNamed(ast.headerFields, name);
}

/** A field of the `incident:` section. */
export function incidentField(ast: PostmortemDocument, name: string): FieldNode | undefined {
  const incident = firstSection(ast, 'incident');
  return incident && fieldNamed(incident.fields, name);
}

/** The UTC instant of an incident time field, when it has one. */
export function incidentInstant(ast: PostmortemDocument, name: string): number | undefined {
  return incidentField(ast, name)?.timestamp?.instant;
}

/** A field of an action item. */
export function actionField(item: ActionItemNode, name: string): FieldNode | undefined {
  return fieldNamed(item.fields, name);
}

/** The item's status in canonical form (`complete` → `done`); undefined when missing or unknown. */
export function statusOf(item: ActionItemNode): string | undefined {
  const value = actionField(item, 'status')?.value?.text;
  return value ? canonicalStatus(value) : undefined;
}

/** Whether an item is still open: anything but done, verified or dropped (a missing or unknown status included). */
export function isOpenStatus(canonical: string | undefined): boolean {
  return !canonical || !CLOSED_STATUSES.includes(canonical);
}

/**
 * Whole days an item is past due: positive when it is overdue (open, and due before today).
 * Both days are days since the epoch (`dateToEpochDay`); zero when not overdue.
 */
export function daysOverdue(dueDay: number, canonical: string | undefined, todayDay: number): number {
  return isOpenStatus(canonical) && dueDay < todayDay ? todayDay - dueDay : 0;
}

/** Columns between tab stops: a tab reaches the next multiple of four, as the language reads indentation. */
const TAB_STOP = 4;

/** Visual width of `text`, tabs to the next tab stop. */
export function visualWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) width = text.charCodeAt(i) === 9 ? width + TAB_STOP - (width % TAB_STOP) : width + 1;
  return width;
}

/** Visual width of a line's indentation: its leading spaces and tabs. */
export function indentWidth(line: string): number {
  let width = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32) width++;
    else if (c === 9) width += TAB_STOP - (width % TAB_STOP);
    else break;
  }
  return width;
}
