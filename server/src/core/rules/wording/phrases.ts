/**
 * The wording lists behind PM023, PM035 and PM040–PM043, by category. Every pattern is matched
 * case-insensitively against one line of prose, with word boundaries, and must not contain a
 * capturing group. Exclusions live next to the phrase they protect, so each entry reads as a
 * whole: what it reports and which neutral uses of the same words it leaves alone.
 */
import type { PatternEntry } from './patterns';

/**
 * A list entry with the words (space-separated, whole words) of which any match contains at
 * least one; lines without them skip the entry's regex. See anchors.ts.
 */
export interface AnchoredEntry extends PatternEntry {
  anchors: string;
}

/** Blame or judgment (PM040). `rewrite` is offered only where it keeps the sentence grammatical. */
export interface BlameEntry extends AnchoredEntry {
  rewrite?: string;
}

/** Words that turn a blame phrase into a statement that nobody is to blame. */
const NOT_BLAMING = "(?<!(?:\\b(?:no\\s+one|nobody|noone|not|never|neither)|n['’]t)\\s+(?:(?:is|was|were|are|be|being|been)\\s+)?)";
/** Technical nouns that follow "error" without any judgment: "their error rate". */
const ERROR_COMPOUND = '(?![\\s-]*(?:rate|budget|code|message|log|count|handling|page|path|state|response)s?\\b)';
/** Technical nouns after "fault": "fault tolerance", "fault injection", "fault domain". */
const FAULT_COMPOUND = '(?![\\s-]*(?:toleran|domain|inject|handl|detect|isolat|zone|line|code|model|tree|budget))';
/** A Kubernetes, database or cluster "operator" is software. */
const SOFTWARE_OPERATOR = '(?<!(?:kubernetes|k8s|crd|cluster|database|postgres|mysql|redis|kafka)\\s+)';

/**
 * "Human error" as something a design guards against, or denied, is not a cause: "to limit the
 * chance of human error", "steps prone to human error", "reduces human error", "no human error".
 */
const GUARDED_AGAINST =
  '(?<!\\b(?:(?:chances?|risks?|likelihood|potential|room|possibility|scope|odds|sources?)\\s+(?:of|for)|prone\\s+to|(?:limit|reduce|minimi[sz]e|prevent|avoid|eliminate|catch|absorb|tolerate)(?:s|d|ing)?|against|no|not|nor|without)\\s+(?:(?:the|a|an|any|more|less)\\s+)?)';

