import type { FieldNode, TextNode, TimestampNode } from '../language/ast';
import type { Severity } from '../analysis/types';
import { forEachProsePart, type ProseKind } from '../analysis/prose';
import { HANDLE_SOURCE } from '../language/handles';
import { PLACEHOLDER_HANDLES, PLACEHOLDER_TIME, PROSE_PLACEHOLDERS } from '../template/postmortemTemplate';
import type { Range } from 'vscode-languageserver-types';
import type { Rule, RuleContext } from './rule';
import { actionField, headerField, isOpenStatus, statusOf } from '../language/queries';

const normalize = (text: string) => text.trim().replace(/\s+/g, ' ').replace(/[.’']/g, '').toLowerCase();
/** The placeholders normalized, by their first character: most prose is dismissed on one comparison. */
const PROSE_BY_FIRST = new Map<number, string[]>();
const NONE: string[] = [];
for (const placeholder of Object.values(PROSE_PLACEHOLDERS).map(normalize)) {
  const first = placeholder.charCodeAt(0);
  PROSE_BY_FIRST.set(first, [...(PROSE_BY_FIRST.get(first) ?? []), placeholder]);
}

/**
 * Whether `text` normalizes to a placeholder. This runs on every piece of prose, so it walks the
 * text instead of normalizing a copy (the copies were a third of a large document's garbage).
 */
function isPlaceholderProse(text: string): boolean {
  let start = 0;
  while (start < text.length && isWhitespace(text.charCodeAt(start))) start++;
  while (start < text.length && isDropped(text.charCodeAt(start))) start++;
  if (start < text.length && isWhitespace(text.charCodeAt(start))) return false;
  for (const placeholder of PROSE_BY_FIRST.get(asciiLower(text.charCodeAt(start))) ?? NONE) {
    if (equalsNormalized(text, placeholder)) return true;
  }
  return false;
}

/**
 * `normalize(text) === wanted` for an ASCII `wanted`, without building the normalized text: a
 * run of whitespace reads as one space (none at either end), `.`, `’` and `'` are dropped after
 * that, letters compare without case.
 */
function equalsNormalized(text: string, wanted: string): boolean {
  let matched = 0;
  let seenText = false;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isWhitespace(code)) {
      pendingSpace = seenText;
      continue;
    }
    seenText = true;
    if (pendingSpace) {
      if (wanted.charCodeAt(matched++) !== 32) return false;
      pendingSpace = false;
    }
    if (isDropped(code)) continue;
    if (asciiLower(code) !== wanted.charCodeAt(matched++)) return false;
  }
  return matched === wanted.length;
}

/** The characters `\s` matches. */
function isWhitespace(code: number): boolean {
  return (code >= 9 && code <= 13) || code === 32 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a)
    || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

function isDropped(code: number): boolean {
  return code === 46 || code === 0x2019 || code === 39;
}

