import { ACTION_ID } from '../language/vocabulary';
import { emptyPostmortem, toPostmortemText } from './importedPostmortem';
import type { Entry, ImportedAction, ImportedPostmortem, WhysChain } from './importedPostmortem';
import { leadingDate, leadingTime } from './importTimes';
import { cellLines, plainText, readMarkdownLines } from './markdownLines';
import type { MarkdownLine, TableRow } from './markdownLines';
import { labelAndValue, splitSections } from './markdownSections';
import type { Section } from './markdownSections';
import {
  actionColumnOf, actionStatusOf, factorCategoryOf, headerFieldOf, incidentFieldOf, lessonCategoryOf, normaliseLabel,
  sectionOfHeading, timelineColumnOf, zoneOfHeader,
} from './templateWords';
import type { SectionKind } from './templateWords';

/**
 * Reads a Markdown postmortem written from the classic template (or by `export --format md`)
 * into the `.postmortem` language. Pure: no file system, so the editor, the command line and
 * the browser build share it. Whatever it cannot place goes, verbatim, into `notes:`.
 */

export interface ImportResult {
  text: string;
  /** The template sections recognised, in order of appearance. */
  sections: SectionKind[];
  /** Markdown lines copied into `notes:` because no section could hold them. */
  unplacedLines: number;
}

/** The Markdown has no section of the template: importing it would make an empty postmortem. */
export class NotAPostmortemError extends Error {}

export interface ImportOptions {
  /** The title when the Markdown has no `#` heading (the command line passes the file name). */
  fallbackTitle?: string;
}

/** `All times are in UTC.`: the zone of every time that names none. */
const ALL_TIMES_IN = /\b[Aa]ll times(?: are| shown)?(?: in)?\s+([A-Z]{1,5})\b/;
const TIMESTAMP_FIELDS = new Set(['started', 'detected', 'responded', 'mitigated', 'resolved']);

/** Collects what one section could not place, grouped by the heading it stood under. */
class Unplaced {
  constructor(private readonly doc: ImportedPostmortem) {}

  add(line: MarkdownLine, heading: string | undefined): void {
    const raw = line.kind === 'table' ? line.lines : line.kind === 'code' ? line.lines : line.raw.split('\n');
    const last = this.doc.unplaced[this.doc.unplaced.length - 1];
    if (last && last.heading === heading && last.line + last.lines.length >= line.line - 1) {
      while (last.line + last.lines.length < line.line) last.lines.push('');
      last.lines.push(...raw);
      return;
    }
    this.doc.unplaced.push({ heading, line: line.line, lines: [...raw] });
  }

  row(row: TableRow, heading: string | undefined): void {
    this.add({ kind: 'text', line: row.line, raw: row.raw, text: row.raw }, heading);
  }
}

/** The reader: one method per kind of section, sharing the document being built. */
class Importer {
  readonly doc = emptyPostmortem();
  private readonly unplaced = new Unplaced(this.doc);
  private heading: string | undefined;
  private summaryFromPreamble: MarkdownLine[] = [];
  /** Whether the last follow-up line read was a dated note, which the bullets below belong to. */
  private followupOpen = false;

  run(source: string, options: ImportOptions): ImportResult {
    const sections = splitSections(readMarkdownLines(source), this.doc);
    const recognised = sections.filter((s) => s.kind !== 'preamble' && s.kind !== 'unknown').map((s) => s.kind as SectionKind);
    if (!recognised.some((kind) => kind !== 'notes') && !this.hasExportHeader(sections[0])) {
      throw new NotAPostmortemError('no section of a postmortem found: the Markdown needs headings such as "Summary", "Timeline", "Root Cause Analysis", "Action Items" or "Lessons Learned"');
    }
    for (const section of sections) {
      this.heading = section.heading ? plainText(section.heading.text) : undefined;
      this.section(section);
    }
    this.heading = undefined;
    if (this.summaryFromPreamble.length) {
      if (this.doc.summary.length) this.summaryFromPreamble.forEach((line) => this.unplace(line));
      else this.summaryFromPreamble.forEach((line) => this.summaryLine(line));
    }
    this.doc.unplaced.sort((a, b) => a.line - b.line);
    if (this.doc.title === undefined) this.doc.title = options.fallbackTitle ?? 'Imported postmortem';
    const unplacedLines = this.doc.unplaced.reduce((n, part) => n + part.lines.filter((l) => l.trim()).length, 0);
    return { text: toPostmortemText(this.doc), sections: recognised, unplacedLines };
  }

