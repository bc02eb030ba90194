/**
 * How the classic postmortem template's headings, labels and column names are written in real
 * Markdown postmortems, and which part of a `.postmortem` file each one stands for. Matching is
 * on a normalised form: lower case, numbering, emphasis, punctuation and parentheses removed.
 */

/** What a heading opens. `details` is the incident facts; `notes` is text kept as it is. */
export type SectionKind = 'summary' | 'details' | 'timeline' | 'whys' | 'rootCause' | 'factors' | 'actions' | 'lessons' | 'followup' | 'notes';

/** `## 3. Root Cause Analysis (RCA):` → `root cause analysis`. */
export function normaliseLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^\s*(?:\d+(?:\.\d+)*|[ivx]+|[a-h])[.)]\s+/, '')
    .replace(/^\s*\d+\s+(?=[a-z])/, '')
    .replace(/&/g, ' and ')
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9#;+-]+/g, ' ')
    .trim();
}

const SECTION_HEADINGS: readonly [RegExp, SectionKind][] = [
  [/^(?:incident )?summary$|^executive summary$|^tl ?;? ?dr$|^overview$|^abstract$|^what happened$|^description$/, 'summary'],
  [/^incident$|^(?:incident )?details$|^incident information$|^impact(?: assessment| and severity)?$|^severity(?: assessment)?$|^detection(?: and response)?$|^key (?:facts|metrics|times)$|^incident facts$|^metadata$/, 'details'],
  [/^(?:incident )?timeline(?: of events)?(?: example)?$|^chronology$|^sequence of events$/, 'timeline'],
  [/^root cause analysis$|^rca$|^(?:the )?(?:5|five) whys(?: method| analysis)?$|^why analysis$|^causal analysis$/, 'whys'],
  [/^root causes?$|^cause$|^causes$|^trigger$/, 'rootCause'],
  [/^contributing factors(?: example)?$|^factors$/, 'factors'],
  [/^(?:example )?action items$|^actions?(?: taken)?$|^corrective(?: and preventive)? actions$|^remediation(?: items)?$|^follow ?-?up actions$|^next steps$|^preventive actions$/, 'actions'],
  [/^lessons(?: learned| learnt)?$|^learnings$|^retrospective$/, 'lessons'],
  [/^follow ?-?up(?: tracking| notes)?$/, 'followup'],
  [/^notes$|^appendix$|^additional (?:notes|information|context)$|^other$/, 'notes'],
];

export function sectionOfHeading(text: string): SectionKind | undefined {
  const label = normaliseLabel(text).replace(/\s*:$/, '');
  return SECTION_HEADINGS.find(([pattern]) => pattern.test(label))?.[1];
}

const FACTOR_CATEGORIES: readonly [RegExp, string][] = [
  [/^process(?:es)?(?: gaps?| factors?)?$/, 'process'],
  [/^technical(?: gaps?| factors?)?$|^technology$|^tech(?:nical)? debt$|^system(?:s| factors)?$/, 'technical'],
  [/^cultur(?:e|al)(?: gaps?| factors?)?$|^people(?: factors)?$|^organi[sz]ational(?: factors)?$|^human factors$/, 'cultural'],
  [/^environment(?:al)?(?: gaps?| factors?)?$|^external(?: factors)?$/, 'environmental'],
];

export function factorCategoryOf(label: string): string | undefined {
  const text = normaliseLabel(label).replace(/\s*:$/, '');
  return FACTOR_CATEGORIES.find(([pattern]) => pattern.test(text))?.[1];
}

const LESSON_CATEGORIES: readonly [RegExp, string][] = [
  [/^(?:what )?went well$|^what worked(?: well)?$|^things that went well$|^positives?$/, 'went well'],
  [/^(?:what )?could (?:be )?improved?$|^what could (?:be |have gone )?better$|^(?:what )?went wrong$|^what (?:didnt|did not) go (?:so |as |very )?well$|^things that went wrong$|^to improve$|^improvements?$|^what was difficult(?: or slow)?$/, 'could improve'],
  [/^(?:what )?surprised us$|^surprises?$|^what we didnt expect$|^unexpected$/, 'surprised us'],
  [/^(?:what )?(?:we are |were |we will be )?changing$|^what we will change$|^changes$|^what changes$/, 'changing'],
];

export function lessonCategoryOf(label: string): string | undefined {
  const text = normaliseLabel(label).replace(/\s*:$/, '');
  return LESSON_CATEGORIES.find(([pattern]) => pattern.test(text))?.[1];
}

