import type { CancellationToken, DocumentSymbol, DocumentSymbolParams, Range } from 'vscode-languageserver';
import { SymbolKind } from 'vscode-languageserver';
import type { ActionItemNode, SectionNode, TextNode } from '../core/language/ast';
import { actionField } from '../core/language/queries';
import type { AnalyzedDocument } from './documents';

const MAX_NAME_LENGTH = 80;

/**
 * The outline: the postmortem, its sections, and inside them the incident fields, each timeline
 * event (its time and text), the symptom, each why and the root cause, each factor and lessons
 * category, each action item (ID, title, owner) and each follow-up note.
 */
export function documentSymbols(document: AnalyzedDocument, _params: DocumentSymbolParams, token: CancellationToken): DocumentSymbol[] {
  const { ast } = document.analysis;
  if (token.isCancellationRequested) return [];
  const title = ast.title?.value?.text;
  const sections = ast.sections.map(sectionSymbol);
  if (!ast.title && !sections.length) return [];
  return [symbol(title ? `Postmortem: ${title}` : 'Postmortem', SymbolKind.File, ast.range, ast.title?.range ?? firstLine(ast.range), sections)];
}

function sectionSymbol(section: SectionNode): DocumentSymbol {
  // A titled `whys:` is one of several causal chains: its title tells them apart.
  const name = section.name === 'whys' && section.inlineText ? `${section.header.raw}: ${section.inlineText.text}` : section.header.raw;
  return symbol(name, SymbolKind.Namespace, section.range, section.header.range, sectionChildren(section));
}

function sectionChildren(section: SectionNode): DocumentSymbol[] {
  switch (section.name) {
    case 'incident':
      return section.fields.map((f) => symbol(f.key.name, SymbolKind.Property, f.range, f.key.range, [], text(f.value)));
    case 'timeline':
      return section.events.map((e) => symbol(`${e.timestamp.raw}${e.text ? `  ${e.text.text}` : ''}`, SymbolKind.Event, e.range, e.timestamp.range));
    case 'whys':
      return section.entries.map((entry) => {
        const kind = entry.key.name === 'root cause' ? SymbolKind.Key : SymbolKind.Field;
        return symbol(entry.key.name, kind, entry.range, entry.key.range, [], text(entry.value));
      });
    case 'factors':
    case 'lessons':
      return section.categories.map((c) => symbol(c.key.name, SymbolKind.Array, c.range, c.key.range, [], c.bullets.length === 1 ? '1 item' : `${c.bullets.length} items`));
    case 'actions':
      return section.items.map(actionSymbol);
    case 'followup':
      return section.notes.map((n) => symbol(n.date.raw, SymbolKind.Event, n.range, n.date.range, [], text(n.text)));
    default:
      return [];
  }
}

function actionSymbol(item: ActionItemNode): DocumentSymbol {
  const owner = actionField(item, 'owner')?.value?.text;
  return symbol(`${item.id}${item.title ? `: ${item.title.text}` : ''}`, SymbolKind.Function, item.range, item.idRange, [], owner ?? 'no owner');
}

function text(node: TextNode | undefined): string | undefined {
  return node ? shorten(node.text) : undefined;
}

function shorten(value: string): string {
  return value.length > MAX_NAME_LENGTH ? `${value.slice(0, MAX_NAME_LENGTH - 1)}…` : value;
}

function firstLine(range: Range): Range {
  return { start: range.start, end: range.start };
}

/** Editors reject empty names and a selection range outside the range; neither can happen here. */
function symbol(name: string, kind: SymbolKind, range: Range, selectionRange: Range, children: DocumentSymbol[] = [], detail?: string): DocumentSymbol {
  return { name: shorten(name.trim()) || '(untitled)', kind, range, selectionRange, children, ...(detail ? { detail } : {}) };
}