  /** A title and the export's list of facts (`- **ID:** …`): a postmortem with no section yet. */
  private hasExportHeader(preamble: Section): boolean {
    const facts = preamble.lines.filter((line) => line.kind === 'item' && /^\*\*[^*]+:\*\* /.test(line.text) && labelAndValue(line.text)
      && (headerFieldOf(labelAndValue(line.text)![0]) || incidentFieldOf(labelAndValue(line.text)![0])));
    return this.doc.title !== undefined && facts.length >= 1;
  }

  private unplace(line: MarkdownLine): void {
    if (line.kind === 'blank' || line.kind === 'rule') return;
    this.unplaced.add(line, this.heading);
  }

  private section(section: Section): void {
    switch (section.kind) {
      case 'preamble':
        return this.each(section, (line) => this.preambleLine(line));
      case 'summary':
        return this.each(section, (line) => this.summaryLine(line));
      case 'details':
        return this.each(section, (line) => this.detailsLine(line) || this.fieldHeadingLine(section, line));
      case 'timeline':
        return this.timeline(section);
      case 'whys':
      case 'rootCause':
        return this.whys(section);
      case 'factors':
        return this.categories(section, this.doc.factors, factorCategoryOf);
      case 'lessons':
        return this.categories(section, this.doc.lessons, lessonCategoryOf);
      case 'actions':
        return this.actions(section);
      case 'followup':
        return this.each(section, (line) => this.followupLine(line));
      case 'notes':
        return this.each(section, (line) => this.notesLine(line));
      case 'unknown':
        return this.each(section, (line) => this.unplace(line));
    }
  }

  /** Calls `take` for each line; a sub-heading it does not take names the lines under it. */
  private each(section: Section, take: (line: MarkdownLine) => boolean | void): void {
    for (const line of section.lines) {
      if (line.kind === 'blank' || line.kind === 'rule') {
        if (section.kind === 'notes' || section.kind === 'summary') take(line);
        continue;
      }
      if (take(line) === false) {
        if (line.kind === 'heading') {
          this.heading = plainText(line.text);
          continue;
        }
        this.unplace(line);
      }
    }
  }

  // ---- header and incident facts ----

  private setHeader(key: string, value: string): boolean {
    const existing = this.doc.header.find(([k]) => k === key);
    if (existing) return existing[1] === value;
    let written = value;
    if (key === 'date') written = leadingDate(value)?.date ?? value;
    // A document status is one word (`final`, or a typo `check` reports); prose stays in notes.
    if (key === 'status') {
      if (!/^[a-z-]+$/i.test(value)) return false;
      written = value.toLowerCase();
    }
    this.doc.header.push([key, written]);
    return true;
  }

  private setIncident(key: string, label: string, value: string): boolean {
    if (!value) return false;
    let written = value;
    if (TIMESTAMP_FIELDS.has(key)) {
      const time = leadingTime(value, { defaultZone: zoneOfHeader(label) });
      // Prose under a "Resolution" heading says how, not when: it stays in notes.
      if (!time && !leadingDate(value)) return false;
      if (time) written = [time.stamp, time.rest].filter(Boolean).join(' ');
    }
    if (key === 'type') written = /^near[ -]?miss$/i.test(value) ? 'near-miss' : value.toLowerCase();
    if (key === 'severity' && /^sev\s*\d$/i.test(value)) written = value.replace(/\s+/, '').toUpperCase();
    const existing = this.doc.incident.find(([k]) => k === key);
    if (existing) return existing[1] === written;
    this.doc.incident.push([key, written]);
    return true;
  }

