import type { CancellationToken, Hover, HoverParams, Position, Range } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import type { Analysis } from '../core/analysis/types';
import type { ActionItemNode, FieldNode, KeyNode, SectionNode, TimestampNode } from '../core/language/ast';
import { formatOffset } from '../core/language/regionZones';
import { dateToEpochDay, formatDate, formatMinutes, formatUtc, rangeEndInstant } from '../core/language/time';
import type { Term } from '../core/language/vocabulary';
import {
  ACTION_FIELDS, ACTION_STATUSES, DOCUMENT_STATUSES, FACTOR_CATEGORIES, HEADER_FIELDS, INCIDENT_FIELDS,
  INCIDENT_TYPES, LESSON_CATEGORIES, PRIORITIES, SECTIONS, WHYS_KEYS, canonicalKey, canonicalStatus, findTerm, severityTerms,
} from '../core/language/vocabulary';
import { actionField, daysOverdue, incidentInstant, isOpenStatus } from '../core/language/queries';
import { proseTimestampsOf } from '../core/rules/timestamps';
import type { AnalyzedDocument } from './documents';
import { containsPosition } from './ranges';

/** Hover: a timestamp's UTC form and offset from `started`, an action item's state, what a key or a value means. */
export function hover(document: AnalyzedDocument, params: HoverParams, token: CancellationToken): Hover | null {
  if (token.isCancellationRequested) return null;
  const { analysis } = document;
  const position = params.position;
  const at = (range: Range | undefined) => !!range && containsPosition(range, position);
  for (const field of [analysis.ast.title, ...analysis.ast.headerFields]) {
    if (!field) continue;
    if (at(field.key.range)) return keyHover(field.key, HEADER_FIELDS);
    if (field.key.name === 'status' && at(field.value?.range)) return valueHover(field, DOCUMENT_STATUSES);
  }
  const section = analysis.ast.sections.find((s) => at(s.range));
  if (!section) return null;
  if (at(section.header.range)) return keyHover(section.header, SECTIONS);
  return sectionHover(analysis, section, position) ?? proseTimeHover(analysis, position);
}

/** A zoned time in the authors' prose (`At 9:37AM PST, …`): the same hover as a timeline time. */
function proseTimeHover(analysis: Analysis, position: Position): Hover | null {
  for (const { stamp, rangeStart } of proseTimestampsOf(analysis.ast, analysis.lines)) {
    if (containsPosition(stamp.range, position)) return timestampHover(analysis, stamp);
    if (rangeStart && containsPosition(rangeStart.range, position)) return timestampHover(analysis, rangeStart);
  }
  return null;
}

function sectionHover(analysis: Analysis, section: SectionNode, position: Position): Hover | null {
  const at = (range: Range | undefined) => !!range && containsPosition(range, position);
  switch (section.name) {
    case 'incident':
      for (const field of section.fields) {
        if (at(field.key.range)) return keyHover(field.key, INCIDENT_FIELDS);
        if (field.timestamp && at(field.timestamp.range)) return timestampHover(analysis, field.timestamp);
        if (field.key.name === 'severity' && at(field.value?.range)) return valueHover(field, severityTerms(analysis.config.severities));
        if (field.key.name === 'type' && at(field.value?.range)) return valueHover(field, INCIDENT_TYPES);
      }
      return null;
    case 'timeline': {
      const event = section.events.find((e) => at(e.timestamp.range));
      return event ? timestampHover(analysis, event.timestamp) : null;
    }
    case 'whys': {
      const entry = section.entries.find((e) => at(e.key.range));
      if (!entry) return null;
      return keyHover(entry.key, WHYS_KEYS, entry.key.name.startsWith('why') ? 'why' : entry.key.name);
    }
    case 'factors':
    case 'lessons': {
      const category = section.categories.find((c) => at(c.key.range));
      return category ? keyHover(category.key, section.name === 'factors' ? FACTOR_CATEGORIES : LESSON_CATEGORIES) : null;
    }
    case 'actions':
      for (const item of section.items) {
        if (!at(item.range)) continue;
        for (const field of item.fields) {
          if (at(field.key.range)) return keyHover(field.key, ACTION_FIELDS);
          if (field.key.name === 'priority' && at(field.value?.range)) return valueHover(field, PRIORITIES);
          if (field.key.name === 'status' && at(field.value?.range)) return valueHover(field, ACTION_STATUSES, canonicalStatus(field.value!.text));
        }
        if (position.line === item.idRange.start.line) return actionHover(analysis, item);
      }
      return null;
    default:
      return null;
  }
}

