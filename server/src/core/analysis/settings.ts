import type { SectionName } from '../language/ast';
import { DEFAULT_SEVERITIES, SECTIONS, SECTION_NAMES } from '../language/vocabulary';
import { parseIsoDay } from '../language/time';
import type { PostmortemConfig, SeveritySetting } from './types';
import { SEVERITY_SETTINGS } from './types';

/**
 * Every setting of `.postmortemrc.json`, once: its default, how a value is checked, and its JSON
 * schema. The defaults (config.ts), the validator (`validateConfig`), the schema
 * (scripts/config-schema.ts), the server's reading of the `postmortem.*` editor settings
 * (lsp/settings.ts) and the check of package.json's settings (test/cli/schema.test.ts) are all
 * derived from this table, in its order.
 */
export interface SettingSpec<K extends keyof PostmortemConfig = keyof PostmortemConfig> {
  key: K;
  /** What the schema and the documentation say. */
  description: string;
  /** The value when the setting is not set; none for `today` (the system date). */
  default?: PostmortemConfig[K];
  /** The value as the configuration holds it, or a problem message. */
  check(value: unknown, knownRuleCodes: readonly string[]): Checked<PostmortemConfig[K]>;
  /** The JSON schema of the value (draft-07), without description and default. */
  schema(ruleSchemas: Record<string, object>): object;
  /** Also a `postmortem.<key>` editor setting, which overrides the file's value. */
  editor?: boolean;
}

export interface ConfigProblem {
  /** A JSON path such as `rules.PM034` or `requiredWhys`. */
  path: string;
  message: string;
}

/** A checked value: what the configuration takes from it (nothing when it is wrong), and its problems. */
export interface Checked<V> {
  value?: V;
  problems: ConfigProblem[];
}

const problem = (path: string, message: string) => ({ problems: [{ path, message }] });

function wholeNumber<K extends 'requiredWhys' | 'writeupWithinHours' | 'followupDays'>(key: K, minimum: number, maximum: number, description: string, fallback: number, editor = false): SettingSpec<K> {
  return {
    key,
    description,
    default: fallback,
    editor,
    check: (v) => (typeof v !== 'number' || !Number.isInteger(v) || v < minimum || v > maximum ? problem(key, `must be a whole number from ${minimum} to ${maximum}`) : { value: v, problems: [] }),
    schema: () => ({ type: 'integer', minimum, maximum }),
  };
}

function phraseList<K extends 'blamePhrases' | 'allowedPhrases' | 'people'>(key: K, description: string): SettingSpec<K> {
  return {
    key,
    description,
    default: [],
    check: (v) => (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || !s.trim()) ? problem(key, 'must be a list of non-empty strings') : { value: v.map((s: string) => s.trim()), problems: [] }),
    schema: () => ({ type: 'array', items: { type: 'string', pattern: '\\S' } }),
  };
}

const rulesSetting: SettingSpec<'rules'> = {
  key: 'rules',
  description: `The severity of each rule by code, overriding its default: ${SEVERITY_SETTINGS.join(', ')}. \`off\` turns a rule off.`,
  default: {},
  editor: true,
  check(v, knownRuleCodes) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return problem('rules', 'must be an object mapping rule codes to severities');
    const value: Record<string, SeveritySetting> = {};
    const problems: ConfigProblem[] = [];
    for (const [code, severity] of Object.entries(v as Record<string, unknown>)) {
      const upper = code.toUpperCase();
      if (!knownRuleCodes.includes(upper)) problems.push({ path: `rules.${code}`, message: `unknown rule "${code}"` });
      else if (typeof severity !== 'string' || !SEVERITY_SETTINGS.includes(severity as SeveritySetting)) {
        problems.push({ path: `rules.${code}`, message: `severity must be one of ${SEVERITY_SETTINGS.join(', ')}` });
      } else value[upper] = severity as SeveritySetting;
    }
    // The valid codes still apply when others are wrong: one typo never turns the rest off.
    return { value, problems };
  },
  schema: (ruleSchemas) => ({ type: 'object', additionalProperties: false, properties: ruleSchemas }),
};

const requiredSectionsSetting: SettingSpec<'requiredSections'> = {
  key: 'requiredSections',
  description: 'The sections PM002 asks for. Known sections: ' + SECTIONS.map((s) => s.name).join(', ') + '.',
  default: ['summary', 'incident', 'timeline', 'whys', 'factors', 'actions', 'lessons'],
  check(v) {
    const bad = Array.isArray(v) ? v.filter((s) => typeof s !== 'string' || !SECTION_NAMES.includes(s as SectionName)) : [];
    if (!Array.isArray(v) || bad.length) {
      return problem('requiredSections', `must be a list of section names (${SECTION_NAMES.join(', ')})${bad.length ? `; not a section: ${bad.map(String).join(', ')}` : ''}`);
    }
    return { value: v as SectionName[], problems: [] };
  },
  schema: () => ({ type: 'array', items: { enum: SECTIONS.map((s) => s.name) }, uniqueItems: true }),
};

const severitiesSetting: SettingSpec<'severities'> = {
  key: 'severities',
  description: 'The severity scale `severity:` may use, most severe first, such as ["P0", "P1", "P2", "P3"]. Completion and hover follow it.',
  default: [...DEFAULT_SEVERITIES],
  check(v) {
    const names = Array.isArray(v) ? v.map((s) => (typeof s === 'string' ? s.trim() : '')) : [];
    const lower = names.map((s) => s.toLowerCase());
    if (!Array.isArray(v) || !names.length || names.some((s) => !/^\S+$/.test(s)) || new Set(lower).size !== lower.length) {
      return problem('severities', 'must be a list of distinct one-word levels, most severe first, such as ["P0", "P1", "P2", "P3"]');
    }
    return { value: names, problems: [] };
  },
  schema: () => ({ type: 'array', items: { type: 'string', pattern: '^\\S+$' }, minItems: 1, uniqueItems: true }),
};

const todaySetting: SettingSpec<'today'> = {
  key: 'today',
  description: '"Today" for overdue action items (PM036), written YYYY-MM-DD; the system date when unset. `postmortem check --today` overrides it.',
  check: (v) => (typeof v !== 'string' || !parseIsoDay(v) ? problem('today', 'must be a date written YYYY-MM-DD') : { value: v, problems: [] }),
  schema: () => ({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
};

/** In the order the configuration is checked and its settings are listed. */
export const SETTINGS: readonly SettingSpec[] = [
  rulesSetting,
  wholeNumber('requiredWhys', 1, 20, 'How many `why N:` steps the whys need before PM020 is satisfied.', 5, true),
  requiredSectionsSetting,
  phraseList('blamePhrases', 'More phrases PM040 reports as blame wording, in addition to the built-in list.'),
  phraseList('allowedPhrases', 'Phrases the wording rules never report: a team\'s accepted vocabulary.'),
  phraseList('people', 'Names of people that PM042 and PM023 recognise as persons, besides `@handles`.'),
  wholeNumber('writeupWithinHours', 1, 24 * 365, 'Hours after `resolved` within which the postmortem should be written before PM016 reports it.', 48),
  wholeNumber('followupDays', 1, 3650, 'Days an open action item may go without a dated `followup:` note before PM039 reports it ("update status monthly").', 31),
  todaySetting,
  severitiesSetting,
] as SettingSpec[];

/** The settings that are also `postmortem.*` editor settings. */
export const EDITOR_SETTINGS: readonly SettingSpec[] = SETTINGS.filter((s) => s.editor);