  /** A `Label: value` line that sets a header or incident field; false when it is none. */
  private factLine(text: string): boolean {
    const pair = labelAndValue(text);
    if (!pair) return false;
    const [label, value] = pair;
    const header = headerFieldOf(label);
    if (header && value) return this.setHeader(header, value);
    const field = incidentFieldOf(label);
    if (field) return this.setIncident(field, label, value);
    return false;
  }

  private factTable(line: MarkdownLine & { kind: 'table' }): boolean {
    const head = line.header.map((h) => normaliseLabel(h));
    if (head[0] === 'metric' && head[1] === 'value') return true; // the export's computed metrics
    if (line.header.length !== 2) return false;
    const headerIsRow = !!(incidentFieldOf(line.header[0]) || headerFieldOf(line.header[0]));
    const rows: TableRow[] = headerIsRow ? [{ line: line.line, raw: line.raw, cells: line.header }, ...line.rows] : line.rows;
    for (const row of rows) {
      const [label = '', cell = ''] = row.cells;
      // The export writes a field's bullets into its cell after ` • `; the incident's fields take one line.
      const value = /(?:^|\s)• /.test(cell) ? cellLines(cell).map((part) => part.replace(/^•\s*/, '')).join('; ') : cell;
      if (!this.factLine(`${plainText(label)}: ${value}`)) this.unplaced.row(row, this.heading);
    }
    return true;
  }

  private preambleLine(line: MarkdownLine): boolean {
    if (line.kind === 'table') return this.factTable(line);
    // The export lists the incident type even when the document left it at its default.
    if (line.kind === 'item' && /^\*\*Type:\*\* incident$/.test(line.text)) return true;
    if ((line.kind === 'item' || line.kind === 'text') && this.factLine(line.text)) return true;
    if (line.kind === 'heading') return false;
    // The export's list of facts shows a repeated field too (`- **ID:** INC-2`): kept in notes, not the summary.
    const fact = line.kind === 'item' && /^\*\*[^*]+:\*\* /.test(line.text) ? labelAndValue(line.text) : undefined;
    if (fact && (headerFieldOf(fact[0]) || incidentFieldOf(fact[0]))) return false;
    this.summaryFromPreamble.push(line);
    return true;
  }

  private detailsLine(line: MarkdownLine): boolean {
    if (line.kind === 'table') return this.factTable(line);
    return (line.kind === 'item' || line.kind === 'text') && this.factLine(line.text);
  }

  /** Under a heading that names a fact (`### Impact`), its first paragraph or list is the value. */
  private fieldHeadingLine(section: Section, line: MarkdownLine): boolean {
    if (!section.field || (line.kind !== 'text' && line.kind !== 'item')) return false;
    const value = plainText(line.text);
    const heading = plainText(section.heading?.text ?? '');
    const set = headerFieldOf(heading) ? this.setHeader(section.field, value) : this.setIncident(section.field, heading, value);
    if (!set && section.field === 'authors' && line.kind === 'item') {
      const authors = this.doc.header.find(([key]) => key === 'authors');
      if (authors) authors[1] = `${authors[1]}, ${value}`;
      return !!authors;
    }
    return set;
  }

  private summaryLine(line: MarkdownLine): boolean {
    if (line.kind === 'blank' || line.kind === 'rule') {
      if (this.doc.summary.length && this.doc.summary[this.doc.summary.length - 1] !== '') this.doc.summary.push('');
      return true;
    }
    if (line.kind === 'table') return this.factTable(line);
    if (line.kind === 'item') {
      if (this.factLine(line.text)) return true;
      this.doc.summary.push(`${'  '.repeat(line.depth)}- ${plainText(line.text)}`);
      return true;
    }
    if (line.kind === 'text') {
      if (this.factLine(line.text)) return true;
      this.doc.summary.push(plainText(line.text));
      return true;
    }
    return false;
  }

