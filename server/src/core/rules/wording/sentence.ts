/**
 * Reads a line of prose as sentences and clauses, to find a person made the cause of an incident:
 * who is the agent (a person, a role, a team, a pronoun, a name) and what kind of act is put on
 * them (an error verb, an error adverb, a wrong target, an omission, a judgment, a harm done).
 * Phrase lists cannot see that "the engineer errantly wiped the primary" and "the engineer
 * noticed the command had run on the primary" differ only in who did what and how.
 *
 * Only lines holding one of the trigger words are read: most prose has none.
 */

/** The kinds of act a sentence can pin on a person; each has its own systemic question. */
export type ActKind = 'accident' | 'wrong-target' | 'typo' | 'omission' | 'misreading' | 'ignored' | 'deviation' | 'harm' | 'judgment';

/** What a person is asked instead: the systemic question for each kind of act (see docs/wording.md). */
export const SYSTEMIC_QUESTION: Record<ActKind, string> = {
  accident: 'what let an unintended action go through without a check or a confirmation',
  'wrong-target': 'what let the action reach the wrong target without a check',
  typo: 'what let a mistyped value through without validation or a confirmation',
  omission: 'which check, reminder or step in the procedure was missing',
  misreading: 'what in the interface or the procedure made the situation easy to misread',
  ignored: 'what made the warnings easy to dismiss at the time',
  deviation: 'what made the standard process hard to follow at that moment',
  harm: 'what allowed one action to have that much effect',
  judgment: 'what made the action look reasonable at the time',
};

export interface PersonCause {
  /** Offsets in the line: the agent and the act, whichever comes first to whichever ends last. */
  start: number;
  end: number;
  /** The agent as written: "the engineer", "Sam", "he". */
  agent: string;
  act: ActKind;
}

interface Token {
  lower: string;
  start: number;
  end: number;
  /** Written with a capital. */
  capital: boolean;
  /** "engineer's", "pilots'" */
  possessive: boolean;
}

