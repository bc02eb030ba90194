import type { PostmortemDocument, TimestampNode } from '../language/ast';

/** Every timestamp in the document: the incident's time fields, then the timeline events. */
export function allTimestamps(ast: PostmortemDocument): TimestampNode[] {
  const out: TimestampNode[] = [];
  for (const section of ast.sections) {
    if (section.name === 'incident') {
      for (const field of section.fields) if (field.timestamp && !field.timestamp.invalidReason) out.push(field.timestamp);
    } else if (section.name === 'timeline') {
      for (const event of section.events) if (!event.timestamp.invalidReason) out.push(event.timestamp);
    }
  }
  return out;
}
