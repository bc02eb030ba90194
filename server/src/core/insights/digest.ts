import type { Analysis, IncidentType, Metrics } from '../analysis/types';
import type { CategorySection, FieldNode, FollowupSection, PostmortemDocument, WhysSection } from '../language/ast';
import { dateToEpochDay, formatDate } from '../language/time';
import { actionItemRecord, actionItemsOf, type ActionItemRecord, type ActionItemView } from '../render/actionItems';
import { headerField, incidentField } from '../language/queries';

/**
 * What the cross-postmortem features (the action-item view, stats, insights, PM039's neighbours
 * and the services hover) need from one postmortem: small, plain data that a worker thread can
 * post and the language server can keep for thousands of files without keeping their trees.
 */
export interface PostmortemDigest {
  /** As output shows it (a display path, or the file-system path in the server). */
  path: string;
  id: string | null;
  title: string | null;
  type: IncidentType;
  /** The `date:` header as `YYYY-MM-DD`, when it is a real date. */
  date: string | null;
  /** `started` in ms since the epoch (UTC), when it can be read. */
  started: number | null;
  /** `SEV1`…`SEV5` for the usual spellings (`sev 2`, `Sev-2`), otherwise as written. */
  severity: string | null;
  /** Lower-case service names from `services:`. */
  services: string[];
  /** 0-based line of the `services:` field. */
  servicesLine: number | null;
  metrics: Metrics;
  /** Root cause and contributing factors, the text `related` compares. */
  causes: string[];
  actions: DigestAction[];
  followups: DigestFollowup[];
  /** How many syntax errors the parse reported: the file was read, but maybe not all of it. */
  syntaxErrors: number;
  /** Dates and times that are written but cannot be read, as messages: reported, never guessed. */
  dateProblems: string[];
}

export interface DigestAction extends ActionItemRecord {
  /** The due date as days since the epoch, when it is a real date. */
  dueDay: number | null;
  /** 0-based line of the item's ID. */
  line: number;
}

export interface DigestFollowup {
  /** `YYYY-MM-DD`, or null when the note's date cannot be read. */
  date: string | null;
  text: string;
  line: number;
}

/** `SEV2` for `sev 2`, `Sev-2`, `SEV2`; other values as written. */
export function canonicalSeverity(text: string): string {
  const match = /^sev[\s-]*(\d)$/i.exec(text.trim());
  return match ? `SEV${match[1]}` : text.trim();
}

function bulletsAndValue(node: { value?: { text: string }; bullets: { text: { text: string } }[] } | undefined): string[] {
  if (!node) return [];
  return [node.value?.text, ...node.bullets.map((b) => b.text.text)].filter((t): t is string => !!t);
}

function causesOf(ast: PostmortemDocument): string[] {
  const causes: string[] = [];
  for (const section of ast.sections) {
    if (section.name === 'whys') causes.push(...bulletsAndValue((section as WhysSection).rootCause));
    if (section.name === 'factors') for (const category of (section as CategorySection).categories) causes.push(...bulletsAndValue(category));
  }
  return causes;
}

function followupsOf(ast: PostmortemDocument): DigestFollowup[] {
  const notes: DigestFollowup[] = [];
  for (const section of ast.sections) {
    if (section.name !== 'followup') continue;
    for (const note of (section as FollowupSection).notes) {
      const date = note.date.date && !note.date.invalidReason ? formatDate(note.date.date) : null;
      const text = [note.text?.text, ...note.bullets.map((b) => b.text.text)].filter(Boolean).join(' ');
      notes.push({ date, text, line: note.range.start.line });
    }
  }
  return notes;
}

function timeProblem(field: FieldNode | undefined, name: string): string | undefined {
  if (!field?.value || field.timestamp?.instant !== undefined) return undefined;
  return `${name}: "${field.value.text}" cannot be read as a date and time with a zone (line ${field.range.start.line + 1})`;
}

/** Field by field, not spread from the record: one shape for every item (see ledgerItem). */
function digestAction(view: ActionItemView): DigestAction {
  const { id, title, owner, priority, due, status, open } = actionItemRecord(view);
  return { id, title, owner, priority, due, status, open, dueDay: view.dueDay ?? null, line: view.line };
}

/** Reads the digest of an analysed postmortem; `path` is how reports name the file. */
export function digestOf(path: string, analysis: Analysis): PostmortemDigest {
  const { ast } = analysis;
  const dateField = headerField(ast, 'date');
  const dateValue = dateField?.dateValue;
  const date = dateValue?.date && !dateValue.invalidReason ? formatDate(dateValue.date) : null;
  const dateProblems: string[] = [];
  if (dateField?.value && !date) dateProblems.push(`date: "${dateField.value.text}" is not a real date written YYYY-MM-DD (line ${dateField.range.start.line + 1})`);
  const startedField = incidentField(ast, 'started');
  const startedProblem = timeProblem(startedField, 'started');
  if (startedProblem) dateProblems.push(startedProblem);
  const servicesField = incidentField(ast, 'services');
  const services = (servicesField?.value?.text ?? '')
    .split(/[,;]/)
    .map((s) => s.trim().toLowerCase())
    .filter((s, i, all) => s && all.indexOf(s) === i);
  const severity = incidentField(ast, 'severity')?.value?.text;
  const actions = actionItemsOf(ast, analysis.todayDay).map(digestAction);
  return {
    path,
    id: headerField(ast, 'id')?.value?.text ?? null,
    title: ast.title?.value?.text ?? null,
    type: analysis.incidentType,
    date,
    started: startedField?.timestamp?.instant ?? null,
    severity: severity ? canonicalSeverity(severity) : null,
    services,
    servicesLine: servicesField ? servicesField.range.start.line : null,
    metrics: analysis.metrics,
    causes: causesOf(ast),
    actions,
    followups: followupsOf(ast),
    syntaxErrors: ast.syntaxErrors.length,
    dateProblems,
  };
}

/** How reports name a postmortem: its `id:`, or its path when it has none. */
export function nameOf(digest: Pick<PostmortemDigest, 'id' | 'path'>): string {
  return digest.id ?? digest.path;
}

/** The newest readable follow-up note's date, or the `date:` header when there is none. */
export function lastTrackedDay(digest: Pick<PostmortemDigest, 'followups' | 'date'>): string | null {
  let newest: string | null = null;
  for (const note of digest.followups) if (note.date && (!newest || note.date > newest)) newest = note.date;
  return newest ?? digest.date;
}

/** Days since the epoch of a `YYYY-MM-DD` that is known to be valid. */
export function epochDay(day: string): number {
  return dateToEpochDay({ year: +day.slice(0, 4), month: +day.slice(5, 7), day: +day.slice(8, 10) });
}

/** The follow-up notes that name an action item (`A1`, not `A10`), newest first. */
export function followupsAbout(digest: Pick<PostmortemDigest, 'followups'>, id: string): DigestFollowup[] {
  const named = new RegExp(`(^|[^A-Za-z0-9-])${id.replace(/[^A-Za-z0-9]/g, '\\$&')}([^A-Za-z0-9]|$)`, 'i');
  return digest.followups.filter((note) => named.test(note.text)).sort((a, b) => ((b.date ?? '') < (a.date ?? '') ? -1 : (b.date ?? '') > (a.date ?? '') ? 1 : 0));
}
