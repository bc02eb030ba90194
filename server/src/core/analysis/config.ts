import type { SectionName } from '../language/ast';
import { DEFAULT_SEVERITIES, SECTION_NAMES } from '../language/vocabulary';
import { parseIsoDay } from '../language/time';
import type { PostmortemConfig, SeveritySetting } from './types';
import { SEVERITY_SETTINGS } from './types';

export const DEFAULT_REQUIRED_SECTIONS: SectionName[] = ['summary', 'incident', 'timeline', 'whys', 'factors', 'actions', 'lessons'];

export const DEFAULT_CONFIG: PostmortemConfig = Object.freeze({
  rules: {},
  requiredWhys: 5,
  requiredSections: DEFAULT_REQUIRED_SECTIONS,
  blamePhrases: [],
  allowedPhrases: [],
  people: [],
  writeupWithinHours: 48,
  severities: [...DEFAULT_SEVERITIES],
  followupDays: 31,
});

/** Layers partial configurations over the defaults; later layers win, `rules` merge per code. */
export function resolveConfig(...layers: (Partial<PostmortemConfig> | undefined)[]): PostmortemConfig {
  const result: PostmortemConfig = { ...DEFAULT_CONFIG, rules: {} };
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer) as [keyof PostmortemConfig, unknown][]) {
      if (value === undefined) continue;
      if (key === 'rules') result.rules = { ...result.rules, ...(value as Record<string, SeveritySetting>) };
      else (result as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return result;
}

export interface ConfigProblem {
  /** A JSON path such as `rules.PM034` or `requiredWhys`. */
  path: string;
  message: string;
}

const KNOWN_KEYS = ['$schema', 'rules', 'requiredWhys', 'requiredSections', 'blamePhrases', 'allowedPhrases', 'people', 'writeupWithinHours', 'followupDays', 'today', 'severities'];

/**
 * Checks a parsed `.postmortemrc.json` value and returns the configuration it sets with the
 * problems found; a problem drops only the setting it concerns.
 */
export function validateConfig(value: unknown, knownRuleCodes: readonly string[]): { config: Partial<PostmortemConfig>; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const config: Partial<PostmortemConfig> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { config, problems: [{ path: '', message: 'the file must hold a JSON object such as {"rules": {"PM034": "off"}}' }] };
  }
  const input = value as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!KNOWN_KEYS.includes(key)) problems.push({ path: key, message: `unknown setting "${key}"; known settings: ${KNOWN_KEYS.slice(1).join(', ')}` });
  }
  if (input.rules !== undefined) {
    if (typeof input.rules !== 'object' || input.rules === null || Array.isArray(input.rules)) {
      problems.push({ path: 'rules', message: 'must be an object mapping rule codes to severities' });
    } else {
      config.rules = {};
      for (const [code, severity] of Object.entries(input.rules as Record<string, unknown>)) {
        const upper = code.toUpperCase();
        if (!knownRuleCodes.includes(upper)) problems.push({ path: `rules.${code}`, message: `unknown rule "${code}"` });
        else if (typeof severity !== 'string' || !SEVERITY_SETTINGS.includes(severity as SeveritySetting)) {
          problems.push({ path: `rules.${code}`, message: `severity must be one of ${SEVERITY_SETTINGS.join(', ')}` });
        } else config.rules[upper] = severity as SeveritySetting;
      }
    }
  }
  const integer = (key: 'requiredWhys' | 'writeupWithinHours' | 'followupDays', min: number, max: number) => {
    const v = input[key];
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) problems.push({ path: key, message: `must be a whole number from ${min} to ${max}` });
    else config[key] = v;
  };
  integer('requiredWhys', 1, 20);
  integer('writeupWithinHours', 1, 24 * 365);
  integer('followupDays', 1, 3650);
  const strings = (key: 'blamePhrases' | 'allowedPhrases' | 'people') => {
    const v = input[key];
    if (v === undefined) return;
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || !s.trim())) problems.push({ path: key, message: 'must be a list of non-empty strings' });
    else config[key] = v.map((s: string) => s.trim());
  };
  strings('blamePhrases');
  strings('allowedPhrases');
  strings('people');
  if (input.requiredSections !== undefined) {
    const v = input.requiredSections;
    const bad = Array.isArray(v) ? v.filter((s) => typeof s !== 'string' || !SECTION_NAMES.includes(s as SectionName)) : [];
    if (!Array.isArray(v) || bad.length) {
      problems.push({ path: 'requiredSections', message: `must be a list of section names (${SECTION_NAMES.join(', ')})${bad.length ? `; not a section: ${bad.map(String).join(', ')}` : ''}` });
    } else config.requiredSections = v as SectionName[];
  }
  if (input.severities !== undefined) {
    const v = input.severities;
    const names = Array.isArray(v) ? v.map((s) => (typeof s === 'string' ? s.trim() : '')) : [];
    const lower = names.map((s) => s.toLowerCase());
    if (!Array.isArray(v) || !names.length || names.some((s) => !/^\S+$/.test(s)) || new Set(lower).size !== lower.length) {
      problems.push({ path: 'severities', message: 'must be a list of distinct one-word levels, most severe first, such as ["P0", "P1", "P2", "P3"]' });
    } else config.severities = names;
  }
  if (input.today !== undefined) {
    if (typeof input.today !== 'string' || !parseIsoDay(input.today)) problems.push({ path: 'today', message: 'must be a date written YYYY-MM-DD' });
    else config.today = input.today;
  }
  return { config, problems };
}