/** Lower case for ASCII letters; any other character is returned as is and never matches a placeholder, which are ASCII. */
function asciiLower(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

const HANDLES = new Set(PLACEHOLDER_HANDLES.map((h) => h.toLowerCase()));
const HANDLE = new RegExp(HANDLE_SOURCE, 'g');
/** The number the template gives a new incident, `INC-2026-000`. */
const PLACEHOLDER_ID = /(?:^|\D)0+$/;
/** What the author should write instead, by where the placeholder stands. */
const WANTED: Record<ProseKind, string> = {
  summary: 'two or three sentences on what happened, the impact and the resolution',
  notes: 'your notes',
  incident: 'what was true in this incident',
  timeline: 'what happened at that time',
  symptom: 'what was observed',
  why: 'the answer for this incident',
  'root-cause': 'the condition of the system the whys reached',
  factor: 'a factor of this incident',
  action: 'what will be done, and how its completion will be checked',
  lesson: 'what this incident taught',
  followup: 'the follow-up',
};
const [PLACEHOLDER_HOUR, PLACEHOLDER_MINUTE] = PLACEHOLDER_TIME.split(':').map(Number);
const INCIDENT_TIMES = ['started', 'detected', 'responded', 'mitigated', 'resolved'];

/**
 * How loudly a left-in placeholder is reported: a draft is expected to hold some, a document in
 * review should not, and a final one must not (an error, so `postmortem check` fails).
 */
function severityFor(status: string | undefined): Severity {
  if (status === 'final') return 'error';
  if (status === 'review') return 'warning';
  return 'information';
}

export const pm006: Rule = {
  code: 'PM006',
  name: 'template-placeholder',
  description: 'Template text left in: placeholder prose, `@you`/`@team` handles, the `-000` ID, every time at `00:00`, a due date on the day of writing.',
  defaultSeverity: 'information',
  fixable: false,
  check(context) {
    const status = headerField(context.ast, 'status')?.value?.text.trim().toLowerCase();
    const severity = severityFor(status);
    const report = (range: Range, message: string) => context.report({ range, message, severity });
    const prose = (node: TextNode | undefined, what: string) => {
      if (node && isPlaceholderProse(node.text)) report(node.range, `Replace the placeholder “${node.text.trim()}” with ${what}.`);
    };

    prose(context.ast.title?.value, 'the title of this incident');
    const id = headerField(context.ast, 'id')?.value;
    if (id && PLACEHOLDER_ID.test(id.text.trim())) report(id.range, `Replace the placeholder ID “${id.text.trim()}” with the incident's number.`);
    handles(headerField(context.ast, 'authors'), 'the authors', report);

    forEachProsePart(context.ast, (kind, part) => {
      if (isPlaceholderProse(part.text)) report(part.range, `Replace the placeholder “${part.text.trim()}” with ${WANTED[kind]}.`);
    });
    const incident = context.section('incident');
    for (const field of incident?.fields ?? []) {
      if (field.key.name === 'services' || field.key.name === 'users affected') prose(field.value, `the ${field.key.name} in this incident`);
    }
    placeholderTimes(context, report);

    const written = headerField(context.ast, 'date')?.dateValue;
    for (const item of context.section('actions')?.items ?? []) {
      handles(actionField(item, 'owner'), `${item.id}'s owner`, report);
      const due = actionField(item, 'due');
      // A finished item may well have been due the day the postmortem was written (a same-day fix).
      const status = statusOf(item);
      const open = isOpenStatus(status);
      if (open && due?.value && written?.date && due.dateValue?.date && sameDay(due.dateValue.date, written.date)) {
        report(due.value.range, `Set a real due date for ${item.id}: ${due.value.text.trim()} is the day this postmortem was written, the template's placeholder.`);
      }
    }
  },
};

function sameDay(a: { year: number; month: number; day: number }, b: { year: number; month: number; day: number }): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

function handles(field: FieldNode | undefined, whose: string, report: (range: Range, message: string) => void): void {
  const value = field?.value;
  if (!value || value.range.start.line !== value.range.end.line) return;
  for (const match of value.text.matchAll(HANDLE)) {
    if (!HANDLES.has(match[0].toLowerCase())) continue;
    const start = { line: value.range.start.line, character: value.range.start.character + match.index! };
    report({ start, end: { line: start.line, character: start.character + match[0].length } }, `Replace the placeholder ${match[0]} with the @handle of ${whose}.`);
  }
}

/**
 * The template's times all read `00:00`: an incident time at `00:00` that another incident time
 * or timeline event shares to the minute is taken as not filled in. A real incident that began
 * at midnight still has later times that differ.
 */
function placeholderTimes(context: RuleContext, report: (range: Range, message: string) => void): void {
  const atMidnight: { stamp: TimestampNode; what: string }[] = [];
  for (const field of context.section('incident')?.fields ?? []) {
    if (INCIDENT_TIMES.includes(field.key.name) && field.timestamp && isPlaceholderTime(field.timestamp)) atMidnight.push({ stamp: field.timestamp, what: `\`${field.key.name}\`` });
  }
  for (const event of context.section('timeline')?.events ?? []) {
    if (isPlaceholderTime(event.timestamp)) atMidnight.push({ stamp: event.timestamp, what: 'the event time' });
  }
  const count = new Map<number, number>();
  for (const { stamp } of atMidnight) count.set(stamp.instant!, (count.get(stamp.instant!) ?? 0) + 1);
  for (const { stamp, what } of atMidnight) {
    if (count.get(stamp.instant!)! < 2) continue;
    report(stamp.timeRange, `Replace the placeholder time ${PLACEHOLDER_TIME} in ${what} with when it happened; the template sets every time to ${PLACEHOLDER_TIME}.`);
  }
}

function isPlaceholderTime(stamp: TimestampNode): boolean {
  return !stamp.invalidReason && stamp.instant !== undefined && stamp.hour === PLACEHOLDER_HOUR && stamp.minute === PLACEHOLDER_MINUTE && !stamp.second;
}

