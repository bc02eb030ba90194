/**
 * The JSON schema of `.postmortemrc.json`, built from the rule registry and the configuration
 * defaults so that editors complete and check exactly what `validateConfig` accepts.
 * `npm run schema` writes it to schemas/postmortemrc.schema.json; test/cli/schema.test.ts fails
 * when the committed file is stale.
 */
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../server/src/core/analysis/config';
import { SEVERITY_SETTINGS } from '../server/src/core/analysis/types';
import { SECTIONS } from '../server/src/core/language/vocabulary';
import { rules } from '../server/src/core/rules/index';

export const CONFIG_SCHEMA_PATH = join(import.meta.dirname, '..', 'schemas', 'postmortemrc.schema.json');

/** The bounds `validateConfig` enforces (server/src/core/analysis/config.ts); the schema test checks they agree. */
export const REQUIRED_WHYS_RANGE = { minimum: 1, maximum: 20 };
export const WRITEUP_HOURS_RANGE = { minimum: 1, maximum: 24 * 365 };

const phraseList = (description: string) => ({
  description,
  type: 'array',
  items: { type: 'string', pattern: '\\S' },
  default: [],
});

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
      rules: {
        description: `The severity of each rule by code, overriding its default: ${SEVERITY_SETTINGS.join(', ')}. \`off\` turns a rule off.`,
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          rules.map((rule) => [
            rule.code,
            { description: `${rule.name}: ${rule.description} Default: ${rule.defaultSeverity}.`, enum: [...SEVERITY_SETTINGS] },
          ]),
        ),
      },
      requiredWhys: {
        description: 'How many `why N:` steps the whys need before PM020 is satisfied.',
        type: 'integer',
        ...REQUIRED_WHYS_RANGE,
        default: DEFAULT_CONFIG.requiredWhys,
      },
      requiredSections: {
        description: 'The sections PM002 asks for. Known sections: ' + SECTIONS.map((s) => s.name).join(', ') + '.',
        type: 'array',
        items: { enum: SECTIONS.map((s) => s.name) },
        uniqueItems: true,
        default: [...DEFAULT_CONFIG.requiredSections],
      },
      blamePhrases: phraseList('More phrases PM040 reports as blame wording, in addition to the built-in list.'),
      allowedPhrases: phraseList('Phrases the wording rules never report: a team\'s accepted vocabulary.'),
      people: phraseList('Names of people that PM042 and PM023 recognise as persons, besides `@handles`.'),
      writeupWithinHours: {
        description: 'Hours after `resolved` within which the postmortem should be written before PM016 reports it.',
        type: 'integer',
        ...WRITEUP_HOURS_RANGE,
        default: DEFAULT_CONFIG.writeupWithinHours,
      },
      severities: {
        description: 'The severity scale `severity:` may use, most severe first, such as ["P0", "P1", "P2", "P3"]. Completion and hover follow it.',
        type: 'array',
        items: { type: 'string', pattern: '^\\S+$' },
        minItems: 1,
        uniqueItems: true,
        default: [...DEFAULT_CONFIG.severities],
      },
      followupDays: {
        description: 'Days an open action item may go without a dated `followup:` note before PM039 reports it ("update status monthly").',
        type: 'integer',
        minimum: 1,
        maximum: 3650,
        default: DEFAULT_CONFIG.followupDays,
      },
      today: {
        description: '"Today" for overdue action items (PM036), written YYYY-MM-DD; the system date when unset. `postmortem check --today` overrides it.',
        type: 'string',
        pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      },
    },
  };
}

/** The file's exact text: two-space indentation and a final line break. */
export function serializeConfigSchema(schema: object = buildConfigSchema()): string {
  return JSON.stringify(schema, null, 2) + '\n';
}