function markdown(value: string, range: Range): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}

function keyHover(key: KeyNode, terms: readonly Term[], name = key.name): Hover | null {
  const term = findTerm(terms, name);
  return term ? markdown(`**${term.name}**\n\n${term.description}`, key.range) : null;
}

function valueHover(field: FieldNode, terms: readonly Term[], name?: string): Hover | null {
  const value = field.value!;
  const wanted = name ?? value.text;
  const term = terms.find((t) => t.name.toLowerCase() === canonicalKey(wanted));
  return term ? markdown(`**${term.name}**\n\n${term.description}`, value.range) : null;
}

/** `2025-02-14 14:42 UTC` and `T+12m` after `started`; a zoned time also shows what it is in UTC. */
function timestampHover(analysis: Analysis, stamp: TimestampNode): Hover {
  if (stamp.invalidReason) return markdown(`Not a valid time: ${stamp.invalidReason}.`, stamp.range);
  if (stamp.instant === undefined) {
    const reason = stamp.zone.ambiguous
      ? `the zone \`${stamp.zone.raw}\` can mean more than one offset`
      : stamp.zone.kind === 'unknown'
        ? `\`${stamp.zone.raw}\` is not a time zone the checker knows`
        : stamp.localTimeProblem?.kind === 'ambiguous'
          ? `the clocks showed it twice in ${stamp.zone.region}`
          : 'it has no date and `started` gives none';
    return markdown(`\`${stamp.raw}\` cannot be placed in UTC: ${reason}.`, stamp.range);
  }
  const end = rangeEndInstant(stamp);
  const first = formatUtc(stamp.instant, { iso: false, withDate: true, withSeconds: stamp.second !== undefined });
  const utc = end === undefined ? first : first.replace(/ UTC$/, `–${formatUtc(end, { iso: false, withDate: false, withSeconds: stamp.rangeEnd!.second !== undefined })}`);
  const lines = [`**${stamp.approximate ? '≈ ' : ''}${utc}**`];
  const region = stamp.zone.kind === 'region' && stamp.zone.offsetMinutes !== undefined ? ` (${stamp.zone.region}, ${formatOffset(stamp.zone.offsetMinutes)} at that moment)` : '';
  if (stamp.zone.kind === 'offset' || stamp.zone.kind === 'abbreviation' || stamp.zone.kind === 'region' || stamp.twelveHour) lines.push(`\`${stamp.raw}\`${region} is ${utc}.`);
  else if (stamp.zone.kind === 'none') lines.push('No time zone is written; read here as UTC.');
  if (stamp.approximate) lines.push('Approximate: the authors knew this time only roughly; metrics computed from it are marked ≈.');
  const started = incidentInstant(analysis.ast, 'started');
  if (started !== undefined) {
    const minutes = Math.round((stamp.instant - started) / 60_000);
    lines.push(`${offsetFromStart(minutes)} from \`started\` (${formatUtc(started, { iso: false, withDate: true, withSeconds: false })})`);
  }
  return markdown(lines.join('\n\n'), stamp.range);
}

/** `T+12m`, `T+1h 5m`, `T−5m`. */
export function offsetFromStart(minutes: number): string {
  return `T${minutes < 0 ? '−' : '+'}${formatMinutes(Math.abs(minutes))}`;
}

function actionHover(analysis: Analysis, item: ActionItemNode): Hover {
  const value = (name: string) => actionField(item, name)?.value?.text;
  const status = value('status');
  const canonical = status ? canonicalStatus(status) : undefined;
  const due = actionField(item, 'due')?.dateValue;
  const lines = [`**${item.id}**${item.title ? ` ${item.title.text}` : ''}`, '', `- owner: ${value('owner') ?? '*none*'}`, `- due: ${due?.raw ?? '*none*'}`, `- status: ${status ?? '*none*'}`];
  if (value('priority')) lines.push(`- priority: ${value('priority')}`);
  if (due?.date && !due.invalidReason && isOpenStatus(canonical)) {
    const dueDay = formatDate(due.date);
    if (daysOverdue(dateToEpochDay(due.date), canonical, analysis.todayDay) > 0) lines.push('', `**Overdue**: due ${dueDay}, today is ${analysis.today}.`);
    else lines.push('', `Not overdue: due ${dueDay}.`);
  }
  return markdown(lines.join('\n'), item.idRange);
}
