/**
 * Finds blame, person-as-cause, hindsight and minimizing wording in one line of prose, with exact
 * character offsets into that line. Regexes are compiled once: the default detector at module
 * load, one more per distinct set of configured people and phrases.
 */
import type { PostmortemConfig } from '../../analysis/types';
import { AnchorIndex, anchorWords } from './anchors';
import { matchesOf, phrasePattern, wordRegex } from './patterns';
import { HANDLE_SOURCE } from '../../language/handles';
import { MENTION_PRONOUN, ROLE, namesPattern, personPatterns, strictNamesRegex } from './people';
import {
  BLAME_PHRASES, CONCRETE_ACTION, HINDSIGHT_PHRASES, HYPOTHESIS_FRAME, MINIMIZING_PHRASES, VAGUE_ACTION_PHRASES,
  type HindsightKind,
} from './phrases';
import { OWNED_TRIGGERS, READER_TRIGGERS, SentenceReader, SYSTEMIC_QUESTION } from './sentence';
import { blankSkipped } from './skipped';

export type WordingCategory = 'blame' | 'person-as-cause' | HindsightKind | 'minimizing';

/** A replacement inside the same line, in offsets of that line. */
export interface LineEdit {
  start: number;
  end: number;
  newText: string;
  title: string;
}

export interface WordingMatch {
  category: WordingCategory;
  start: number;
  end: number;
  /** The words as written. */
  text: string;
  fix?: LineEdit;
  /** Blame or hindsight words inside a person-as-cause finding, which already covers them. */
  withinCause?: boolean;
  /** For a person as the cause: who is made the cause, when the sentence says it ("the engineer"). */
  agent?: string;
  /** For a person as the cause: the question about the system to ask instead. */
  question?: string;
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** The configuration the wording checks read. */
export type WordingConfig = Pick<PostmortemConfig, 'people' | 'blamePhrases' | 'allowedPhrases'>;

const isUpper = (c: string | undefined) => !!c && c !== c.toLowerCase() && c === c.toUpperCase();
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** An article right before a phrase; `rewrite`s that start with one replace it ("a human error"). */
const ARTICLE_BEFORE = /\b(?:a|an|the)\s{1,4}$/i;
const STARTS_WITH_ARTICLE = /^an?\s/i;
const WORD_CHAR = /\w/;

function rewriteFix(text: string, start: number, end: number, rewrite: string): LineEdit {
  let from = start;
  if (STARTS_WITH_ARTICLE.test(rewrite)) {
    // A short window keeps this constant-time on any line; "the" plus four spaces fits in it.
    const windowStart = Math.max(0, start - 8);
    const article = ARTICLE_BEFORE.exec(text.slice(windowStart, start));
    if (article) {
      const at = windowStart + article.index;
      if (at === 0 || !WORD_CHAR.test(text[at - 1])) from = at;
    }
  }
  return { start: from, end, newText: isUpper(text[from]) ? capitalize(rewrite) : rewrite, title: `Replace with “${rewrite}”` };
}

/** What follows a word whose deletion would leave a clause without its last word. */
const CLAUSE_END = /,?[ \t]*(?:$|[.!?;:)])/y;

/** Deletes a minimizing adverb with one adjacent space (and its comma: "Basically, …"). */
function deletionFix(text: string, start: number, end: number): LineEdit | undefined {
  CLAUSE_END.lastIndex = end;
  if (CLAUSE_END.test(text)) return undefined;
  const word = text.slice(start, end);
  const title = `Delete “${word}”`;
  let after = end;
  if (text[after] === ',') after++;
  if (text[after] === ' ') {
    const next = text[after + 1];
    // "Just restart the pod" → "Restart the pod": the next word takes over the capital.
    if (isUpper(text[start]) && next && next !== next.toUpperCase()) return { start, end: after + 2, newText: next.toUpperCase(), title };
    return { start, end: after + 1, newText: '', title };
  }
  if (start > 0 && text[start - 1] === ' ') return { start: start - 1, end: after, newText: '', title };
  return undefined;
}

