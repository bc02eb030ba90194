import type { PostmortemDocument, TextNode, TextPart } from '../language/ast';
import { TextSpan } from '../language/nodes';

/** Where a piece of prose stands, so wording rules can treat some places differently. */
export type ProseKind = 'summary' | 'incident' | 'timeline' | 'symptom' | 'why' | 'root-cause' | 'factor' | 'action' | 'lesson' | 'followup' | 'notes';

/** Incident fields that hold prose; times, counts and service lists are not prose. */
const PROSE_INCIDENT_FIELDS = new Set(['detected by', 'functionality', 'impact']);
/** Action fields that hold prose; `ticket`, `owner`, `due` and the like never do. */
const PROSE_ACTION_FIELDS = new Set(['why', 'verify', 'addresses']);

/**
 * Calls `visit` with every line of free text the authors wrote, in document order, each with its
 * exact range. A visitor rather than a list: a large document has tens of thousands of lines.
 */
export function forEachProsePart(ast: PostmortemDocument, visit: (kind: ProseKind, part: TextPart) => void): void {
  const add = (kind: ProseKind, node: TextNode | undefined) => {
    if (!node) return;
    // Nearly all text is one line, its node its own part: visited without building the parts list.
    if (node instanceof TextSpan && node.isOneLine) visit(kind, node);
    else for (const part of node.parts) visit(kind, part);
  };
  for (const section of ast.sections) {
    switch (section.name) {
      case 'summary':
      case 'notes':
        add(section.name, section.text);
        break;
      case 'incident':
        for (const field of section.fields) {
          if (PROSE_INCIDENT_FIELDS.has(field.key.name)) add('incident', field.value);
          for (const bullet of field.bullets) add('incident', bullet.text);
        }
        break;
      case 'timeline':
        for (const event of section.events) {
          add('timeline', event.text);
          for (const bullet of event.bullets) add('timeline', bullet.text);
        }
        break;
      case 'whys':
        for (const entry of section.entries) {
          const kind = 'number' in entry || entry.key.name.startsWith('why') ? 'why' : entry.key.name === 'symptom' ? 'symptom' : 'root-cause';
          add(kind, entry.value);
          for (const bullet of entry.bullets) add(kind, bullet.text);
        }
        break;
      case 'factors':
      case 'lessons':
        for (const category of section.categories) {
          add(section.name === 'factors' ? 'factor' : 'lesson', category.value);
          for (const bullet of category.bullets) add(section.name === 'factors' ? 'factor' : 'lesson', bullet.text);
        }
        break;
      case 'actions':
        for (const item of section.items) {
          add('action', item.title);
          for (const bullet of item.bullets) add('action', bullet.text);
          for (const field of item.fields) {
            if (PROSE_ACTION_FIELDS.has(field.key.name)) add('action', field.value);
          }
        }
        break;
      case 'followup':
        for (const note of section.notes) add('followup', note.text);
        break;
    }
  }
}
