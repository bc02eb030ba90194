/**
 * Patterns for people: `@handles`, configured names, roles and pronouns, and the failure verbs
 * and agent phrases that make a person the cause (PM042, PM023).
 */
import { HANDLE_SOURCE } from '../../language/handles';
import { ADVERB, type AnchoredEntry } from './phrases';
import { escapeRegExp } from './patterns';

const DETERMINER = '(?:the|a|an|our|one|another|this|that|their|your|his|her)';
const ROLE_MODIFIER =
  '(?:junior|senior|new|on-?call|primary|secondary|backup|responding|same|other|database|release|platform|backend|back-end|frontend|front-end|infra|infrastructure|staff|lead|support|ops|devops|sre|security|network|overnight|weekend|night|tired|inexperienced|experienced|contract|external|responsible|assigned)';
/** Role nouns that name a person only after a determiner: "the engineer", not "engineer tooling". */
const ROLE_NOUN =
  '(?:(?:engineer|sre|person|responder|developer)\\s+on[-\\s]?call|on-?call\\s+(?:engineer|sre|person|responder|operator|developer)|on-?caller|on-?call|new\\s+hire|engineer|developer|dev|sre|intern|sysadmin|admin(?:istrator)?|dba|reviewer|author|deployer|contractor|employee|responder|incident\\s+commander|team\\s+member|teammate|colleague|tech\\s+lead|human\\s+operator)';
/** Roles that name a person even without a determiner: "New hire ran the script". */
const BARE_ROLE_NOUN = '(?:on-?call\\s+(?:engineer|sre|responder|developer)|new\\s+hire|intern|human\\s+operator)';

/** A role word in front of a thing is a modifier, not a person: "the admin console", "the on-call rotation". */
const NOT_A_MODIFIER =
  '(?![\\s-]+(?:environment|env|cluster|server|api|console|panel|account|token|key|role|tool|tooling|team|group|queue|field|portal|box|build|branch|stage|mode|workflow|pipeline|database|db|instance|endpoint|interface|ui|page|dashboard|rotation|schedule|channel|runbook|handbook|docs|documentation|access|permissions?|credentials?|laptop|machine|setup|config|configuration|onboarding|checklist|training|guide|process|handoff|tools|experience|productivity|portal|user|users|password|login)\\b)';

export const ROLE = `\\b(?:${DETERMINER}\\s+(?:${ROLE_MODIFIER}\\s+){0,2}${ROLE_NOUN}|(?:${ROLE_MODIFIER}\\s+){0,2}${BARE_ROLE_NOUN})\\b${NOT_A_MODIFIER}`;

/** Pronouns that stand for one person as the subject of a failure. "They" and "we" are left to PM041. */
const SUBJECT_PRONOUN = '\\b(?:he|she|someone|somebody)\\b';
/** Pronouns that show a root cause is about a person. */
export const MENTION_PRONOUN = '\\b(?:he|she|him|his|hers?|someone|somebody)\\b';

/** A person right after one of these is an object ("paged @bob", "to @bob"), not the subject. */
const NOT_SUBJECT = '(?<!\\b(?:to|for|with|from|of|at|on|by|about|via|than|paged|pinged|asked|told|called|notified|messaged|helped|thanked|reassigned|escalated\\s+to)\\s+)';

const GAP = `(?:\\s+${ADVERB}){0,2}\\s+`;