/** Whether the modal at `start`–`end` states a hypothesis or an option of the time (see HYPOTHESIS_FRAME). */
function isHypothesis(text: string, start: number, end: number): boolean {
  const sentenceStart = Math.max(text.lastIndexOf('.', start), text.lastIndexOf(';', start), text.lastIndexOf('?', start)) + 1;
  return HYPOTHESIS_FRAME.before.test(text.slice(sentenceStart, start)) || HYPOTHESIS_FRAME.after.test(text.slice(end));
}

/** By start, the widest first. */
const byPosition = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start - b.start || b.end - a.end;

/** Of spans sorted by position, those that overlap no span kept before them. */
function withoutOverlaps<T extends { start: number; end: number }>(sorted: T[]): T[] {
  let end = -1;
  return sorted.filter((s) => {
    if (s.start < end) return false;
    end = s.end;
    return true;
  });
}

function spansOf(regex: RegExp, line: string, text = line): Span[] {
  return matchesOf(regex, text).map((m) => ({ ...m, text: line.slice(m.start, m.end) }));
}

/** One list entry, compiled, with what a match of it means. */
interface CompiledEntry {
  category: WordingCategory;
  regex: RegExp;
  /** Sticky look-behind for what must precede a match; its group 1 gives the finding's start. */
  before?: RegExp;
  rewrite?: string;
  deletable?: boolean;
}

/**
 * A line is a sentence or two; a "line" with thousands of the same phrase is generated or
 * corrupt text, and reporting its first matches is enough.
 */
const MAX_MATCHES_PER_ENTRY = 50;

/** Which diagnostic a category feeds: matches of one diagnostic never overlap. */
const RULE_OF: Record<WordingCategory, string> = {
  blame: 'PM040',
  'person-as-cause': 'PM042',
  counterfactual: 'PM041',
  hindsight: 'PM041',
  'failed-to': 'PM041',
  minimizing: 'PM043',
};

const VAGUE_ACTIONS = VAGUE_ACTION_PHRASES.map((e) => wordRegex(e.pattern));
/** Any person that is not a configured name, to tell whether a match rests on a name alone. */
const NON_NAME_PERSON = new RegExp(`${HANDLE_SOURCE}|${ROLE}|${MENTION_PRONOUN}`, 'i');

/** What most lines hold; shared, since a large document has tens of thousands of lines. */
const NO_MATCHES: readonly WordingMatch[] = [];

export class WordingDetector {
  private readonly entries: CompiledEntry[] = [];
  private readonly anchors = new AnchorIndex();
  /** Entries without an anchor word (a configured phrase such as "¯\\_(ツ)_/¯"): tried on every line. */
  private readonly unanchored: number[] = [];
  private readonly mention: RegExp;
  private readonly allowed?: RegExp;
  private readonly looseNames?: RegExp;
  private readonly strictNames?: RegExp;
  private readonly reader: SentenceReader;
  /** Anchor entries past the phrase lists: the reader's trigger words, then its owned trigger words. */
  private readonly readerEntry: number;