  // ---- timeline ----

  private timeline(section: Section): void {
    const heading = section.heading?.text ?? '';
    let defaultZone = zoneOfHeader(heading) ?? ALL_TIMES_IN.exec(heading)?.[1];
    let pendingDate: string | undefined;
    let last: Entry | undefined;
    const add = (stamp: string, text: string): Entry => {
      const event = { stamp, text, bullets: [] };
      this.doc.timeline.push(event);
      pendingDate = undefined;
      return event;
    };
    this.each(section, (line) => {
      if (line.kind === 'heading') {
        const date = leadingDate(plainText(line.text));
        if (date && plainText(line.text).length <= date.length + 12) {
          pendingDate = date.date;
          return true;
        }
        return false;
      }
      if (line.kind === 'table') {
        last = this.timelineTable(line, defaultZone) ?? last;
        return true;
      }
      if (line.kind !== 'item' && line.kind !== 'text') return false;
      const text = plainText(line.text);
      const said = ALL_TIMES_IN.exec(text);
      if (said) defaultZone = said[1];
      // `2026-09-16 (all times UTC)`: the date of the times below; the line itself stays in notes.
      const day = leadingDate(text);
      if (day && !leadingTime(text)) {
        pendingDate = day.date;
        return false;
      }
      const time = leadingTime(text, { defaultZone, date: pendingDate });
      if (time && (line.kind === 'text' || line.depth === 0)) {
        last = add(time.stamp, time.rest);
        return true;
      }
      if (last && line.kind === 'item' && line.depth > 0) {
        last.bullets.push(text);
        return true;
      }
      return false;
    });
  }

  private timelineTable(line: MarkdownLine & { kind: 'table' }, defaultZone: string | undefined): Entry | undefined {
    const roles = line.header.map((h) => timelineColumnOf(h));
    let timeColumns = roles.flatMap((r, i) => (r === 'time' ? [i] : []));
    let eventColumns = roles.flatMap((r, i) => (r === 'event' ? [i] : []));
    if (!timeColumns.length && line.header.length >= 2) timeColumns = [0];
    if (!eventColumns.length) eventColumns = line.header.map((_, i) => i).filter((i) => !timeColumns.includes(i) && roles[i] !== 'derived').slice(0, 1);
    if (!eventColumns.length) {
      this.unplace(line);
      return undefined;
    }
    const zone = timeColumns.map((i) => zoneOfHeader(line.header[i])).find(Boolean) ?? defaultZone;
    let last: Entry | undefined;
    for (const row of line.rows) {
      const time = leadingTime(timeColumns.map((i) => plainText(row.cells[i] ?? '')).join(' '), { defaultZone: zone });
      if (!time) {
        this.unplaced.row(row, this.heading);
        continue;
      }
      const parts = eventColumns.flatMap((i) => cellLines(row.cells[i] ?? ''));
      const bullets = parts.filter((p) => p.startsWith('•')).map((p) => p.replace(/^•\s*/, ''));
      const texts = [time.rest, ...parts.filter((p) => !p.startsWith('•'))].filter(Boolean);
      // Columns the template does not have (who, source) stay with their event.
      line.header.forEach((head, i) => {
        if (timeColumns.includes(i) || eventColumns.includes(i) || roles[i] === 'derived') return;
        const value = plainText(row.cells[i] ?? '');
        if (value && value !== '—' && value !== '-') texts.push(`(${plainText(head)}: ${value})`);
      });
      const event = { stamp: time.stamp, text: texts.join(' '), bullets };
      this.doc.timeline.push(event);
      last = event;
    }
    return last;
  }

  // ---- whys ----

