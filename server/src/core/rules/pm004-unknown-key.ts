import type { KeyNode, Range, SectionNode } from '../language/ast';
import { replace } from '../analysis/edits';
import {
  ACTION_FIELDS, DOCUMENT_STATUSES, FACTOR_CATEGORIES, HEADER_FIELDS, INCIDENT_FIELDS, INCIDENT_TYPES, LESSON_CATEGORIES,
  SECTION_NAMES, canonicalKey,
} from '../language/vocabulary';
import type { Rule, RuleContext } from './rule';
import { nearest } from './nearest';
import { fieldNamed, headerField } from '../language/queries';
import { factorCategoryOf, incidentFieldOf, lessonCategoryOf } from '../import/templateWords';

const names = (terms: readonly { name: string }[]) => terms.map((t) => t.name);

function keysOf(section: SectionNode, key: KeyNode | undefined): string[] {
  switch (section.name) {
    case 'incident':
      return names(INCIDENT_FIELDS);
    case 'whys': {
      const number = key ? /\d+/.exec(key.raw)?.[0] : undefined;
      return ['symptom', 'root cause', number ? `why ${number}` : 'why'];
    }
    case 'factors':
      return names(FACTOR_CATEGORIES);
    case 'lessons':
      return names(LESSON_CATEGORIES);
    case 'actions':
      return names(ACTION_FIELDS);
    default:
      return [];
  }
}

/**
 * The template's own word for a label people give the same thing, as the Markdown import reads
 * them: `went wrong:` is `could improve:`, `systems:` is `technical:`, `start time:` is `started:`.
 */
const TEMPLATE_WORD_OF: Partial<Record<SectionNode['name'], (label: string) => string | undefined>> = {
  lessons: lessonCategoryOf,
  factors: factorCategoryOf,
  incident: incidentFieldOf,
};

function reportUnknown(context: RuleContext, range: Range, raw: string, known: string[], where: string, what = 'key', synonym?: string) {
  const typo = nearest(raw, known);
  const suggestion = typo ?? (synonym && known.includes(synonym) ? synonym : undefined);
  const listed = known.length <= 13 ? `; known ${what}s: ${known.join(', ')}` : '';
  context.report({
    range,
    message: typo
      ? `Unknown ${what} “${raw}” ${where}: did you mean “${typo}”?`
      : suggestion
        ? `Unknown ${what} “${raw}” ${where}: the template calls it “${suggestion}”.`
        : `Unknown ${what} “${raw}” ${where}${listed}.`,
    fix: suggestion ? { title: `Change to “${suggestion}”`, edits: [replace(range, suggestion)], isPreferred: true } : undefined,
  });
}

/** Checks an enumerated value (`severity: SEV6`) against its allowed words, case-insensitively. */
function checkValue(context: RuleContext, field: { key: KeyNode; value?: { text: string; parts: { range: Range }[] } } | undefined, allowed: string[]) {
  const value = field?.value;
  if (!value || value.parts.length !== 1) return;
  if (allowed.some((a) => a.toLowerCase() === canonicalKey(value.text))) return;
  reportUnknown(context, value.parts[0].range, value.text, allowed, `for \`${field!.key.name}\``, 'value');
}

export const pm004: Rule = {
  code: 'PM004',
  name: 'unknown-key',
  description: 'An unknown key in a section, an unknown section, or an unknown value for `type`, `severity` or the document `status`.',
  defaultSeverity: 'warning',
  fixable: true,
  check(context) {
    const topLevel = [...SECTION_NAMES, ...names(HEADER_FIELDS)];
    for (const section of context.ast.sections) {
      if (section.name === 'unknown') {
        // `type:` or `severity:` written beside `id:` is a field of the incident, not a misspelt
        // section: "did you mean" would point the author to the wrong fix.
        if (names(INCIDENT_FIELDS).includes(section.header.name)) {
          context.report({
            range: section.header.range,
            message: `“${section.header.raw}” is a field of \`incident:\`, not a section: indent it under \`incident:\`.`,
          });
        } else reportUnknown(context, section.header.range, section.header.raw, topLevel, 'at column 0', 'section');
        continue;
      }
      for (const stray of section.stray) {
        if (stray.kind !== 'unknown-key' || !stray.key) continue;
        reportUnknown(context, stray.key.range, stray.key.raw, keysOf(section, stray.key), `in \`${section.name}:\``, 'key', TEMPLATE_WORD_OF[section.name]?.(stray.key.raw));
      }
    }
    const incident = context.section('incident');
    checkValue(context, (incident && fieldNamed(incident.fields, 'type')), names(INCIDENT_TYPES));
    checkValue(context, (incident && fieldNamed(incident.fields, 'severity')), context.config.severities);
    checkValue(context, headerField(context.ast, 'status'), names(DOCUMENT_STATUSES));
  },
};
