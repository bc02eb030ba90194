import { validateConfig } from '../core/analysis/config';
import type { PostmortemConfig, SeveritySetting } from '../core/analysis/types';
import { rules } from '../core/rules/index';

/** The `postmortem.*` editor settings the server reads. */
export interface PostmortemSettings {
  /** Rule severities that override `.postmortemrc.json`, code by code. */
  rules: Record<string, SeveritySetting>;
  /** Overrides `requiredWhys` from `.postmortemrc.json` when set. */
  requiredWhys?: number;
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
  const checked = validateConfig(
    { rules: input.rules ?? undefined, requiredWhys: input.requiredWhys ?? undefined },
    rules.map((r) => r.code),
  );
  const problems = checked.problems.map((p) => `postmortem.${p.path}: ${p.message}`);
  const inlay = input.inlayHints as { enabled?: unknown } | undefined;
  let inlayEnabled = true;
  if (inlay !== undefined && inlay !== null) {
    if (typeof inlay.enabled === 'boolean') inlayEnabled = inlay.enabled;
    else if (inlay.enabled !== undefined) problems.push('postmortem.inlayHints.enabled: must be true or false');
  }
  return {
    settings: {
      rules: checked.config.rules ?? {},
      ...(checked.config.requiredWhys !== undefined ? { requiredWhys: checked.config.requiredWhys } : {}),
      inlayHints: { enabled: inlayEnabled },
    },
    problems,
  };
}

/** The configuration a document gets: its `.postmortemrc.json`, then the settings on top. */
export function withSettings(fileConfig: Partial<PostmortemConfig>, settings: PostmortemSettings): Partial<PostmortemConfig> {
  return {
    ...fileConfig,
    rules: { ...fileConfig.rules, ...settings.rules },
    ...(settings.requiredWhys !== undefined ? { requiredWhys: settings.requiredWhys } : {}),
  };
}
