import type { PostmortemDocument, TimestampNode } from '../language/ast';

/** The valid timestamps of one section, in order: the incident's time fields or the timeline's events. */
export function timestampsBySection(ast: PostmortemDocument): TimestampNode[][] {
  const out: TimestampNode[][] = [];
  for (const section of ast.sections) {
    const stamps: TimestampNode[] = [];
    if (section.name === 'incident') {
      for (const field of section.fields) if (field.timestamp && !field.timestamp.invalidReason) stamps.push(field.timestamp);
    } else if (section.name === 'timeline') {
      for (const event of section.events) if (!event.timestamp.invalidReason) stamps.push(event.timestamp);
    } else {
      continue;
    }
    out.push(stamps);
  }
  return out;
}

/** Every timestamp in the document: the incident's time fields, then the timeline events. */
export function allTimestamps(ast: PostmortemDocument): TimestampNode[] {
  return timestampsBySection(ast).flat();
}