/** What a person as the subject of the sentence did that makes them the cause, with its anchor words. */
const FAILURE_VERBS: readonly AnchoredEntry[] = [
  // "broke down the problem", "broke the news" are not failures.
  {
    anchors: 'broke broken',
    pattern: '(?:(?:has|had|have)\\s+)?(?:broke(?!\\s+(?:down|out|into|up|through|ground|the\\s+news|the\\s+tie|even|free|away|off|in)\\b)|broken(?!\\s+(?:down|out|into|up)\\b))',
  },
  {
    anchors: 'ignored forgot forgotten neglected failed messed screwed botched bungled fumbled blundered goofed missed overlooked skipped misconfigured mistyped fingered fatfingered caused',
    pattern:
      '(?:(?:has|had|have)\\s+)?(?:ignored|forgot(?:ten)?(?:\\s+(?:to|about))?|neglected(?:\\s+to)?|failed\\s+to|(?:messed|screwed)\\s+up|botched|bungled|fumbled|blundered|goofed|missed|overlooked|skipped|misconfigured|mistyped|fat[\\s-]?fingered|caused)',
  },
  // Shipping something bad; "fixed the broken deploy" and "removed the bad node" are repairs.
  {
    anchors: 'bad broken faulty buggy bogus untested careless sloppy',
    pattern:
      '(?:pushed|deployed|merged|shipped|applied|wrote|committed|ran|introduced|rolled\\s+out|released|landed|uploaded|published)\\s+(?:(?:a|an|the|some)\\s+)?(?:bad|broken|faulty|buggy|bogus|untested|careless|sloppy)\\s+[\\w-]+',
  },
  // Acting on the wrong thing: "deleted the wrong table", "restarted the wrong host".
  {
    anchors: 'wrong incorrect',
    pattern:
      '(?!(?:fixed|corrected|reverted|found|spotted|identified|noticed|caught|flagged|removed|replaced|repaired|diagnosed|debugged|reported|investigated)\\b)(?:[a-z]+ed|ran|wrote|took|hit|picked|chose|sent|put|set|built|made)\\s+(?:a|an|the)\\s+(?:wrong|incorrect)\\s+[\\w-]+',
  },
  { anchors: 'introduced', pattern: 'introduced\\s+(?:a|an|the)\\s+(?:[\\w-]+\\s+)?(?:bug|regression|defect|typo|error|mistake)s?' },
  { anchors: 'slept', pattern: 'slept\\s+(?:through|on)' },
  // "made a typo fix" is a repair.
  { anchors: 'made', pattern: 'made\\s+(?:a|an)\\s+(?:[\\w-]+\\s+)?(?:mistake|error|blunder|typo)(?![\\s-]+(?:fix|fixes|correction|corrections|check|checks)\\b)' },
  {
    anchors: 'careless negligent sloppy reckless lazy incompetent inattentive blame fault responsible',
    pattern:
      '(?:was|is|were)\\s+(?:(?:very|so|too|being|completely|totally)\\s+)?(?:careless|negligent|sloppy|reckless|lazy|incompetent|inattentive|to\\s+blame|at\\s+fault|responsible\\s+for\\s+(?:the|this)\\s+(?:outage|incident|failure|problem|issue|breakage))',
  },
  {
    anchors: 'did didn never',
    pattern:
      "(?:did\\s+not|didn['’]t|never)\\s+(?:bother\\s+to\\s+)?(?:double[\\s-]?)?(?:check|test|notice|verify|follow|read|review|validate|confirm|run|look|see|catch|escalate|ack|acknowledge|respond|update|consider|realize|realise|communicate|wait|monitor|think)",
  },
  // Any action done "accidentally" or "mistakenly" puts the fault in the person.
  {
    anchors: 'accidentally mistakenly inadvertently carelessly wrongly incorrectly erroneously recklessly negligently unintentionally unknowingly sloppily blindly',
    pattern:
      '(?:accidentally|mistakenly|inadvertently|carelessly|wrongly|incorrectly|erroneously|recklessly|negligently|unintentionally|unknowingly|sloppily|blindly)\\s+[a-z]+(?:\\s+(?:up|down|out|off)\\b)?',
  },
];

const FAULT_NOUN = '(?:mistake|error|fault|screw-?up|blunder|oversight|negligence|carelessness|sloppiness|typo)s?\\b(?![\\s-]*(?:rate|budget|code|message|log|count|handling)s?\\b)';
const WORK_NOUN = '(?:change|commit|deploy(?:ment)?|pr|pull\\s+request|config(?:uration)?|script|command|edit|push|migration|patch|merge|query|rollout)s?';
const BREAKING_VERB = '(?:broke|caused|took\\s+down|brought\\s+down|knocked\\s+over|crashed|corrupted|deleted|wiped)\\b';