  constructor(config: WordingConfig) {
    const add = (anchors: string, entry: CompiledEntry) => {
      const id = this.entries.push(entry) - 1;
      if (anchorWords(anchors).length) this.anchors.add(anchors, id);
      else this.unanchored.push(id);
    };
    for (const e of BLAME_PHRASES) add(e.anchors, { category: 'blame', regex: wordRegex(e.pattern), ...(e.rewrite ? { rewrite: e.rewrite } : {}) });
    for (const phrase of config.blamePhrases.filter((p) => p.trim())) {
      // Any one word of a phrase is enough of an anchor: the phrase needs all of them.
      add(anchorWords(phrase)[0] ?? '', { category: 'blame', regex: wordRegex(phrasePattern(phrase), false) });
    }
    for (const e of HINDSIGHT_PHRASES) add(e.anchors, { category: e.kind, regex: wordRegex(e.pattern) });
    for (const e of MINIMIZING_PHRASES) add(e.anchors, { category: 'minimizing', regex: wordRegex(e.pattern), deletable: e.deletable });
    const people = personPatterns(config.people);
    for (const e of people.asCause) {
      add(e.anchors, {
        category: 'person-as-cause',
        regex: wordRegex(e.pattern, false),
        ...(e.before ? { before: new RegExp(`(?<=(${e.before}))`, 'iyd') } : {}),
      });
    }
    // The reader's trigger words share the one anchor scan per line.
    this.readerEntry = this.entries.length;
    this.anchors.add(READER_TRIGGERS, this.readerEntry);
    this.anchors.add(OWNED_TRIGGERS, this.readerEntry + 1);
    this.mention = new RegExp(people.mention, 'gi');
    const allowed = config.allowedPhrases.filter((p) => p.trim());
    if (allowed.length) this.allowed = new RegExp(allowed.map(phrasePattern).join('|'), 'gi');
    const names = namesPattern(config.people);
    if (names) {
      this.looseNames = new RegExp(names, 'i');
      this.strictNames = strictNamesRegex(config.people);
    }
    const stickyNames = this.strictNames && new RegExp(this.strictNames.source, 'y');
    this.reader = new SentenceReader({
      nameAt(line, start) {
        if (!stickyNames) return undefined;
        stickyNames.lastIndex = start;
        return stickyNames.test(line) ? stickyNames.lastIndex : undefined;
      },
    });
  }

  /** Blame, person-as-cause, hindsight and minimizing wording in one line, sorted by position. */
  scanLine(line: string): readonly WordingMatch[] {
    const anchored = this.anchors.scan(line);
    const ids = this.unanchored.length ? [...(anchored ?? []), ...this.unanchored] : anchored;
    if (!ids) return NO_MATCHES;
    const text = blankSkipped(line);
    const found: WordingMatch[] = [];
    const triggered = ids.includes(this.readerEntry);
    const causes = triggered || ids.includes(this.readerEntry + 1) ? this.reader.personCauses(text, !triggered) : [];
    for (const cause of causes) {
      found.push({
        category: 'person-as-cause', start: cause.start, end: cause.end, text: line.slice(cause.start, cause.end),
        agent: cause.agent, question: SYSTEMIC_QUESTION[cause.act],
      });
    }
    for (const id of ids) {
      const entry = this.entries[id];
      if (!entry) continue;
      for (const m of matchesOf(entry.regex, text, MAX_MATCHES_PER_ENTRY)) {
        let start = m.start;
        if (entry.before) {
          entry.before.lastIndex = m.start;
          const preceding = entry.before.exec(text);
          if (!preceding) continue;
          start = preceding.indices![1][0];
        }
        if (entry.category === 'counterfactual' && isHypothesis(text, start, m.end)) continue;
        const match: WordingMatch = { category: entry.category, start, end: m.end, text: line.slice(start, m.end) };
        if (entry.rewrite) match.fix = rewriteFix(line, start, m.end, entry.rewrite);
        else if (entry.deletable) {
          const fix = deletionFix(line, start, m.end);
          if (fix) match.fix = fix;
        }
        found.push(match);
      }
    }
    // Most lines that hold an anchor word hold no match: they need none of the work below.
    if (!found.length) return NO_MATCHES;
    // Person-as-cause findings first at equal positions, so the words inside them are known as such.
    found.sort((a, b) => byPosition(a, b) || Number(b.category === 'person-as-cause') - Number(a.category === 'person-as-cause'));
    this.nameAgents(found);
    const kept: WordingMatch[] = [];
    const endByRule = new Map<string, number>();
    let causeEnd = -1;
    for (const m of found) {
      if (m.category === 'person-as-cause') {
        if (this.restsOnMiscasedName(m.text)) continue;
        causeEnd = Math.max(causeEnd, m.end);
      } else if ((m.category === 'blame' || RULE_OF[m.category] === 'PM041') && m.end <= causeEnd) {
        m.withinCause = true;
      }
      // Of overlapping matches for one diagnostic, the first and widest wins.
      const rule = RULE_OF[m.category];
      if (m.start < (endByRule.get(rule) ?? -1)) continue;
      endByRule.set(rule, m.end);
      kept.push(m);
    }
    return this.withoutAllowed(text, kept);
  }