  private whys(section: Section): void {
    let chain = this.doc.whys[this.doc.whys.length - 1];
    const startChain = () => {
      chain = { steps: [], title: section.title };
      this.doc.whys.push(chain);
      return chain;
    };
    const hasContent = (c: WhysChain | undefined) => !!c && (!!c.symptom || c.steps.length > 0 || !!c.rootCause);
    if (section.kind === 'whys' && (hasContent(chain) || !chain)) chain = startChain();
    if (!chain) chain = startChain();
    let last: Entry | undefined;
    const rootCauseHeading = section.kind === 'rootCause';
    this.each(section, (line) => {
      if (line.kind === 'heading') {
        if (sectionOfHeading(plainText(line.text)) === 'rootCause' || /^root causes?$/.test(normaliseLabel(line.text))) {
          last = undefined;
          return true;
        }
        return false;
      }
      if (line.kind !== 'item' && line.kind !== 'text') return false;
      const text = plainText(line.text);
      const pair = labelAndValue(line.text);
      const label = pair ? normaliseLabel(pair[0]) : '';
      const why = /^why(?:\s*#?\s*(\d+))?$/.exec(label);
      if (pair && label === 'symptom' && pair[1]) {
        if (hasContent(chain)) startChain();
        last = chain.symptom = { text: pair[1], bullets: [] };
        return true;
      }
      if (pair && why && (pair[1] || !line.text.includes('?'))) {
        const step = { text: pair[1], bullets: [], number: why[1] ? Number(why[1]) : undefined };
        chain.steps.push(step);
        last = step;
        return true;
      }
      if (pair && /^(?:the )?root causes?$/.test(label) && pair[1]) {
        if (chain.rootCause) return false;
        last = chain.rootCause = { text: pair[1], bullets: [] };
        return true;
      }
      if (line.kind === 'item' && line.ordered && line.depth === 0 && !rootCauseHeading && !chain.rootCause) {
        const step = { text, bullets: [], number: line.number };
        chain.steps.push(step);
        last = step;
        return true;
      }
      if (line.kind === 'item' && last && (line.depth > 0 || !line.ordered)) {
        last.bullets.push(text);
        return true;
      }
      if (line.kind === 'text' && rootCauseHeading && !chain.rootCause) {
        last = chain.rootCause = { text, bullets: [] };
        return true;
      }
      return false;
    });
    if (!hasContent(chain)) this.doc.whys.splice(this.doc.whys.indexOf(chain), 1);
  }

  // ---- factors and lessons ----

  private categories(section: Section, into: [string, string[]][], categoryOf: (label: string) => string | undefined): void {
    let current: string[] | undefined;
    const open = (name: string) => {
      const existing = into.find(([n]) => n === name);
      current = existing ? existing[1] : [];
      if (!existing) into.push([name, current]);
    };
    this.each(section, (line) => {
      if (line.kind === 'heading') {
        const name = categoryOf(plainText(line.text));
        if (name) open(name);
        else current = undefined;
        return !!name;
      }
      if (line.kind !== 'item' && line.kind !== 'text') return false;
      const pair = labelAndValue(line.text);
      const name = pair ? categoryOf(pair[0]) : categoryOf(plainText(line.text));
      // The template's guidance (`- What went well: What did we handle effectively?`) asks a question.
      if (name && pair?.[1].endsWith('?')) return false;
      if (name) {
        open(name);
        if (pair?.[1]) current!.push(pair[1]);
        return true;
      }
      if (!current) return false;
      current.push(plainText(line.text));
      return true;
    });
  }

  // ---- actions ----

  private nextActionId(): string {
    const used = new Set(this.doc.actions.map((a) => a.id.toUpperCase()));
    let n = 1;
    while (used.has(`A${n}`)) n++;
    return `A${n}`;
  }

  private actionId(written: string): string {
    const text = plainText(written).replace(/^#/, '');
    // A repeated ID stays as written: `check` reports it (PM037) and offers the next free one.
    if (ACTION_ID.test(text)) return text;
    if (/^\d{1,4}$/.test(text) && !this.doc.actions.some((a) => a.id === `A${text}`)) return `A${text}`;
    return this.nextActionId();
  }

  private setActionField(item: ImportedAction, key: string, value: string): boolean {
    if (!value || value === '—' || value === '-' || /^n\/?a$/i.test(value)) return true;
    if (item.fields.some(([k]) => k === key)) return false;
    let written = value;
    if (key === 'due') {
      const date = leadingDate(value);
      if (date) written = [date.date, value.slice(date.length).trim()].filter(Boolean).join(' ');
    }
    if (key === 'status') written = actionStatusOf(value) ?? value;
    if (key === 'priority' && /^p\s*\d$/i.test(value)) written = value.replace(/\s+/, '').toUpperCase();
    item.fields.push([key, written]);
    return true;
  }

  private actions(section: Section): void {
    const hasTable = section.lines.some((line) => line.kind === 'table' && line.header.some((h) => actionColumnOf(h) === 'title'));
    let item: ImportedAction | undefined;
    let detailsOf: ImportedAction | undefined;
    // A checkbox says done or not; a `Status:` line under the item says more and wins.
    const checked = new Map<ImportedAction, string>();
    this.each(section, (line) => {
      if (line.kind === 'heading') return false;
      // The export's count of overdue items is computed again by `check`.
      if (line.kind === 'text' && /^\*\*\d+ overdue\*\* as of \d{4}-\d{2}-\d{2}\.$/.test(line.text)) return true;
      if (line.kind === 'table') return this.actionTable(line);
      // The export's details under its table: `- **A1**`, then `  - _Why:_ …` and the item's bullets.
      if (hasTable && line.kind === 'item' && line.depth === 0) {
        const id = /^\*\*([^*]+)\*\*$/.exec(line.text.trim());
        // Details follow the table's order: a repeated ID names the next item that has it.
        const from = detailsOf ? this.doc.actions.indexOf(detailsOf) + 1 : 0;
        const named = id && this.doc.actions.find((a, i) => i >= from && a.id === plainText(id[1]));
        detailsOf = named || undefined;
        return !!named;
      }
      if (hasTable && line.kind === 'item' && line.depth > 0 && detailsOf) {
        const field = /^_([A-Za-z ]+):_ (.*)$/.exec(line.text.trim());
        const column = field ? actionColumnOf(field[1]) : undefined;
        if (field && column && (column === 'why' || column === 'verify' || column === 'addresses')
          && this.setActionField(detailsOf, column, plainText(field[2]))) return true;
        detailsOf.bullets.push(plainText(line.text));
        return true;
      }
      // With a table of actions, lists beside it are the template's guidance or prose: kept in notes.
      if (hasTable || (line.kind !== 'item' && line.kind !== 'text')) return false;
      const pair = labelAndValue(line.text);
      const column = pair ? actionColumnOf(pair[0]) : undefined;
      if (item && column && column !== 'title' && column !== 'id' && (line.kind === 'text' || line.depth > 0)) {
        return this.setActionField(item, column, pair![1]);
      }
      if (line.kind === 'item' && line.depth > 0 && item) {
        item.bullets.push(plainText(line.text));
        return true;
      }
      if (line.kind !== 'item') return false;
      const box = /^\[([ xX])\]\s*/.exec(line.text);
      item = this.actionFromListItem(box ? line.text.slice(box[0].length) : line.text);
      if (box) checked.set(item, box[1] === ' ' ? 'not-started' : 'done');
      this.doc.actions.push(item);
      return true;
    });
    for (const [action, status] of checked) this.setActionField(action, 'status', status);
  }

  private actionFromListItem(markdown: string): ImportedAction {
    const text = plainText(markdown);
    const id = /^([A-Za-z]{1,4}-?\d{1,4})\s*(?:[:.)—–-]\s*|\s+)/.exec(text);
    const item: ImportedAction = { id: id ? this.actionId(id[1]) : this.nextActionId(), title: id ? text.slice(id[0].length) : text, fields: [], bullets: [] };
    // `Add an alert (owner: @ops, due: 2025-03-01)`: the fields in parentheses at the end.
    const trailing = /\(([^()]*:[^()]*)\)\s*$/.exec(item.title);
    if (trailing) {
      const pairs = trailing[1].split(/[;,]\s*(?=[A-Za-z ]+:)/).map((part) => labelAndValue(part));
      if (pairs.every((p) => p && actionColumnOf(p[0]))) {
        item.title = item.title.slice(0, trailing.index).trim();
        for (const p of pairs) this.setActionField(item, actionColumnOf(p![0])!, p![1]);
      }
    }
    return item;
  }

  private actionTable(line: MarkdownLine & { kind: 'table' }): boolean {
    const columns = line.header.map((h) => actionColumnOf(h));
    if (!columns.includes('title')) return false;
    for (const row of line.rows) {
      const item: ImportedAction = { id: '', title: '', fields: [], bullets: [] };
      const extras: string[] = [];
      columns.forEach((column, i) => {
        const cell = row.cells[i] ?? '';
        if (column === 'id') {
          item.id = plainText(cell) ? this.actionId(cell) : '';
        } else if (column === 'title') {
          for (const [n, part] of cellLines(cell).entries()) {
            const pair = n > 0 ? labelAndValue(part) : undefined;
            const field = pair ? actionColumnOf(pair[0]) : undefined;
            if (part.startsWith('•')) item.bullets.push(part.replace(/^•\s*/, ''));
            else if (pair && field && field !== 'title' && field !== 'id' && this.setActionField(item, field, pair[1])) continue;
            else item.title = item.title ? `${item.title} ${part}` : part;
          }
        } else if (column) {
          const value = plainText(cell).replace(/\s*\(overdue\)$/, '');
          if (!this.setActionField(item, column, value)) extras.push(`${plainText(line.header[i])}: ${value}`);
        } else if (plainText(cell) && plainText(cell) !== '—') {
          extras.push(`${plainText(line.header[i])}: ${plainText(cell)}`);
        }
      });
      if (!item.title && !item.fields.length) {
        this.unplaced.row(row, this.heading);
        continue;
      }
      if (!item.id) item.id = this.nextActionId();
      item.bullets.push(...extras);
      this.doc.actions.push(item);
    }
    return true;
  }

  // ---- follow-up and notes ----

  private followupLine(line: MarkdownLine): boolean {
    if (line.kind !== 'item' && line.kind !== 'text') return false;
    const text = plainText(line.text);
    // A bullet under a note (the export writes them as a nested list).
    const last = this.doc.followup[this.doc.followup.length - 1];
    if (line.kind === 'item' && line.depth > 0 && last && this.followupOpen) {
      (last.bullets ??= []).push(text);
      return true;
    }
    const date = leadingDate(text);
    this.followupOpen = !!date;
    if (!date) return false;
    this.doc.followup.push({ date: date.date, text: text.slice(date.length).replace(/^\s*(?:[-–—:|]\s*)?/, '') });
    return true;
  }

  private notesLine(line: MarkdownLine): boolean {
    if (line.kind === 'blank' || line.kind === 'rule') {
      if (this.doc.notes.length) this.doc.notes.push('');
      return true;
    }
    if (line.kind === 'item') {
      this.doc.notes.push(`${'  '.repeat(line.depth)}- ${plainText(line.text)}`);
      return true;
    }
    if (line.kind === 'text') {
      this.doc.notes.push(plainText(line.text));
      return true;
    }
    return false;
  }
}

/** Imports a Markdown postmortem; throws NotAPostmortemError when it has no section of the template. */
export function importMarkdown(source: string, options: ImportOptions = {}): ImportResult {
  return new Importer().run(source, options);
}
