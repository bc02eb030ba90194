import type { ActionItemNode, FieldNode } from '../language/ast';
import type { LineIndex } from '../language/lineIndex';
import type { Fix } from '../analysis/types';
import { insertChildLine } from './insertions';

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