  /** People, roles and person pronouns named in a line (for a root cause). */
  personMentions(line: string): Span[] {
    const text = blankSkipped(line);
    const found = spansOf(this.mention, line, text).filter((s) => !this.restsOnMiscasedName(s.text));
    return this.withoutAllowed(text, found);
  }

  /** Vague phrases in an action title line. */
  vagueActions(line: string): Span[] {
    const text = blankSkipped(line);
    const found = VAGUE_ACTIONS.flatMap((regex) => spansOf(regex, line, text)).sort(byPosition);
    return this.withoutAllowed(text, withoutOverlaps(found));
  }

  /** Whether an action title names something concrete: a number, a code span or a control. */
  isConcreteAction(title: string): boolean {
    return CONCRETE_ACTION.test(title);
  }

  /**
   * Gives a person-as-cause match of the phrase lists the agent and question of the reader's
   * match it overlaps, or else the first person it names, so every message says who is made the cause.
   */
  private nameAgents(found: WordingMatch[]): void {
    const read = found.filter((m) => m.category === 'person-as-cause' && m.agent);
    for (const m of found) {
      if (m.category !== 'person-as-cause' || m.agent) continue;
      const twin = read.find((r) => r.start < m.end && m.start < r.end);
      if (twin) {
        m.agent = twin.agent;
        m.question = twin.question;
        continue;
      }
      this.mention.lastIndex = 0;
      const person = this.mention.exec(m.text);
      if (person) m.agent = person[0];
      m.question = SYSTEMIC_QUESTION.judgment;
    }
  }

  /** A match that holds a configured name only in the wrong case: "will" for the name "Will". */
  private restsOnMiscasedName(words: string): boolean {
    if (!this.strictNames || !this.looseNames!.test(words)) return false;
    return !this.strictNames.test(words) && !NON_NAME_PERSON.test(words);
  }

  /** `found`, sorted by start, without what overlaps an allowed phrase. */
  private withoutAllowed<T extends { start: number; end: number }>(text: string, found: T[]): T[] {
    if (!this.allowed || !found.length) return found;
    const allowed = matchesOf(this.allowed, text);
    if (!allowed.length) return found;
    // Allowed matches do not overlap each other, so one pass over both lists decides.
    let next = 0;
    return found.filter((f) => {
      while (next < allowed.length && allowed[next].end <= f.start) next++;
      return !(next < allowed.length && allowed[next].start < f.end);
    });
  }
}

const DEFAULT_DETECTOR = new WordingDetector({ people: [], blamePhrases: [], allowedPhrases: [] });
const configured = new Map<string, WordingDetector>();
/** Editors switch between a handful of configurations; more than this means something generates them. */
const MAX_CONFIGURED = 16;

/** The detector for a configuration, compiled once per distinct set of people and phrases. */
export function detectorFor(config: WordingConfig): WordingDetector {
  if (!config.people.length && !config.blamePhrases.length && !config.allowedPhrases.length) return DEFAULT_DETECTOR;
  const key = JSON.stringify([config.people, config.blamePhrases, config.allowedPhrases]);
  let detector = configured.get(key);
  if (!detector) {
    if (configured.size >= MAX_CONFIGURED) configured.delete(configured.keys().next().value!);
    detector = new WordingDetector(config);
    configured.set(key, detector);
  }
  return detector;
}
