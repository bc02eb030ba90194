import type { FieldNode, PostmortemDocument, SectionNode } from '../core/language/ast';

/** A column-0 block: a header field (`postmortem:`, `id:`, …) or a section with its body. */
export type Block = { kind: 'header'; field: FieldNode; line: number } | { kind: 'section'; section: SectionNode; line: number };

export function blocks(ast: PostmortemDocument): Block[] {
  const all: Block[] = [
    ...(ast.title ? [ast.title] : []).concat(ast.headerFields).map((field): Block => ({ kind: 'header', field, line: field.range.start.line })),
    ...ast.sections.map((section): Block => ({ kind: 'section', section, line: section.range.start.line })),
  ];
  return all.sort((a, b) => a.line - b.line);
}

/** The block a line belongs to: the last one that starts on or above it. */
export function blockAt(ast: PostmortemDocument, line: number): Block | undefined {
  let found: Block | undefined;
  for (const block of blocks(ast)) {
    if (block.line > line) break;
    found = block;
  }
  return found;
}
