import type { ImportedPostmortem } from './importedPostmortem';
import type { MarkdownLine } from './markdownLines';
import { plainText } from './markdownLines';
import { factorCategoryOf, headerFieldOf, incidentFieldOf, lessonCategoryOf, sectionOfHeading } from './templateWords';
import type { SectionKind } from './templateWords';

/**
 * A Markdown postmortem cut into the template's sections at its headings: which heading opens
 * a section, which only names a part of the one it stands in, and the title.
 */

export interface Section {
  kind: SectionKind | 'preamble' | 'unknown';
  heading?: MarkdownLine & { kind: 'heading' };
  level: number;
  /** For a `whys` heading that names its chain (`Five whys: backups`). */
  title?: string;
  /** For a heading that names one fact (`### Authors`, `### Impact`): the field its text sets. */
  field?: string;
  lines: MarkdownLine[];
}

const WHYS_WITH_TITLE = /^(?:\d+[.)]\s*)?(?:(?:5|five) whys|root cause analysis|whys)\s*(?:[:—–]|\s-)\s*(.+)$/i;
const FIELD_LINE = /^\s*(?:\*\*|__)?([^:*_|]{1,60}?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?(?:\s+|$)(.*)$/;

/** `**Owner:** @ops` → `['Owner', '@ops']`. */
export function labelAndValue(text: string): [string, string] | undefined {
  const m = FIELD_LINE.exec(text);
  if (!m || /^\s*\d{1,2}$/.test(m[1]) || /^https?$/i.test(m[1].trim())) return undefined;
  return [m[1].trim(), plainText(m[2])];
}

function headingLine(line: MarkdownLine): (MarkdownLine & { kind: 'heading' }) | undefined {
  if (line.kind === 'heading') return line;
  // The template as often pasted: its headings lost their marks but kept their numbers
  // (`1. Incident Summary`). A whole line that names a section is a heading.
  if ((line.kind === 'text' || (line.kind === 'item' && line.ordered && line.depth === 0)) && !line.text.includes(':')) {
    const text = line.kind === 'item' ? `${line.number}. ${line.text}` : line.text;
    if (sectionOfHeading(plainText(text))) return { kind: 'heading', line: line.line, raw: line.raw, level: 2, text: plainText(text) };
  }
  return undefined;
}

export function splitSections(lines: readonly MarkdownLine[], doc: ImportedPostmortem): Section[] {
  const sections: Section[] = [{ kind: 'preamble', level: 0, lines: [] }];
  for (const line of lines) {
    const current = sections[sections.length - 1];
    const heading = headingLine(line);
    if (!heading) {
      current.lines.push(line);
      continue;
    }
    const text = plainText(heading.text);
    if (heading.level === 1 && doc.title === undefined && !sectionOfHeading(text)) {
      doc.title = text.replace(/^(?:incident )?(?:post-?mortem|incident report|incident review|retrospective)\s*(?:[:—–]|\s-)\s*/i, '');
      continue;
    }
    // `export --format md` numbers a repeated section's heading from the second on (`Five whys (2)`).
    const numbered = /^(.+?) \((\d+)\)$/.exec(text);
    const repeat = numbered && Number(numbered[2]) >= 2 && (WHYS_WITH_TITLE.test(numbered[1]) || sectionOfHeading(numbered[1])) ? numbered[1] : undefined;
    const name = repeat ?? text;
    const titled = WHYS_WITH_TITLE.exec(name);
    const field = headerFieldOf(name) ?? incidentFieldOf(name);
    const kind = titled ? 'whys' : sectionOfHeading(name) ?? (field ? 'details' : undefined);
    if (kind) {
      // A repeated chain with no title stays without one: `check` asks for it (PM005), as for the source.
      const title = titled?.[1] ?? (repeat && kind === 'whys' ? '' : undefined);
      sections.push({ kind, heading, level: heading.level, title, field: kind === 'details' ? field : undefined, lines: [] });
      continue;
    }
    // A category heading (`### What went well`) belongs to its section, or opens it.
    const category = lessonCategoryOf(text) ? 'lessons' : factorCategoryOf(text) ? 'factors' : undefined;
    if (category && current.kind !== category) {
      sections.push({ kind: category, heading, level: heading.level, lines: [heading] });
      continue;
    }
    if (category || (current.kind !== 'preamble' && current.kind !== 'unknown' && heading.level > current.level)) {
      current.lines.push(heading);
      continue;
    }
    sections.push({ kind: 'unknown', heading, level: heading.level, lines: [] });
  }
  return sections;
}