export const BLAME_PHRASES: readonly BlameEntry[] = [
  { anchors: 'human', pattern: GUARDED_AGAINST + 'human\\s+errors', rewrite: 'manual steps without safeguards' },
  { anchors: 'human', pattern: GUARDED_AGAINST + 'human\\s+(?:error|mistake)', rewrite: 'a manual step without a safeguard' },
  // A Kubernetes or database "operator" is software; its errors are not a person's.
  { anchors: 'operator', pattern: GUARDED_AGAINST + SOFTWARE_OPERATOR + 'operator\\s+errors', rewrite: 'operator actions without safeguards' },
  { anchors: 'operator', pattern: GUARDED_AGAINST + SOFTWARE_OPERATOR + 'operator\\s+error' + ERROR_COMPOUND, rewrite: 'an operator action without a safeguard' },
  { anchors: 'pilot', pattern: 'pilot\\s+errors?' },
  // "an engineer error", "user error": a role's error named as a cause. A "driver" or "controller" error is often software's.
  {
    anchors: 'engineer engineering developer technician admin administrator staff user employee contractor crew',
    pattern: GUARDED_AGAINST + '(?:engineer|developer|technician|admin|administrator|staff|user|employee|contractor|crew)\\s+errors?' + ERROR_COMPOUND,
  },
  { anchors: 'pebkac pebcak id id10t layer', pattern: 'pebkac|pebcak|id-?10-?t|layer[\\s-]*8\\s+(?:issue|problem|error)s?' },
  {
    anchors: 'careless carelessly carelessness sloppy sloppily sloppiness negligent negligently negligence reckless recklessly recklessness',
    pattern: 'careless(?:ly|ness)?|sloppy|sloppily|sloppiness|negligen(?:t|tly|ce)|reckless(?:ly|ness)?',
  },
  // "lazy loading" and friends are a technique, not a judgment.
  {
    anchors: 'lazy laziness',
    pattern:
      'lazy(?![\\s-]+(?:load|eval|init|instan|val|seq|iter|fetch|import|propert|static|comput|bind|compil|migrat|expan|delet|creat|alloc|pars|render|hydrat|mount|quantifier|match|consumer|reader|writer|list|cache|field))|laziness',
  },
  {
    anchors: 'incompetent incompetently incompetence incompetency stupid stupidity stupidly idiot idiots idiotic dumb',
    pattern: 'incompeten(?:t|tly|ce|cy)|stupid(?:ity|ly)?|idiot(?:s|ic)?|dumb\\s+(?:mistake|error|move|thing)s?',
  },
  {
    anchors: 'irresponsible irresponsibly irresponsibility unprofessional unprofessionally inexcusable excuse inattentive inattention complacent complacency complacence',
    pattern: 'irresponsib(?:le|ly|ility)|unprofessional(?:ly)?|inexcusable|no\\s+excuse|inattenti(?:ve|on)|complacen(?:t|cy|ce)',
  },
  {
    anchors: 'dropped asleep apple apples rookie amateur amateurish beginner',
    pattern: 'dropped\\s+the\\s+ball|asleep\\s+at\\s+the\\s+(?:wheel|switch)|bad\\s+apples?|(?:rookie|amateur(?:ish)?|beginner)\\s+(?:mistake|error|move)s?',
  },
  { anchors: 'judgment judgement', pattern: '(?:poor|bad)\\s+judge?ment', rewrite: 'a judgment call' },
  { anchors: 'judgment judgement', pattern: 'error\\s+(?:in|of)\\s+judge?ment', rewrite: 'a judgment call' },
  { anchors: 'lapse lapses', pattern: 'lapses?\\s+(?:in|of)\\s+(?:judge?ment|attention|concentration|focus)' },
  // "a wrong call to the billing API" is a request, not a decision.
  { anchors: 'wrong', pattern: 'wrong\\s+call(?!\\s+(?:to|from|in|into|on)\\s+(?:the|a|an|our|its|this|that)\\b)', rewrite: 'decision' },
  { anchors: 'wrong', pattern: 'wrong\\s+decision', rewrite: 'decision' },
  { anchors: 'blame fault', pattern: NOT_BLAMING + '(?:to\\s+blame|at\\s+fault' + FAULT_COMPOUND + ')' },
  // "Our mistakes" owns a failure as an organisation, as apologies do ("we hope others learn from our mistakes").
  {
    anchors: 'mistake mistakes fault blunder blunders screwup screwups screw',
    pattern: '(?:his|her|their|my|your)\\s+(?:own\\s+)?(?:mistakes?|fault|blunders?|screw-?ups?)|our\\s+(?:own\\s+)?(?:fault|screw-?ups?)',
  },
  { anchors: 'his her', pattern: '(?:his|her)\\s+(?:own\\s+)?errors?' + ERROR_COMPOUND },
  // "whose fault", "the fault of", "the vendor's fault" — but not "the disk's fault tolerance".
  {
    anchors: 'fault',
    pattern: "whose\\s+fault|the\\s+fault\\s+of|[\\w.-]+['’]s\\s+fault" + FAULT_COMPOUND,
  },
  {
    anchors: 'screw screwed screws screwing screwup screwups messed messing mess blunder blunders blundered botched bungled goofed',
    pattern: 'screw(?:ed|s|ing)?[\\s-]*up|screwups?|mess(?:ed|ing)\\s+up|mess-ups?|blunder(?:s|ed)?|botched|bungled|goofed',
  },
  {
    anchors: 'lack lacked lacks lacking',
    pattern: 'lack(?:ed|s|ing)?\\s+(?:of\\s+)?(?:attention|care|diligence|discipline|focus|rigou?r|professionalism|accountability|common\\s+sense|competence)(?:\\s+to\\s+detail)?',
  },
  { anchors: 'attention', pattern: "(?:not|n['’]t|never)\\s+pa(?:y|ying|id)\\s+(?:enough\\s+|close\\s+|proper\\s+)?attention" },
  { anchors: 'blame', pattern: 'blame\\s+(?:lies|rests|falls|lay|fell)\\s+(?:with|on)' },
  { anchors: 'known knew', pattern: '(?:known|knew)\\s+better' },
  { anchors: 'bother bothered', pattern: "(?:couldn['’]t|could\\s+not|didn['’]t|did\\s+not|never)\\s+(?:be\\s+)?bother(?:ed)?(?:\\s+to)?" },
  { anchors: 'accountable', pattern: '(?:hold|held|holding)\\s+(?:[\\w@-]+\\s+){0,2}accountable' },
  { anchors: 'fat fatfingered', pattern: 'fat[\\s-]?fingered', rewrite: 'mistyped' },
  { anchors: 'fat fatfinger fatfingers fatfingering', pattern: 'fat[\\s-]?finger(?:s|ing)?' },
];