/**
 * A person-as-cause pattern. Scanning a line for a rare failure word and then looking back for
 * the person is far cheaper than trying every word of every line as a possible subject, so a
 * pattern may be split: `pattern` finds the failure words, `before` must stand right before them
 * and holds the person; the finding then starts where `before` starts.
 */
export interface CauseEntry extends AnchoredEntry {
  before?: string;
}

/** The pieces built from configuration: names of people, besides `@handles`. */
export interface PersonPatterns {
  asCause: CauseEntry[];
  /** Any mention of a person (PM023). */
  mention: string;
}

export function namesPattern(names: readonly string[]): string | undefined {
  const usable = names.map((n) => n.trim()).filter(Boolean);
  if (!usable.length) return undefined;
  usable.sort((a, b) => b.length - a.length);
  return `(?<![\\w@])(?:${usable.map((n) => n.split(/\s+/).map(escapeRegExp).join('\\s+')).join('|')})(?![\\w])`;
}

/**
 * A names regex that respects the capital of a capitalised name, so "Will" and "Mark" in the
 * configuration do not match the words "will" and "mark"; the rest of the name ignores case.
 */
export function strictNamesRegex(names: readonly string[]): RegExp | undefined {
  const usable = names.map((n) => n.trim()).filter(Boolean);
  if (!usable.length) return undefined;
  const one = (name: string) =>
    [...name]
      .map((c, i) => {
        if (/\s/.test(c)) return '\\s+';
        const lower = c.toLowerCase();
        const upper = c.toUpperCase();
        if (lower === upper) return escapeRegExp(c);
        if (i === 0 && c === upper) return escapeRegExp(c);
        return `[${escapeRegExp(lower)}${escapeRegExp(upper)}]`;
      })
      .join('')
      .replace(/(\\s\+)+/g, '\\s+');
  return new RegExp(`(?<![\\w@])(?:${usable.map(one).join('|')})(?![\\w])`);
}

export function personPatterns(names: readonly string[]): PersonPatterns {
  const named = namesPattern(names);
  const person = `(?:${HANDLE_SOURCE}|${ROLE}|${SUBJECT_PRONOUN}${named ? `|${named}` : ''})`;
  // "his mistake" stays with PM040; "his change broke" names the person as the cause.
  const possessive = `${person}['’]s`;
  return {
    asCause: [
      ...FAILURE_VERBS.map((verb) => ({ anchors: verb.anchors, before: `${NOT_SUBJECT}${person}${GAP}`, pattern: `\\b(?:${verb.pattern})\\b` })),
      {
        anchors: 'mistake mistakes error errors fault faults screw screwup screwups blunder blunders oversight oversights negligence carelessness sloppiness typo typos',
        before: `${possessive}\\s+(?:own\\s+)?`,
        pattern: `\\b${FAULT_NOUN}`,
      },
      {
        anchors: 'broke caused took brought knocked crashed corrupted deleted wiped',
        before: `(?:${possessive}|\\b(?:his|her))\\s+(?:[\\w-]+\\s+){0,2}?${WORK_NOUN}(?:\\s+${ADVERB})?\\s+`,
        pattern: `\\b${BREAKING_VERB}`,
      },
      {
        anchors: 'caused broken broke messed screwed brought taken took because due blame blamed blames blaming fault result made',
        pattern: `\\b(?:(?:caused|broken|broke|messed\\s+up|screwed\\s+up|brought\\s+down|taken\\s+down|took\\s+down|(?:mistakes?|errors?)\\s+(?:was|were)\\s+made)\\s+by|because\\s+of|due\\s+to|blame[ds]?\\s+on|blaming|(?:the\\s+)?(?:fault|result)\\s+of)\\s+${person}(?:['’]s\\s+[\\w-]+)?`,
      },
    ],
    mention: `(?:${HANDLE_SOURCE}|${ROLE}|${MENTION_PRONOUN}${named ? `|${named}` : ''})`,
  };
}
