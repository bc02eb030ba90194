import type { PostmortemDocument, TimestampNode } from '../language/ast';
import type { RuleContext } from './rule';

/** The valid timestamps of each section that has them, in order: the incident's time fields, the timeline's events. */
function timestampsOf(ast: PostmortemDocument): TimestampNode[][] {
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

/** `timestampsOf` the analysed document, worked out once for the rules that read it. */
export function timestampsBySection(context: RuleContext): TimestampNode[][] {
  return context.shared(timestampsOf, () => timestampsOf(context.ast));
}
