import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateConfig } from '../../server/src/core/analysis/config';
import { EDITOR_SETTINGS, SETTINGS } from '../../server/src/core/analysis/settings';
import { SEVERITY_SETTINGS } from '../../server/src/core/analysis/types';
import { rules } from '../../server/src/core/rules/index';
import { CONFIG_SCHEMA_PATH, REQUIRED_WHYS_RANGE, serializeConfigSchema, WRITEUP_HOURS_RANGE } from '../../scripts/config-schema';

interface PropertySchema {
  description?: string;
  properties?: Record<string, PropertySchema>;
  additionalProperties?: boolean;
  enum?: string[];
  items?: { enum?: string[] };
}

describe('schemas/postmortemrc.schema.json', () => {
  const committed = readFileSync(CONFIG_SCHEMA_PATH, 'utf8');
  const schema = JSON.parse(committed) as PropertySchema & { $schema: string };
  const codes = rules.map((r) => r.code);

  it('is current with the rule registry (run `npm run schema` when this fails)', () => {
    assert.equal(committed, serializeConfigSchema());
  });

  it('lists exactly the registry\'s rule codes, each with the five severities', () => {
    const ruleSchemas = schema.properties!.rules.properties!;
    assert.deepEqual(Object.keys(ruleSchemas), codes);
    for (const code of codes) assert.deepEqual(ruleSchemas[code].enum, ['off', 'hint', 'information', 'warning', 'error']);
    assert.equal(schema.properties!.rules.additionalProperties, false);
  });

  it('is draft-07, closed, and describes every setting', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(schema.additionalProperties, false);
    for (const [key, property] of Object.entries(schema.properties!)) assert.ok(property.description, `${key} has a description`);
  });

  it('has the settings validateConfig accepts, and no others', () => {
    const samples: Record<string, unknown> = {
      $schema: './schemas/postmortemrc.schema.json',
      rules: { PM001: 'error' },
      requiredWhys: 5,
      requiredSections: ['summary'],
      blamePhrases: ['dropped the ball'],
      allowedPhrases: ['kill the process'],
      people: ['Alice'],
      writeupWithinHours: 72,
      followupDays: 14,
      today: '2025-03-01',
      severities: ['P0', 'P1', 'P2', 'P3'],
    };
    assert.deepEqual(Object.keys(schema.properties!).sort(), Object.keys(samples).sort());
    assert.deepEqual(validateConfig(samples, codes).problems, []);
    assert.equal(validateConfig({ unknownSetting: 1 }, codes).problems.length, 1);
  });

  it('has the bounds validateConfig enforces', () => {
    const problemsFor = (key: string, value: number) => validateConfig({ [key]: value }, codes).problems.length;
    for (const [key, range] of [['requiredWhys', REQUIRED_WHYS_RANGE], ['writeupWithinHours', WRITEUP_HOURS_RANGE]] as const) {
      assert.equal(problemsFor(key, range.minimum), 0, `${key} ${range.minimum}`);
      assert.equal(problemsFor(key, range.maximum), 0, `${key} ${range.maximum}`);
      assert.equal(problemsFor(key, range.minimum - 1), 1, `${key} ${range.minimum - 1}`);
      assert.equal(problemsFor(key, range.maximum + 1), 1, `${key} ${range.maximum + 1}`);
    }
  });

  it('offers the section names validateConfig accepts', () => {
    const sections = schema.properties!.requiredSections.items!.enum!;
    assert.deepEqual(validateConfig({ requiredSections: sections }, codes).problems, []);
    assert.equal(validateConfig({ requiredSections: ['appendix'] }, codes).problems.length, 1);
  });

  it('package.json offers the editor settings of the settings table, with the same values and bounds', () => {
    const contributed = (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, Record<string, unknown>> } } }).contributes.configuration.properties;
    const configKeys = new Set<string>(SETTINGS.map((s) => s.key));
    const editorKeys = EDITOR_SETTINGS.map((s) => s.key as string);
    assert.deepEqual(Object.keys(contributed).map((k) => k.replace(/^postmortem\./, '')).filter((k) => configKeys.has(k)), editorKeys, 'the configuration settings offered in the editor');
    for (const setting of EDITOR_SETTINGS) {
      const property = contributed[`postmortem.${setting.key}`];
      const schema = setting.schema({}) as { type: string; minimum?: number; maximum?: number };
      if (setting.key === 'rules') {
        assert.deepEqual((property.additionalProperties as { enum: string[] }).enum, [...SEVERITY_SETTINGS]);
        assert.equal(property.type, 'object');
        continue;
      }
      // Empty (null) means the file's value or the default.
      assert.deepEqual(property.type, [schema.type, 'null'], setting.key);
      assert.equal(property.default, null, setting.key);
      assert.equal(property.minimum, schema.minimum, setting.key);
      assert.equal(property.maximum, schema.maximum, setting.key);
      assert.match(String(property.markdownDescription), new RegExp(`\\b${setting.default}\\b`), `${setting.key}: the description names the default`);
    }
  });
});