/** How a counterfactual or hindsight phrase misleads, which decides the advice (PM041). */
export type HindsightKind = 'counterfactual' | 'hindsight' | 'failed-to';

export interface HindsightEntry extends AnchoredEntry {
  kind: HindsightKind;
}

/** Adverbs that may stand between a subject or modal and its verb. */
export const ADVERB = "(?:[a-z]+ly|also|then|never|still|again|later|even|already|just|simply|somehow|first|both|all)";

/** People, roles and pronouns whose "failed to" is hindsight rather than a person as the cause (PM042 has the rest). */
const COLLECTIVE_SUBJECT =
  '(?:we|they|i|you|(?:the|our|my|your|their)\\s+(?:[\\w-]+\\s+)?(?:team|crew|board|management)|(?:the\\s+)?(?:[\\w-]+\\s+)?(?:responders|engineers|developers|reviewers|operators|pilots|technicians|administrators|controllers|on-?call\\s+engineers|people|folks|staff|management)|the\\s+(?:company|firm|utility|bank|carrier|organi[sz]ation|business|vendor|provider))';
/** What only people or organisations fail to do, whoever the subject: "FirstEnergy failed to trim trees". */
const DUTY_FAILED = '(?:failed|neglected)\\s+to\\s+(?:trim|challenge|communicate|follow|recogni[sz]e|heed|plan|anticipate|appreciate|understand|consider|escalate|review|ensure|invest|staff|train|learn|prepare|act\\s+on|take\\s+into\\s+account|account\\s+for)';
/** People who bore an outage: what they "would have seen" or "would have been unable to" describes the impact, not a missed chance. */
const AFFECTED_PARTY_SAW =
  '(?!(?<=\\b(?:customers|users|callers|clients|visitors|merchants|subscribers|people|anyone|everyone|requests|calls|buyers|riders|passengers)\\s+(?:[\\w-]+\\s+){0,3})\\w+\\s+(?:[a-z]+ly\\s+)?have\\s+(?:seen|heard|received|experienced|encountered|noticed|gotten|got|hit|observed|had|faced|succeeded|failed|been|lost|waited)\\b)';

