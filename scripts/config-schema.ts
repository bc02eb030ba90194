/**
 * The JSON schema of `.postmortemrc.json`, built from the rule registry and the configuration
 * defaults so that editors complete and check exactly what `validateConfig` accepts.
 * `npm run schema` writes it to schemas/postmortemrc.schema.json; test/cli/schema.test.ts fails
 * when the committed file is stale.
 */
import { join } from 'node:path';
import { SETTINGS } from '../server/src/core/analysis/settings';
import { SEVERITY_SETTINGS } from '../server/src/core/analysis/types';
import { rules } from '../server/src/core/rules/index';

export const CONFIG_SCHEMA_PATH = join(import.meta.dirname, '..', 'schemas', 'postmortemrc.schema.json');

/** A whole-number setting's bounds, as its schema states them; the schema test checks `validateConfig` enforces them. */
function bounds(key: string): { minimum: number; maximum: number } {
  const { minimum, maximum } = SETTINGS.find((s) => s.key === key)!.schema({}) as { minimum: number; maximum: number };
  return { minimum, maximum };
}
export const REQUIRED_WHYS_RANGE = bounds('requiredWhys');
export const WRITEUP_HOURS_RANGE = bounds('writeupWithinHours');

const RULE_SCHEMAS = Object.fromEntries(
  rules.map((rule) => [rule.code, { description: `${rule.name}: ${rule.description} Default: ${rule.defaultSeverity}.`, enum: [...SEVERITY_SETTINGS] }]),
);

export function buildConfigSchema(): object {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Postmortem Language Tools configuration',
    description:
      'Settings for checking .postmortem files, read from the nearest .postmortemrc.json in the document\'s folder or any parent folder, by the editor and by `postmortem check` alike.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { description: 'The address of this schema, for editors that do not associate it by file name.', type: 'string' },
      ...Object.fromEntries(
        SETTINGS.map((setting) => [
          setting.key,
          { description: setting.description, ...setting.schema(RULE_SCHEMAS), ...(setting.default !== undefined && setting.key !== 'rules' ? { default: setting.default } : {}) },
        ]),
      ),
    },
  };
}

/** The file's exact text: two-space indentation and a final line break. */
export function serializeConfigSchema(schema: object = buildConfigSchema()): string {
  return JSON.stringify(schema, null, 2) + '\n';
}
