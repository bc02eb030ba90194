import { ACTION_FIELDS } from '../language/vocabulary';

/**
 * A postmortem as the importer collected it from Markdown, and its text in the `.postmortem`
 * language. Values are single lines of plain text; the writer only lays them out.
 */

export interface Entry {
  text: string;
  bullets: string[];
}

export interface WhysChain {
  title?: string;
  symptom?: Entry;
  steps: (Entry & { number?: number })[];
  rootCause?: Entry;
}

export interface ImportedAction {
  id: string;
  title: string;
  fields: [string, string][];
  bullets: string[];
}

/** Text the importer could not place, with where it came from. */
export interface UnplacedText {
  /** The heading it stood under, as written; undefined before the first heading. */
  heading?: string;
  /** 0-based line of its first line. */
  line: number;
  lines: string[];
}

export interface ImportedPostmortem {
  title?: string;
  header: [string, string][];
  summary: string[];
  incident: [string, string][];
  timeline: (Entry & { stamp: string })[];
  whys: WhysChain[];
  factors: [string, string[]][];
  actions: ImportedAction[];
  lessons: [string, string[]][];
  followup: { date: string; text: string; bullets?: string[] }[];
  /** Text from a Notes section. */
  notes: string[];
  unplaced: UnplacedText[];
}

export function emptyPostmortem(): ImportedPostmortem {
  return { header: [], summary: [], incident: [], timeline: [], whys: [], factors: [], actions: [], lessons: [], followup: [], notes: [], unplaced: [] };
}

/** A value on one line: line breaks and runs of blanks become one space. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Free text, indented under its section, each line as written. A line that starts with `#` reads
 * as a comment in the language: it stays in the file word for word, the preview just hides it.
 */
function textLines(lines: readonly string[], indent: string): string[] {
  return lines.map((line) => (line.trim() ? `${indent}${line.replace(/\s+$/, '')}` : ''));
}

function bulletLines(bullets: readonly string[], indent: string): string[] {
  return bullets.map((b) => `${indent}- ${oneLine(b)}`);
}

function entryLines(key: string, entry: Entry, indent: string): string[] {
  return [`${indent}${key}: ${oneLine(entry.text)}`.trimEnd(), ...bulletLines(entry.bullets, `${indent}  `)];
}

function categoryLines(categories: readonly [string, string[]][]): string[] {
  return categories.flatMap(([name, items]) => [`  ${name}:`, ...bulletLines(items, '    ')]);
}

function describeOrigin(part: UnplacedText): string {
  const where = part.lines.length > 1 ? `lines ${part.line + 1}–${part.line + part.lines.length}` : `line ${part.line + 1}`;
  const heading = part.heading ? ` under "${oneLine(part.heading)}"` : '';
  return `# Imported from Markdown ${where}${heading}; not placed in a section:`;
}

/** Action item fields in the order the language's documentation writes them. */
function fieldOrder(key: string): number {
  const index = ACTION_FIELDS.findIndex((f) => f.name === key);
  return index < 0 ? ACTION_FIELDS.length : index;
}

/** The postmortem in the `.postmortem` language. */
export function toPostmortemText(doc: ImportedPostmortem): string {
  const blocks: string[][] = [];
  blocks.push([`postmortem: ${oneLine(doc.title ?? '')}`.trimEnd(), ...doc.header.map(([key, value]) => `${key}: ${oneLine(value)}`)]);
  if (doc.summary.length) blocks.push(['summary:', ...textLines(trimBlank(doc.summary), '  ')]);
  if (doc.incident.length) blocks.push(['incident:', ...doc.incident.map(([key, value]) => `  ${key}: ${oneLine(value)}`.trimEnd())]);
  if (doc.timeline.length) {
    blocks.push(['timeline:', ...doc.timeline.flatMap((e) => [`  ${e.stamp}  ${oneLine(e.text)}`.trimEnd(), ...bulletLines(e.bullets, '    ')])]);
  }
  doc.whys.forEach((chain, i) => {
    const title = chain.title ?? (i > 0 ? `cause ${i + 1}` : undefined);
    const lines = [title ? `whys: ${oneLine(title)}` : 'whys:'];
    if (chain.symptom) lines.push(...entryLines('symptom', chain.symptom, '  '));
    chain.steps.forEach((step, n) => lines.push(...entryLines(`why ${step.number ?? n + 1}`, step, '  ')));
    if (chain.rootCause) lines.push(...entryLines('root cause', chain.rootCause, '  '));
    blocks.push(lines);
  });
  if (doc.factors.length) blocks.push(['factors:', ...categoryLines(doc.factors)]);
  if (doc.actions.length) {
    blocks.push(['actions:', ...doc.actions.flatMap((a) => [
      `  ${a.id}: ${oneLine(a.title)}`.trimEnd(),
      ...[...a.fields].sort((x, y) => fieldOrder(x[0]) - fieldOrder(y[0])).map(([key, value]) => `    ${key}: ${oneLine(value)}`.trimEnd()),
      ...bulletLines(a.bullets, '    '),
    ])]);
  }
  if (doc.lessons.length) blocks.push(['lessons:', ...categoryLines(doc.lessons)]);
  if (doc.followup.length) {
    blocks.push(['followup:', ...doc.followup.flatMap((f) => [`  ${f.date}  ${oneLine(f.text)}`.trimEnd(), ...bulletLines(f.bullets ?? [], '    ')])]);
  }
  const notes: string[] = [...trimBlank(doc.notes)];
  for (const part of doc.unplaced) {
    if (notes.length) notes.push('');
    notes.push(describeOrigin(part), ...trimBlank(part.lines));
  }
  if (notes.length) blocks.push(['notes:', ...textLines(notes, '  ')]);
  return `${blocks.map((b) => b.join('\n')).join('\n\n')}\n`;
}

function trimBlank(lines: readonly string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && !lines[start].trim()) start++;
  while (end > start && !lines[end - 1].trim()) end--;
  return lines.slice(start, end);
}