/** Incident fields by the labels people give them; the first pattern that matches wins. */
const INCIDENT_FIELDS: readonly [RegExp, string][] = [
  [/^(?:incident )?type$|^kind$/, 'type'],
  [/^detected by$|^who detected|^reported by$|^detection(?: source| method)?$|^how (?:was it )?detected$/, 'detected by'],
  [/^(?:date and )?time (?:incident )?(?:started|began)|^(?:incident )?(?:start(?:ed)?|began|beginning)(?: time| at| date)?$|^start time$/, 'started'],
  [/^(?:date and )?time (?:incident )?(?:detected)|^(?:first )?detected(?: time| at)?$|^detection (?:time|at)$|^time detected$/, 'detected'],
  [/^(?:date and )?time (?:response began|responded)|^respon(?:ded|se(?: began| start(?:ed)?)?)(?: time| at)?$/, 'responded'],
  [/^(?:date and )?time (?:incident )?mitigated|^mitigat(?:ed|ion)(?: time| at)?$/, 'mitigated'],
  [/^(?:date and )?time (?:incident )?(?:resolved|ended)|^(?:incident )?(?:resolved|resolution|ended|end)(?: time| at| date)?$|^end time$/, 'resolved'],
  [/^(?:total )?duration(?: of incident)?$|^length$/, 'duration'],
  [/^severity(?: level)?$|^sev$|^priority level$/, 'severity'],
  [/^(?:services? affected|affected services?|services?|systems? affected|affected systems?|components? affected)(?: and impact to users)?$/, 'services'],
  [/^users? affected$|^affected users$|^customers? affected$|^users? impacted$/, 'users affected'],
  [/^functionality(?: impacted| affected)?$|^features? (?:impacted|affected)$/, 'functionality'],
  [/^(?:business |customer |user |financial |financial or reputational )?impact$|^financial or reputational impact$/, 'impact'],
];

export function incidentFieldOf(label: string): string | undefined {
  const text = normaliseLabel(label).replace(/\s*:$/, '');
  return INCIDENT_FIELDS.find(([pattern]) => pattern.test(text))?.[1];
}

const HEADER_FIELDS: readonly [RegExp, string][] = [
  [/^(?:incident )?id$|^incident (?:number|#)$|^ticket$/, 'id'],
  [/^written$|^(?:postmortem |document )?date$|^date written$/, 'date'],
  [/^authors?$|^written by$|^prepared by$/, 'authors'],
  [/^(?:document |postmortem )?status$/, 'status'],
];

/** Header fields: `id`, `date`, `authors`, `status`. `type` and `severity` belong to the incident. */
export function headerFieldOf(label: string): string | undefined {
  const text = normaliseLabel(label).replace(/\s*:$/, '');
  return HEADER_FIELDS.find(([pattern]) => pattern.test(text))?.[1];
}

/** Action item columns and sub-fields by the names people give them. */
const ACTION_COLUMNS: readonly [RegExp, string][] = [
  [/^(?:id|#|no|number|item|ref)$/, 'id'],
  [/^(?:action(?: item)?|description|task|title|what|item description|follow ?-?up)$/, 'title'],
  [/^(?:priority|pri|prio)$/, 'priority'],
  [/^(?:owner|owners|assignee|assigned to|who|responsible|team)$/, 'owner'],
  [/^(?:due|due date|target(?: date)?|deadline|when|eta|by)$/, 'due'],
  [/^(?:status|state|progress)$/, 'status'],
  [/^(?:ticket|tickets|issue|link|jira|tracking|bug)$/, 'ticket'],
  [/^(?:why|rationale|reason)$/, 'why'],
  [/^(?:verify|verification|how to verify|verified by)$/, 'verify'],
  [/^(?:addresses|fixes|cause addressed)$/, 'addresses'],
];

export function actionColumnOf(label: string): string | undefined {
  const text = normaliseLabel(label).replace(/\s*:$/, '');
  return ACTION_COLUMNS.find(([pattern]) => pattern.test(text))?.[1];
}

/** Action statuses as people write them, to the language's statuses. */
const STATUS_WORDS: readonly [RegExp, string][] = [
  [/^(?:not[ -]?started|to ?do|open|new|planned|pending|backlog)$/, 'not-started'],
  [/^(?:in[ -]?progress|started|ongoing|doing|wip|in review|in flight)$/, 'in-progress'],
  [/^(?:blocked|on hold|waiting)$/, 'blocked'],
  [/^(?:done|complete|completed|closed|fixed|resolved|finished|shipped|merged)$/, 'done'],
  [/^verified$/, 'verified'],
  [/^(?:dropped|cancel+ed|wont ?(?:do|fix)|abandoned|rejected)$/, 'dropped'],
];

/** The language's status for a status as written; undefined keeps the words as they are. */
export function actionStatusOf(text: string): string | undefined {
  const words = normaliseLabel(text).replace(/[✅✔️]/g, '').trim();
  return STATUS_WORDS.find(([pattern]) => pattern.test(words))?.[1];
}

/** Timeline table columns: which one holds the time, which the event. */
export function timelineColumnOf(label: string): 'time' | 'event' | 'derived' | undefined {
  const text = normaliseLabel(label);
  if (/^(?:time|date|when|timestamp|date and time|date time|time and date|hour)$/.test(text)) return 'time';
  if (/^(?:event|events|description|what happened|what|action|details|activity|update|notes?)$/.test(text)) return 'event';
  if (/^(?:since start|elapsed|offset|t ?\+|delta)$/.test(text)) return 'derived';
  return undefined;
}

/** The zone a column header names, as in `Time (UTC)` or `Time (PST)`. */
export function zoneOfHeader(label: string): string | undefined {
  const m = /\(\s*([A-Z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|Z|[A-Za-z]+\/[A-Za-z_]+)\s*\)/.exec(label);
  return m?.[1];
}
