import { SETTINGS, type ConfigProblem } from './settings';
import type { PostmortemConfig, SeveritySetting } from './types';

export type { ConfigProblem } from './settings';

/** Every setting's default, from the settings table. */
export const DEFAULT_CONFIG: PostmortemConfig = Object.freeze(
  Object.fromEntries(SETTINGS.filter((s) => s.default !== undefined).map((s) => [s.key, s.default])) as unknown as PostmortemConfig,
);

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
  const known = ['$schema', ...SETTINGS.map((s) => s.key)];
  for (const key of Object.keys(input)) {
    if (!known.includes(key)) problems.push({ path: key, message: `unknown setting "${key}"; known settings: ${known.slice(1).join(', ')}` });
  }
  for (const setting of SETTINGS) {
    if (input[setting.key] === undefined) continue;
    const checked = setting.check(input[setting.key], knownRuleCodes);
    problems.push(...checked.problems);
    if (checked.value !== undefined) (config as Record<string, unknown>)[setting.key] = checked.value;
  }
  return { config, problems };
}