export const HINDSIGHT_PHRASES: readonly HindsightEntry[] = [
  { kind: 'counterfactual', anchors: 'would', pattern: `had\\s+(?:we|they|i|you|he|she|someone|the\\s+team|@[\\w.-]+)\\b[^.;!?]{0,80}?\\bwould\\b` },
  // "would have to restart" is an obligation, not a counterfactual.
  { kind: 'counterfactual', anchors: 'should shouldn would wouldn might mightn', pattern: `${AFFECTED_PARTY_SAW}(?:should|would|might)(?:\\s+not|n['’]t)?\\s+(?:${ADVERB}\\s+)?have\\b(?!\\s+to\\b)` },
  // "could not have known" and "nobody could have known" state a limit of foresight, not hindsight.
  { kind: 'counterfactual', anchors: 'could', pattern: `${AFFECTED_PARTY_SAW}(?<!\\b(?:nobody|no\\s+one|noone|none\\s+of\\s+us)\\s+)could\\s+(?:${ADVERB}\\s+)?have\\b(?!\\s+to\\b)` },
  { kind: 'counterfactual', anchors: 'should could would might shoulda coulda woulda ought only', pattern: "(?:should|could|would|might)['’]ve\\b|shoulda|coulda|woulda|ought\\s+(?:not\\s+)?to\\s+have\\b|if\\s+only\\b" },
  { kind: 'failed-to', anchors: 'failed neglected', pattern: `${COLLECTIVE_SUBJECT}(?:\\s+${ADVERB}){0,2}\\s+(?:failed|neglected)\\s+to\\b` },
  { kind: 'failed-to', anchors: 'failed neglected', pattern: DUTY_FAILED },
  { kind: 'hindsight', anchors: 'obvious obviously', pattern: "(?<!(?:\\bnon-|(?:\\b(?:not|less|no|never|nothing|hardly|far\\s+from)|n['’]t)\\s+(?:[\\w-]+\\s+)?))obvious(?:ly)?" },
  // "clearly" reports a judgment ("clearly wrong"); "labelled clearly", "more clearly" describe a manner
  // and "latency clearly improved" a measurement.
  {
    kind: 'hindsight',
    anchors: 'clearly',
    pattern:
      '(?<!\\b(?:more|less|as|very|so|how|too|quite|say|says|said|tell|tells|told|show|shows|indicat\\w*|spell\\w*|communicat\\w*|explain\\w*|document\\w*|label\\w*|writ\\w*|stat\\w*|describ\\w*|mark\\w*|defin\\w*|separat\\w*|nam\\w*|speak\\w*|spoke|present\\w*)\\s+)clearly(?!\\s+(?:label|mark|defin|document|separat|nam|written|stat|communicat|describ|explain|identif|readabl|distinguish|understood|articulat|worded|structured|legibl|enough|improv|recover|drop|decreas|increas|rose|fell|reduc|stabili))',
  },
  { kind: 'hindsight', anchors: 'hindsight retrospect inevitable inevitably inevitability course matter', pattern: '(?:(?:in|with)\\s+(?:the\\s+benefit\\s+of\\s+)?)?hindsight(?![\\s-]+bias)|in\\s+retrospect\\b|inevitab(?:le|ly|ility)|of\\s+course|(?:only\\s+)?a\\s+matter\\s+of\\s+time' },
  {
    kind: 'hindsight',
    anchors: 'sign signs red',
    pattern:
      '(?:warning\\s+signs?|red\\s+flags?|the\\s+signs)\\s+(?:were|was|had\\s+been)\\s+(?:\\w+\\s+)?(?:ignored|missed|overlooked|there|obvious)|(?:ignored|missed|overlooked)\\s+(?:the\\s+|all\\s+the\\s+|obvious\\s+|clear\\s+)?(?:warning\\s+signs?|red\\s+flags?)',
  },
];

/** Minimizing words (PM043). `deletable` words can go without breaking the sentence. */
export interface MinimizingEntry extends AnchoredEntry {
  deletable: boolean;
}

/** "not just a config problem" widens rather than minimizes. */
const NOT_WIDENING = "(?<!(?:\\bnot|n['’]t)\\s+)";

export const MINIMIZING_PHRASES: readonly MinimizingEntry[] = [
  // Temporal and approximate "just" ("had just", "just now", "just before", "just-in-time", "just under 5%") is not minimizing.
  {
    deletable: true,
    anchors: 'just',
    pattern:
      NOT_WIDENING +
      "(?<!(?:\\b(?:had|has|have|having|only)|['’](?:d|ve))\\s+)just(?![\\s-]+(?:now|then|in[\\s-]+time|in[\\s-]+case|before|after|as|under|over|above|below|past|prior|ahead|behind|shy|short|when|once|enough|like|about|around|beyond|started|begun|beginning)\\b)(?!-)",
  },
  { deletable: true, anchors: 'simply basically merely', pattern: NOT_WIDENING + '(?:simply|basically|merely)' },
  // "easy to miss" describes a trap in the system; "make the runbook easy to find" is a goal.
  {
    deletable: false,
    anchors: 'easy',
    pattern:
      "(?<!(?:\\b(?:not|no|never|nor|neither|less|how|far\\s+from)|n['’]t)\\s+(?:[\\w-]+\\s+)?)(?<!\\b(?:make|makes|made|making|keep|keeps)\\s+(?:[\\w-]+\\s+){0,3})easy(?!\\s+to\\s+(?:miss|overlook|confuse|mistake|misread|misconfigure|misuse|forget|skip|get\\s+wrong|mix\\s+up|trigger|break|lose|ignore|find|see|spot))(?!-)",
  },
  { deletable: false, anchors: 'trivial trivially', pattern: "(?<!(?:\\bnon-|(?:\\b(?:not|no|never|far\\s+from)|n['’]t)\\s+))trivial(?:ly)?" },
  { deletable: false, anchors: 'know knows brainer only', pattern: '(?:every(?:one|body)|we\\s+all)\\s+(?:should\\s+)?knows?\\b|no[\\s-]brainer|only\\s+(?:a\\s+)?(?:minor|small|tiny|little)\\b' },
];

