import type { ActionItemNode } from '../language/ast';
import { replace } from '../analysis/edits';
import type { Rule } from './rule';

function splitId(id: string): { prefix: string; number: number } {
  const m = /^(.*?)(\d+)$/.exec(id)!;
  return { prefix: m[1], number: +m[2] };
}

export const pm037: Rule = {
  code: 'PM037',
  name: 'duplicate-action-id',
  description: 'The same action item ID used twice.',
  defaultSeverity: 'error',
  fixable: true,
  check(context) {
    const items = context.section('actions')?.items ?? [];
    const first = new Map<string, ActionItemNode>();
    // Each duplicate gets its own next free number, so fixing them all leaves no new clash.
    const highest = new Map<string, number>();
    for (const item of items) {
      const { prefix, number } = splitId(item.id);
      const key = prefix.toUpperCase();
      highest.set(key, Math.max(highest.get(key) ?? 0, number));
    }
    for (const item of items) {
      const id = item.id.toUpperCase();
      const earlier = first.get(id);
      if (!earlier) {
        first.set(id, item);
        continue;
      }
      const { prefix } = splitId(item.id);
      const next = (highest.get(prefix.toUpperCase()) ?? 0) + 1;
      highest.set(prefix.toUpperCase(), next);
      const replacement = `${prefix}${next}`;
      context.report({
        range: item.idRange,
        message: `${item.id} is already used on line ${earlier.range.start.line + 1}: give this item its own ID, such as ${replacement}.`,
        relatedInformation: [{ range: earlier.idRange, message: `First ${earlier.id} here` }],
        fix: { title: `Renumber to ${replacement}`, edits: [replace(item.idRange, replacement)], isPreferred: true },
      });
    }
  },
};
