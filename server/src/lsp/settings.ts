import { validateConfig } from '../core/analysis/config';
import { EDITOR_SETTINGS } from '../core/analysis/settings';
import type { PostmortemConfig, SeveritySetting } from '../core/analysis/types';
import { rules } from '../core/rules/index';

/**
 * The `postmortem.*` editor settings the server reads: the configuration settings the settings
 * table marks `editor` (each overrides `.postmortemrc.json` when set), and the inlay hints.
 */
export interface PostmortemSettings extends Partial<PostmortemConfig> {
  /** Rule severities that override `.postmortemrc.json`, code by code. */
  rules: Record<string, SeveritySetting>;
  inlayHints: { enabled: boolean };
}

export const DEFAULT_SETTINGS: PostmortemSettings = Object.freeze({ rules: {}, inlayHints: { enabled: true } });

/**
 * Reads the `postmortem` settings object a client sends. Bad values are dropped one by one and
 * described, so one typo in the settings never turns the other settings off.
 */
export function readSettings(value: unknown): { settings: PostmortemSettings; problems: string[] } {
  if (value === undefined || value === null) return { settings: DEFAULT_SETTINGS, problems: [] };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { settings: DEFAULT_SETTINGS, problems: ['postmortem: the settings must be an object'] };
  }
  const input = value as Record<string, unknown>;
  // VS Code sends null for a setting left empty.
  const checked = validateConfig(Object.fromEntries(EDITOR_SETTINGS.map((s) => [s.key, input[s.key] ?? undefined])), rules.map((r) => r.code));
  const problems = checked.problems.map((p) => `postmortem.${p.path}: ${p.message}`);
  const inlay = input.inlayHints as { enabled?: unknown } | undefined;
  let inlayEnabled = true;
  if (inlay !== undefined && inlay !== null) {
    if (typeof inlay.enabled === 'boolean') inlayEnabled = inlay.enabled;
    else if (inlay.enabled !== undefined) problems.push('postmortem.inlayHints.enabled: must be true or false');
  }
  return {
    settings: { ...checked.config, rules: checked.config.rules ?? {}, inlayHints: { enabled: inlayEnabled } },
    problems,
  };
}

/** The configuration a document gets: its `.postmortemrc.json`, then the settings on top. */
export function withSettings(fileConfig: Partial<PostmortemConfig>, settings: PostmortemSettings): Partial<PostmortemConfig> {
  const overrides = EDITOR_SETTINGS.filter((s) => s.key !== 'rules' && settings[s.key] !== undefined).map((s) => [s.key, settings[s.key]]);
  return { ...fileConfig, ...Object.fromEntries(overrides), rules: { ...fileConfig.rules, ...settings.rules } };
}