/** Words, handles, numbers, and the punctuation that ends a sentence or a clause. */
const TOKEN = /(?<![\w.@])@[\w.-]*\w(?:\/[\w.-]*\w)?|[A-Za-z](?:[\w'’-]*[A-Za-z0-9])?|\d[\w.,:%/-]*|[;:!?,()]|\.(?=\s|$)|[-–—](?=\s)/g;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    let word = m[0];
    let end = m.index + word.length;
    let possessive = false;
    const lower = word.toLowerCase();
    if (/['’]s$/.test(lower)) {
      possessive = true;
      word = word.slice(0, -2);
    } else if (/s$/.test(lower) && /['’]/.test(text[end] ?? '')) {
      possessive = true;
      end++;
    }
    tokens.push({ lower: word.toLowerCase(), start: m.index, end, capital: /^[A-Z]/.test(word), possessive });
  }
  return tokens;
}

const set = (words: string) => new Set(words.split(/\s+/).filter(Boolean));

/** Where one sentence ends and the next starts. */
const SENTENCE_END = set('. ! ? ; :');
/** Words that start a clause with a subject of its own: an act after them is not the earlier agent's. */
const CLAUSE_BREAK = set('because since so but although though whereas until unless while which - – —');

/** Role nouns that stand for a person (or, plural, for people). */
const ROLE_SINGULAR = set(
  'engineer developer dev programmer operator technician tech admin administrator sysadmin dba sre intern hire contractor employee responder reviewer deployer ' +
    'signaller signaler signalman pilot captain copilot co-pilot officer supervisor manager member teammate colleague person analyst trader dispatcher worker staffer commander on-call on-caller oncall',
);
const ROLE_PLURAL = set(
  'engineers developers devs programmers operators technicians admins administrators sysadmins dbas sres interns hires contractors employees responders reviewers ' +
    'signallers signalers pilots captains officers supervisors managers members teammates colleagues analysts traders workers staffers staff personnel',
);
/** Groups that act together. */
const COLLECTIVE = set('team crew board management');
/** A role word before one of these is a modifier of a thing: "the admin console", "the on-call rotation". */
const THING_AFTER_ROLE = set(
  'environment env cluster server api console panel account token key role tool tooling team group queue field portal box build branch stage mode workflow pipeline database db ' +
    'instance endpoint interface ui page dashboard rotation schedule channel runbook handbook docs documentation access permission permissions credential credentials laptop machine ' +
    'setup config configuration onboarding checklist training guide process handoff tools experience productivity user users password login error errors pager pagers phone shift shifts alias handover duty load burden',
);
/** Software that shares a role's name: "the Kubernetes operator". */
const SOFTWARE_BEFORE_ROLE = set('kubernetes k8s crd cluster database postgres mysql redis kafka');
const DETERMINER = set('the a an our their his her its this that another each every one');
/** Pronouns for one person. */
const PERSON_PRONOUN = set('he she someone somebody');

/** Given names common enough in postmortems to be read as people without configuration (ambiguous words such as "Will" or "Mark" left out). */
const GIVEN_NAMES = set(
  'aaron adam adrian ahmed aisha alan alex alice amir amy ana andrea andrew anna anton arjun ben beth bob brian carla carlos chen chris claire dan daniel david deepak diego dmitri ' +
    'emily emma eric erik fatima felix george hana hannah hugo ian igor ivan jack james jane jason javier jen jenny jessica jim joe john jon jordan jose juan kate ken kevin kim ' +
    'lars laura lee lena leo li lisa liam lucas luis maria marta marcus mario matt mei michael mike mohammed nadia nick nina noah noor olga omar oscar pablo paul pedro peter priya ' +
    'rahul raj ravi rob robert rui ryan sam sara sarah sean sergei sofia sophie steve susan tom tomas tony victor wei yuki zoe ' +
    'abdul akira alberto alejandro ali alicia allison amanda amit andre andrey angela anil anjali ashley ben benjamin brandon brett caroline catherine charles charlie ' +
    'chloe christian christina christopher connor craig dave deborah dennis derek dimitri dylan eduardo elena eli elizabeth ellie emil ethan evan fernando florian ' +
    'francesco gabriel gabe greg hassan heather henry hiroshi isaac isabel jake jamal jeff jeremy jessie joel jonas jonathan josh joshua julian justin kai karen ' +
    'karl katie keith kenji kyle leah linda lucy luca manuel marco marek martin mateo matthew megan melissa miguel mikhail mohamed monica nathan neil nikhil ' +
    'nicole oliver olivia omar patrick peng pradeep rachel rafael rebecca ricardo richard rohan samuel sanjay sebastian shawn simon stefan stephen tanya thomas ' +
    'tim timothy tyler vanessa vijay vikram vivek william xavier yusuf zach',
);

/** Verbs that only a person does: a capitalised word before one of them is a name ("Sam forgot"). */
const HUMAN_ONLY_VERB = set('forgot mistyped misread misunderstood misjudged mistook overlooked neglected botched bungled fumbled goofed fat-fingered panicked thought');

/** Words before a noun phrase that make it an object or a complement rather than the subject. */
const OBJECT_MARKER = set(
  'to for with from at on about via than into onto against between among toward towards like without behind under over through of in after before during ' +
    'let gave give told tell asked ask paged page pinged called call notified thanked helped punish blame blamed trained train told saw see sent send had have has got get made make',
);

/** Error adverbs: any act done this way is put on the agent as an accident. */
const ERROR_ADVERB = set('accidentally inadvertently mistakenly unintentionally erroneously errantly wrongly incorrectly carelessly recklessly negligently sloppily blindly unknowingly');
/** Adjectives that make an act an error: "made an inadvertent change", "placed a misconfigured element". */
const ERROR_ADJECTIVE = set('inadvertent accidental mistaken erroneous incorrect careless misconfigured faulty buggy bogus untested badly');

/** Verbs that are a person's error by themselves, with the kind of act. */
const ERROR_VERB: ReadonlyMap<string, ActKind> = new Map([
  ...[...set('mistyped fat-fingered fatfingered')].map((w) => [w, 'typo'] as const),
  ...[...set('misconfigured mislabelled mislabeled botched bungled fumbled blundered goofed broke')].map((w) => [w, 'accident'] as const),
  ...[...set('misread misunderstood misjudged misinterpreted misidentified mismanaged mistook over-relied overrelied')].map((w) => [w, 'misreading'] as const),
  ...[...set('forgot forgotten neglected overlooked missed skipped')].map((w) => [w, 'omission'] as const),
  ...[...set('ignored disregarded dismissed')].map((w) => [w, 'ignored'] as const),
  ...[...set('bypassed bypassing circumvented circumventing deviated skipping')].map((w) => [w, 'deviation'] as const),
  ...[...set('ignoring disregarding')].map((w) => [w, 'ignored'] as const),
]);
/** "broke" that is not a failure: "broke down the problem", "broke the news". */
const NOT_BREAKING_AFTER = set('down out into up through ground even free away off in');

/** Acts a person is expected to do: "did not drain", "never checked". */
const DUTY_VERB = set(
  'check test notice verify follow read review validate confirm run look see catch escalate ack acknowledge respond update consider realise realize communicate wait monitor ' +
    'think drain copy pause apply slow stop remove restart notify report double-check use ensure approach',
);

/** Harm done: an agent whose act is followed by one of these in the same clause is made the cause. */
const HARM_PHRASE = /(?:took\s+down|take\s+down|taking\s+down|brought\s+down|took\s+out|knocked\s+out|(?:wiped|wiping|truncated)(?=\s+(?:(?:the|our|its|their|all|every|an?|one\s+of\s+the)\s+)?(?:[\w-]+\s+)?(?:primary|production|prod|live|database|databases|db|data|table|tables|disk|disks|cluster|bucket|directory|volume|customer|customers|servers?)\b)|flooding|cutting\s+off|damaging|(?:triggered|caused|causing|led\s+(?:directly\s+)?to|resulted\s+in)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?(?:outage|incident|crash|collision|accident|derailment|failure|overfeed|disruption))\b/iy;

/** Cues that an act hit the wrong target or was done the wrong way. */
const WRONG_WAY =
  /(?:instead\s+of|rather\s+than|(?:the|a)\s+wrong|against\s+(?:the\s+)?(?:production|prod|live|primary)\b|(?:not|without)\s+realis|(?:not|without)\s+realiz|thinking\s+(?:that\s+)?(?:he|she|i|they|we)\s+(?:was|were)|too\s+(?:quickly|early|soon|fast|little\s+time)|with\s+too\s+little|in\s+an\s+uncontrolled|without\s+(?:testing|review|checking|the\s+required|approval|a\s+review|telling|(?:a\s+|the\s+)?(?:canary|dry[\s-]run|rollback\s+plan|backup|peer\s+review|second\s+(?:approval|reviewer|pair\s+of\s+eyes))\b)|before\s+the\s+[\w-]+(?:\s+[\w-]+)?\s+had\s+finished|went\s+outside|lost\s+(?:track|(?:situational\s+)?awareness)|(?:that|which)\s+(?:could|would|can|might)\s+easily)/iy;

/** Words that start a noun phrase: after "instead of" they name a target, not an action. */
const TARGET_START = set('the a an our their its this that these those one all every each his her my your');
const ENVIRONMENT = set('staging production prod dev development test testing local primary secondary replica');
/** What is meant for another environment than production. */
const MEANT_FOR_ELSEWHERE = set('local test tests testing staging dev development debug sandbox laptop');
/** Nouns after a fault noun that make it a thing: "a typo fix", "the error rate". */
const FAULT_COMPOUND = set('fix fixes correction corrections check checks rate rates budget budgets handling handler message messages log logs count counts code codes page pages');

/** Verbs of finding or repairing: "found the wrong record", "corrected the wrong value" ("removed the wrong line" is the error itself). */
const FINDING_VERB = set('fixed corrected reverted found spotted identified noticed caught flagged repaired diagnosed debugged reported investigated traced');

/** Present and future modals: what follows is a rule, a plan or an ability, not something done. */
const MODAL = set("should shouldn't shouldn’t must mustn't mustn’t will won't won’t can cannot can't can’t may need needs ought");

/** The first words of WRONG_WAY, HARM_PHRASE and the error adverbials: other tokens skip those regexes. */
const PHRASE_START = set(
  'that which instead rather the a against not without thinking too with in before went lost took take taking brought knocked wiped wiping truncated flooding cutting damaging triggered caused causing led resulted by',
);
const ERROR_ADVERBIAL = /(?:by|in)\s+(?:mistake|accident|error)\b/iy;

/** The match of sticky `regex` at `at` in `text`, if any. */
function matchAt(regex: RegExp, text: string, at: number): string | undefined {
  regex.lastIndex = at;
  return regex.exec(text)?.[0];
}

/** Nouns that judge a person's act: "a simple mistake by the on-call", "the signaller's lapse". */
const FAULT_NOUN = set('mistake mistakes error errors slip slips lapse lapses typo typos oversight blunder misjudgment misjudgement negligence inattention failure loss');
/** Judging adjectives before a possessed noun: "the captain's inadequate monitoring". */
const JUDGING_ADJECTIVE = set('inadequate poor insufficient improper careless sloppy reckless negligent');
/** What a possessive agent may own that can be named as the cause: "the technician's change as the cause". */
const CAUSE_WORD = /^(?:as\s+the\s+(?:[\w-]+\s+)?cause|(?:was|is)\s+(?:the\s+)?(?:[\w-]+\s+)?cause|caused|led\s+(?:directly\s+)?to|took\s+down|brought\s+down|removed|deleted|wiped|broke)\b/i;
const CAUSE_STATEMENT = /\b(?:cause|causes)\s+(?:was|were|is)\s+(?:the\s+)?$/i;

/** Any of these words in a line sends it to the reader; the detector's anchor scan looks for them (anchors.ts). */
export const READER_TRIGGERS = [
  ...ERROR_ADVERB, ...ERROR_ADJECTIVE, ...ERROR_VERB.keys(),
  'mistake', 'accident', 'did', 'didn', 'never', 'failed', 'instead', 'rather', 'wrong', 'production', 'prod', 'live', 'primary', 'realising', 'realizing',
  'thinking', 'too', 'uncontrolled', 'without', 'finished', 'outside', 'lost', 'took', 'take', 'taking', 'brought', 'knocked', 'wiped', 'wiping', 'truncated',
  'flooding', 'cutting', 'damaging', 'triggered', 'caused', 'causing', 'led', 'resulted', 'confused', 'bad', 'broken', 'made', 'easily',
].join(' ');
/**
 * Fault nouns and judging adjectives are common on their own ("error rate", "packet loss"): they
 * send a line to the reader only with an owner or an agent, "the signaller's lapse", "an error by".
 */
export const OWNED_TRIGGERS = [...FAULT_NOUN, ...JUDGING_ADJECTIVE, 'cause', 'removed', 'deleted'].join(' ');
const OWNER_OR_AGENT = /\b(?:by|in\s+error)\b|\w['’]s?\s/i;

interface Agent {
  from: number;
  /** Token index of the head noun or pronoun. */
  head: number;
  /** One person (blame for omissions) rather than a group (hindsight for omissions). */
  single: boolean;
  /** "we": only error verbs and adverbs put a cause on it. */
  we: boolean;
  /** Followed by "'s": the agent owns what comes next. */
  possessive: boolean;
  /** The agent after "by" in a passive: "was removed by the on-call engineer". */
  passive: boolean;
}

export interface PeopleMatcher {
  /** Whether `words`, from `start` in the line, begins with a configured name; its end if so. */
  nameAt(line: string, start: number): number | undefined;
}

/** Reads people and what is put on them. One instance per detector: the configured names differ. */
/**
 * Lines read, by text: an edit re-analyses the whole document, and all but the edited line read
 * the same as before. Cleared when full, which only a generated document reaches.
 */
const MAX_CACHED_LINES = 4096;

export class SentenceReader {
  private readonly cache = new Map<string, PersonCause[]>();

  constructor(private readonly people: PeopleMatcher) {}

  /**
   * The people made the cause of something in `text` (a line, skipped regions blanked), given
   * which trigger words the line holds: READER_TRIGGERS, or only OWNED_TRIGGERS.
   */
  personCauses(text: string, onlyOwned = false): PersonCause[] {
    if (onlyOwned && !OWNER_OR_AGENT.test(text)) return [];
    let causes = this.cache.get(text);
    if (!causes) {
      if (this.cache.size >= MAX_CACHED_LINES) this.cache.clear();
      causes = this.read(text);
      this.cache.set(text, causes);
    }
    return causes;
  }

  private read(text: string): PersonCause[] {
    const tokens = tokenize(text);
    const out: PersonCause[] = [];
    let sentenceStart = 0;
    for (let i = 0; i <= tokens.length; i++) {
      if (i === tokens.length || SENTENCE_END.has(tokens[i].lower)) {
        if (i > sentenceStart) this.readSentence(text, tokens, sentenceStart, i, out);
        sentenceStart = i + 1;
      }
    }
    return out;
  }

  private readSentence(text: string, tokens: Token[], from: number, to: number, out: PersonCause[]): void {
    const agents: Agent[] = [];
    for (let i = from; i < to; i++) {
      const agent = this.agentAt(text, tokens, i, from, to);
      if (agent) {
        agents.push(agent);
        i = agent.head;
      }
    }
    for (const agent of agents) {
      const found = this.actOf(text, tokens, agent, from, to);
      if (found) out.push(found);
    }
  }

  /** The agent whose noun phrase starts at token `i`, if it stands where a subject stands. */
  private agentAt(text: string, tokens: Token[], i: number, from: number, to: number): Agent | undefined {
    const t = tokens[i];
    const previous = i > from ? tokens[i - 1].lower : undefined;
    // Inside a noun phrase already tried from its start ("paged the database team"): no new agent.
    if (previous !== undefined && (DETERMINER.has(previous) || tokens[i - 1].possessive) && previous !== 'one') return undefined;
    const passive = previous === 'by';
    const subjectLike = passive || previous === undefined || !OBJECT_MARKER.has(previous) && !/(?:ed|ing)$/.test(previous);
    // An object is no agent ("paged the engineer"), unless it owns the act ("the result of the signaller's lapse").
    const agent = (head: number, single: boolean, we = false): Agent | undefined =>
      subjectLike || tokens[head].possessive ? { from: i, head, single, we, possessive: tokens[head].possessive, passive } : undefined;

    if (t.lower.startsWith('@')) return agent(i, true);
    const nameEnd = this.people.nameAt(text, t.start);
    if (nameEnd !== undefined) {
      let head = i;
      while (head + 1 < to && tokens[head + 1].end <= nameEnd) head++;
      return agent(head, true);
    }
    if (PERSON_PRONOUN.has(t.lower) || t.lower === 'i' && t.capital) return agent(i, true);
    if (t.lower === 'we') return agent(i, false, true);
    if (t.capital && GIVEN_NAMES.has(t.lower)) return agent(i, true);
    // An unknown capitalised word or initials before a verb only people do: "Sam forgot", "YP thought".
    if (t.capital && i + 1 < to && HUMAN_ONLY_VERB.has(tokens[i + 1].lower) && !DETERMINER.has(t.lower)) return agent(i, true);
    if (t.lower === 'they' && i + 1 < to && HUMAN_ONLY_VERB.has(tokens[i + 1].lower)) return agent(i, false);

    // "one of the engineers", "someone on the team"
    let j = i;
    if (t.lower === 'one' && tokens[i + 1]?.lower === 'of') {
      j = i + 2;
      while (j < to && j < i + 8 && !ROLE_PLURAL.has(tokens[j].lower)) j++;
      if (j < to && ROLE_PLURAL.has(tokens[j].lower) && !this.isThing(tokens, j, to)) return agent(j, true);
      return undefined;
    }
    // A determiner (or a possessive owner: "Knight's technician"), up to three modifiers, a role noun.
    const determined = DETERMINER.has(t.lower) || t.possessive;
    if (determined) j = i + 1;
    // Without a determiner, modifiers only at the start of a clause ("IT staff worked …"), not inside a phrase ("a simple mistake by …").
    const atClauseStart = previous === undefined || previous === ',' || previous === 'and' || passive || CLAUSE_BREAK.has(previous);
    const last = determined || atClauseStart ? Math.min(to, j + 4) : Math.min(to, j + 1);
    for (let k = j; k < last; k++) {
      const word = tokens[k].lower;
      if (ROLE_SINGULAR.has(word) || ROLE_PLURAL.has(word) || COLLECTIVE.has(word)) {
        // "team member", "crew members": the member is the agent.
        if (word === 'team' && k + 1 < to && /^members?$/.test(tokens[k + 1].lower)) continue;
        // "a contractor's technician": the owner is a modifier of the agent.
        if (tokens[k].possessive && k + 1 < to && (ROLE_SINGULAR.has(tokens[k + 1].lower) || ROLE_PLURAL.has(tokens[k + 1].lower))) continue;
        if (this.isThing(tokens, k, to)) return undefined;
        if (k > from && SOFTWARE_BEFORE_ROLE.has(tokens[k - 1].lower)) return undefined;
        // "the on-call engineer", "the shift supervisor": the last role word is the head.
        while (k + 1 < to && (ROLE_SINGULAR.has(tokens[k + 1].lower) || ROLE_PLURAL.has(tokens[k + 1].lower)) && !tokens[k].possessive) k++;
        const plural = ROLE_PLURAL.has(tokens[k].lower) || COLLECTIVE.has(tokens[k].lower);
        // A bare plural ("Engineers deleted …") stands for people; a bare singular ("engineer tooling") does not.
        if (!determined && k === i && !plural && word !== 'on-call') return undefined;
        if (this.isThing(tokens, k, to)) return undefined;
        return agent(k, !plural);
      }
      // Modifiers are plain lower-case words or product names ("S3 team member", "flight crew").
      if (SENTENCE_END.has(word) || CLAUSE_BREAK.has(word) || word === ',' || word === 'and' || OBJECT_MARKER.has(word)) return undefined;
      if (k > j && (ERROR_ADVERB.has(word) || ERROR_VERB.has(word))) return undefined;
    }
    return undefined;
  }

  /** A fault noun that judges, not one that names a thing ("a typo fix", "the error rate"). */
  private isFault(tokens: Token[], k: number): boolean {
    return FAULT_NOUN.has(tokens[k].lower) && !FAULT_COMPOUND.has(tokens[k + 1]?.lower ?? '');
  }

  /** A role word used as a modifier: "the on-call rotation", "the admin console". */
  private isThing(tokens: Token[], k: number, to: number): boolean {
    return k + 1 < to && THING_AFTER_ROLE.has(tokens[k + 1].lower) && !tokens[k].possessive;
  }

  /** The act this agent is made the cause of, if any. */
  private actOf(text: string, tokens: Token[], agent: Agent, from: number, to: number): PersonCause | undefined {
    const head = tokens[agent.head];
    const agentText = text.slice(tokens[agent.from].start, head.end).replace(/['’]s?$/, '');
    const found = (start: number, end: number, act: ActKind): PersonCause => ({
      start: Math.min(start, tokens[agent.from].start),
      end: Math.max(end, head.end),
      agent: agentText,
      act,
    });

    // The clause: from the agent to the next break. A fronted "Instead of X, the engineer …" belongs to it too.
    const fronted =
      tokens[from] && /^(?:instead|rather)$/.test(tokens[from].lower) && tokens[agent.from - 1]?.lower === ',' && this.namesTarget(tokens, from + 2, tokens[from].lower === 'instead');
    let clauseEnd = agent.head + 1;
    while (clauseEnd < to && !CLAUSE_BREAK.has(tokens[clauseEnd].lower)) clauseEnd++;

    // A possessive agent: "the signaller's lapse", "the captain's inadequate monitoring", "the technician's change as the cause".
    if (agent.possessive && !agent.we) {
      const next = tokens[agent.head + 1];
      if (!next) return undefined;
      const owned = next.lower === 'own' ? tokens[agent.head + 2] : next;
      const ownedAt = next.lower === 'own' ? agent.head + 2 : agent.head + 1;
      if (owned && (this.isFault(tokens, ownedAt) || JUDGING_ADJECTIVE.has(owned.lower))) return found(owned.start, owned.end, 'judgment');
      const restStart = tokens[Math.min(agent.head + 2, to - 1)]?.start ?? head.end;
      const rest = text.slice(restStart, tokens[clauseEnd - 1]?.end ?? text.length);
      const cause = CAUSE_WORD.exec(rest) ?? CAUSE_WORD.exec(text.slice(tokens[agent.head + 1].end).trimStart().replace(/^[\w-]+\s+/, ''));
      if (cause || CAUSE_STATEMENT.test(text.slice(0, tokens[agent.from].start))) return found(next.start, next.end, 'harm');
      return undefined;
    }

    // Fault nouns right before a passive agent: "a simple mistake by the on-call", "an error made by a technician".
    if (agent.passive) {
      for (let k = agent.from - 2; k >= Math.max(from, agent.from - 4); k--) {
        if (this.isFault(tokens, k)) return found(tokens[k].start, head.end, 'judgment');
      }
    }

    if (fronted && !agent.we) return found(tokens[from].start, tokens[from].end, 'wrong-target');
    for (let k = agent.head + 1; k < clauseEnd; k++) {
      const word = tokens[k].lower;
      const at = tokens[k].start;
      const phrase = PHRASE_START.has(word);
      if (ERROR_ADVERB.has(word)) return found(at, tokens[k].end, 'accident');
      const adverbial = phrase && matchAt(ERROR_ADVERBIAL, text, at);
      if (adverbial) return found(at, at + adverbial.length, 'accident');
      // "should be working against production", "will remove": a rule or a plan, not an act.
      if (MODAL.has(word)) return undefined;
      const verbAct = this.verbAct(tokens, k, clauseEnd, agent);
      if (verbAct) return found(at, verbAct.end, verbAct.act);
      if (agent.we) continue;
      // "identified the wrong DNS record and corrected it" finds the fault, it does not make it.
      const wrong = phrase && !(k > 0 && FINDING_VERB.has(tokens[k - 1].lower)) && matchAt(WRONG_WAY, text, at);
      if (wrong && this.isWrongWay(tokens, agent.head + 1, k, wrong)) {
        const act: ActKind = /^(?:that|which)/i.test(wrong) ? 'judgment' : /^(?:went|lost|not|without\s+realis|without\s+realiz|thinking)/i.test(wrong)
          ? /^went/i.test(wrong) ? 'deviation' : 'misreading'
          : /^(?:too|with|in\s+an|without|before)/i.test(wrong) ? 'deviation' : 'wrong-target';
        return found(at, at + wrong.length, act);
      }
      const harm = phrase && matchAt(HARM_PHRASE, text, at);
      if (harm) return found(at, at + harm.length, 'harm');
      if (ERROR_ADJECTIVE.has(word) && k > agent.head + 1) return found(tokens[k].start, tokens[k].end, 'accident');
      if (/^(?:made|makes|make)$/.test(word)) {
        // "made an error", "made a simple mistake", "made a typo"
        for (let n = k + 1; n < Math.min(clauseEnd, k + 4); n++) {
          if (this.isFault(tokens, n) && tokens[n].lower !== 'failure' && tokens[n].lower !== 'loss') return found(tokens[k].start, tokens[n].end, 'judgment');
        }
      }
      if (/^(?:confused|confuses)$/.test(word)) {
        for (let n = k + 1; n < Math.min(clauseEnd, k + 6); n++) if (tokens[n].lower === 'with') return found(tokens[k].start, tokens[k].end, 'misreading');
      }
    }
    return undefined;
  }

  /**
   * Whether a WRONG_WAY cue at token `k` says so. "Instead of"/"rather than" before a verb is a
   * choice ("instead of restarting, drained the node"), before a noun phrase a wrong target
   * ("instead of the secondary"); "against production" is wrong only for something meant for
   * elsewhere ("ran my local reset script against the production connection").
   */
  private isWrongWay(tokens: Token[], clauseFrom: number, k: number, cue: string): boolean {
    if (/^(?:instead|rather)/i.test(cue)) return this.namesTarget(tokens, k + 2, /^instead/i.test(cue));
    if (/^against/i.test(cue)) {
      for (let n = clauseFrom; n < k; n++) if (MEANT_FOR_ELSEWHERE.has(tokens[n].lower)) return true;
      return false;
    }
    return true;
  }

  /**
   * Whether token `k`, after "instead of" or "rather than", starts a target rather than an action:
   * an action after "instead of" is an -ing form ("instead of restarting"), after "rather than" it
   * may be a bare verb ("rather than wait"), so there a target must look like one.
   */
  private namesTarget(tokens: Token[], k: number, insteadOf: boolean): boolean {
    const t = tokens[k];
    if (!t) return false;
    if (insteadOf) return !/ing$/.test(t.lower) || ENVIRONMENT.has(t.lower);
    return TARGET_START.has(t.lower) || ENVIRONMENT.has(t.lower) || /\d/.test(t.lower) || t.capital || t.possessive;
  }

  /** An error verb or an omission at token `k`, said of `agent`. */
  private verbAct(tokens: Token[], k: number, end: number, agent: Agent): { act: ActKind; end: number } | undefined {
    const word = tokens[k].lower;
    const next = tokens[k + 1]?.lower;
    const act = ERROR_VERB.get(word);
    if (act) {
      if (word === 'broke' && next && NOT_BREAKING_AFTER.has(next)) return undefined;
      // "forgot to", "neglected to": the whole verb.
      if ((next === 'to' || next === 'about') && /^(?:forgot|forgotten|neglected)$/.test(word)) return { act, end: tokens[k + 1].end };
      return { act, end: tokens[k].end };
    }
    if (agent.we) return undefined;
    // Omissions: "did not drain", "never checked", "failed to slow"; a group's are hindsight (PM041).
    if (!agent.single) return undefined;
    if (word === 'failed' && next === 'to') return { act: 'omission', end: tokens[k + 1].end };
    let n = k;
    if ((word === 'did' && next === 'not') || word === "didn't" || word === 'didn’t' || word === 'never') {
      n = word === 'did' ? k + 2 : k + 1;
      if (tokens[n]?.lower === 'bother' && tokens[n + 1]?.lower === 'to') n += 2;
      if (tokens[n] && /^(?:fully|properly|even|actually|first)$/.test(tokens[n].lower)) n++;
      const verb = tokens[n]?.lower.replace(/(?:ed|s)$/, '');
      if (n < end && verb && (DUTY_VERB.has(tokens[n].lower) || DUTY_VERB.has(verb) || DUTY_VERB.has(`${verb}e`))) return { act: 'omission', end: tokens[n].end };
    }
    return undefined;
  }
}
