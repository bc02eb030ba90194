import type { ActionItemNode, FieldNode } from '../language/ast';
import type { LineIndex } from '../language/lineIndex';
import { canonicalStatus } from '../language/vocabulary';
import type { Fix } from '../analysis/types';
import { insertChildLine } from './insertions';

export function fieldOf(item: ActionItemNode, name: string): FieldNode | undefined {
  return item.fields.find((f) => f.key.name === name);
}

/** The item's status in canonical form (`complete` → `done`); undefined when missing or unknown. */
export function statusOf(item: ActionItemNode): string | undefined {
  const value = fieldOf(item, 'status')?.value?.text;
  return value ? canonicalStatus(value) : undefined;
}

export function isEmpty(field: FieldNode): boolean {
  return !field.value && field.bullets.length === 0;
}

/** A fix that adds `key: value` as the item's last field, indented like its other fields. */
export function insertFieldFix(lines: LineIndex, item: ActionItemNode, key: string, value = ''): Fix {
  const line = value ? `${key}: ${value}` : `${key}:`;
  return {
    title: `Insert \`${line}\``,
    edits: [insertChildLine(lines, item.range, line, item.fields[0]?.range.start.line)],
    isPreferred: true,
  };
}