/** Vague action titles (PM035): wishes rather than controls someone can build and verify. */
export const VAGUE_ACTION_PHRASES: readonly PatternEntry[] = [
  { pattern: '(?:be|being|to\\s+be|stay)\\s+(?:more\\s+|extra\\s+|very\\s+)?(?:careful|vigilant|mindful|cautious|diligent|attentive|aware|alert)' },
  { pattern: '(?:pay|paying)\\s+(?:more\\s+|closer\\s+|better\\s+|extra\\s+)?attention' },
  { pattern: 'remind(?:ing|er\\s+to)?\\s+(?:the\\s+|all\\s+|our\\s+)?(?:team|teams|everyone|engineers|people|developers|devs|folks|staff|responders|on-?call(?:\\s+engineers)?)' },
  {
    // Up to two words may name what is improved ("improve recovery tooling", "better incident
    // communication"), but not a word that starts a clause or a phrase of its own.
    pattern:
      '(?:improve[ds]?|improving|enhance|strengthen|better|more)\\s+(?:the\\s+|our\\s+)?' +
      '(?:(?!(?:and|or|but|so|to|of|for|with|without|in|on|at|by|from|into|that|which|when|if|before|after|the|our|a|an)\\s)[\\w-]+\\s+){0,2}' +
      '(?:monitoring|alerting|testing|tests|coverage|communication|documentation|docs|runbooks?|process(?:es)?|observability|visibility|logging|coordination|reliability|quality|awareness|training|reviews?|tooling|care|caution)',
  },
  { pattern: 'look(?:ing)?\\s+into|investigat(?:e|ion|ing)|raise\\s+awareness|(?:increase|spread|build)\\s+awareness|try\\s+to|communicate\\s+better|keep\\s+an\\s+eye\\s+on|think\\s+about|revisit|educate|discuss|consider' },
  { pattern: '(?:make\\s+sure|ensure)\\s+(?:that\\s+)?(?:this|it)\\s+(?:does\\s+not|doesn[\'’]t|never|won[\'’]t|will\\s+not)\\s+happens?' },
  { pattern: 'prevent\\s+(?:this|recurrence|similar\\s+(?:incidents|issues|outages))|avoid\\s+(?:this|similar|such)\\s+(?:\\w+\\s+)?(?:mistakes?|incidents?|issues?|outages?|errors?)' },
  { pattern: 'double[\\s-]check' },
];

/**
 * What makes an action title concrete despite a vague word: a number or threshold, a code span,
 * or a control someone can build and verify ("an alert at 80%", "a gate", "require approval").
 */
export const CONCRETE_ACTION =
  /\d|`|\b(?:an?\s+alert|alert(?:s|ing)?\s+(?:on|when|at|if|for|before)|gat(?:e|es|ed|ing)|(?<!double[\s-])checks?|tests?\s+that|prompts?|runbook\s+steps?|automat(?:e|es|ed|ing|ion)|add(?:s|ed|ing)?|remov(?:e|es|ed|ing)|block(?:s|ed|ing)?|requir(?:e|es|ed|ing)|enforc(?:e|es|ed|ing))\b/i;

/**
 * Frames in which "could have" and "would have" state a hypothesis or an option weighed at the
 * time, not a hindsight judgment: "we considered whether the upgrade could have caused it",
 * "… could have rebuilt the cluster, which would have taken days, so they chose to repair it".
 * `before` is read on the sentence up to the modal, `after` on the rest of it.
 */
export const HYPOTHESIS_FRAME = {
  before: /\b(?:consider\w*|check\w*|ask\w*|wonder\w*|investigat\w*|examin\w*|tested|testing|question\w*|suspect\w*|to\s+see|looked\s+(?:at|into))\s+(?:\w+\s+)?(?:whether|if)\b[^.;!?]*$/i,
  after: /^[^.;!?]*?\b(?:ruled?\s+(?:it\s+|this\s+|that\s+)?out|(?:so|but|and)\s+(?:they|we|the\s+team|the\s+responders)\s+(?:chose|decided|opted|preferred))\b/i,
};
