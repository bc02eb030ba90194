/**
 * The one postmortem template. It is written once, in VS Code's snippet syntax, and every way of
 * starting a postmortem uses it: the `template` snippet (snippets/postmortem.json is generated
 * from it), "Postmortem: New Postmortem" (which inserts it as a snippet) and `postmortem new`
 * (which writes the text the snippet inserts when nothing is typed). PM006 knows its
 * placeholders, so a template left unfilled is reported.
 */

/** The prose a template shows until the author replaces it; PM006 reports any of it left in. */
export const PROSE_PLACEHOLDERS = {
  title: 'What failed, in a few words',
  summary: 'What happened, the impact, and how it was resolved, in two or three sentences.',
  detectedBy: 'how the problem was noticed',
  services: 'the services affected',
  usersAffected: 'how many users',
  functionality: 'what users could not do',
  impact: 'failed requests, revenue, SLO budget spent',
  firstEvent: 'First sign of the problem',
  symptom: 'What was observed',
  firstWhy: 'Why the symptom happened',
  laterWhy: 'Why that happened',
  rootCause: 'The condition of the system the whys reach',
  process: 'A gap in a procedure, review or runbook',
  technical: 'A property of the software or infrastructure',
  cultural: 'A norm or pressure that shaped decisions',
  environmental: 'A condition outside the team’s control',
  action: 'A concrete change that prevents a recurrence',
  verify: 'How completion will be checked',
  wentWell: 'What worked',
  couldImprove: 'What slowed the response',
  surprisedUs: 'What the team did not expect',
  changing: 'What will be different (link the action items)',
} as const;

/** Handles that stand for "someone": the template's own and the ones people type while drafting. */
export const PLACEHOLDER_HANDLES: readonly string[] = ['@you', '@me', '@team', '@someone', '@owner', '@handle', '@tbd'];

/** The time every template timestamp starts at; identical `00:00` times are a template left in. */
export const PLACEHOLDER_TIME = '00:00';

const P = PROSE_PLACEHOLDERS;
const TODAY = '$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE';

/** The template in snippet syntax: `${n:default}` tab stops, `$CURRENT_*` for the local date. */
export const TEMPLATE_SNIPPET_LINES: readonly string[] = [
  `postmortem: \${1:${P.title}}`,
  'id: ${2:INC-$CURRENT_YEAR-000}',
  `date: ${TODAY}`,
  'authors: ${3:@you}',
  'status: draft',
  '',
  'summary:',
  `  \${4:${P.summary}}`,
  '',
  'incident:',
  '  type: ${5:incident}',
  `  started: ${TODAY} \${6:${PLACEHOLDER_TIME}} UTC`,
  `  detected: \${7:${PLACEHOLDER_TIME}} UTC`,
  `  detected by: \${8:${P.detectedBy}}`,
  `  responded: \${9:${PLACEHOLDER_TIME}} UTC`,
  `  mitigated: \${10:${PLACEHOLDER_TIME}} UTC`,
  `  resolved: \${11:${PLACEHOLDER_TIME}} UTC`,
  '  severity: ${12:SEV3}',
  `  services: \${13:${P.services}}`,
  `  users affected: \${14:${P.usersAffected}}`,
  `  functionality: \${15:${P.functionality}}`,
  `  impact: \${16:${P.impact}}`,
  '',
  'timeline:',
  `  \${17:${PLACEHOLDER_TIME}} UTC  \${18:${P.firstEvent}}`,
  '',
  'whys:',
  `  symptom: \${19:${P.symptom}}`,
  `  why 1: \${20:${P.firstWhy}}`,
  `  why 2: \${21:${P.laterWhy}}`,
  `  why 3: \${22:${P.laterWhy}}`,
  `  why 4: \${23:${P.laterWhy}}`,
  `  why 5: \${24:${P.laterWhy}}`,
  `  root cause: \${25:${P.rootCause}}`,
  '',
  'factors:',
  '  process:',
  `    - \${26:${P.process}}`,
  '  technical:',
  `    - \${27:${P.technical}}`,
  '  cultural:',
  `    - \${28:${P.cultural}}`,
  '  environmental:',
  `    - \${29:${P.environmental}}`,
  '',
  'actions:',
  `  A1: \${30:${P.action}}`,
  '    priority: ${31:P2}',
  '    owner: ${32:@team}',
  `    due: \${33:${TODAY}}`,
  '    status: not-started',
  `    verify: \${34:${P.verify}}`,
  '    addresses: ${35:root cause}',
  '',
  'lessons:',
  '  went well:',
  `    - \${36:${P.wentWell}}`,
  '  could improve:',
  `    - \${37:${P.couldImprove}}`,
  '  surprised us:',
  `    - \${38:${P.surprisedUs}}`,
  '  changing:',
  `    - \${39:${P.changing}}`,
  '$0',
];

/** Text that stands in a snippet as itself: `$`, `}` and `\` escaped. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** The template as a snippet, with `title` (when given) as the default of the first tab stop. */
export function templateSnippet(title?: string): string {
  const lines = [...TEMPLATE_SNIPPET_LINES];
  const cleaned = title && cleanTitle(title);
  if (cleaned) lines[0] = `postmortem: \${1:${escapeSnippetText(cleaned)}}`;
  return lines.join('\n');
}

/** The text the snippet inserts when every tab stop keeps its default, for the date `now` (local time, as VS Code's `$CURRENT_*`). */
export function templateText(now: Date, title?: string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const variables: Record<string, string> = {
    CURRENT_YEAR: String(now.getFullYear()),
    CURRENT_MONTH: pad(now.getMonth() + 1),
    CURRENT_DATE: pad(now.getDate()),
  };
  return resolveSnippet(templateSnippet(title), variables);
}

/** Resolves the snippet syntax the template uses: variables, `${n:default}`, `$n`, escapes. */
export function resolveSnippet(snippet: string, variables: Record<string, string>): string {
  let text = snippet.replace(/(?<!\\)\$([A-Z_]+)/g, (whole, name: string) => variables[name] ?? whole);
  // Innermost placeholders first, so a default may hold another placeholder.
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(/(?<!\\)\$\{\d+:((?:\\.|[^\\$}]|\$(?![{\d]))*)\}/g, (_, value: string) => value);
  }
  return text.replace(/(?<!\\)\$\{?\d+\}?/g, '').replace(/\\([\\$}])/g, '$1');
}

/** A title as one line: line breaks and runs of blanks become one space. */
export function cleanTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim();
}

/** `Checkout API errors during peak` → `checkout-api-errors-during-peak`; at most 60 characters, cut at a word. */
export function slugOf(title: string): string {
  const slug = cleanTitle(title)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug || 'postmortem';
  const cut = slug.slice(0, 61);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : 60).replace(/-+$/, '');
}

/** `2026-11-29-checkout-api-errors-during-peak.postmortem`, dated by the local day of `now`. */
export function postmortemFileName(now: Date, title: string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${slugOf(title)}.postmortem`;
}
