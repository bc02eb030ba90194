import { findHttpUrl } from './escape';

/**
 * Free text as the renderers show it: plain runs, `code` spans and http(s) links. Both renderers
 * read the same segments, so the preview, `render` and `export` agree on what is code and what
 * is a link.
 */
export type InlineSegment =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; text: string; url: string };

const CODE_SPAN = /`([^`]+)`/g;

export function inlineSegments(text: string): InlineSegment[] {
  const segments: InlineSegment[] = [];
  let cursor = 0;
  CODE_SPAN.lastIndex = 0;
  for (let m = CODE_SPAN.exec(text); m; m = CODE_SPAN.exec(text)) {
    linkSegments(text.slice(cursor, m.index), segments);
    segments.push({ kind: 'code', text: m[1] });
    cursor = m.index + m[0].length;
  }
  linkSegments(text.slice(cursor), segments);
  return segments;
}

function linkSegments(text: string, into: InlineSegment[]): void {
  let rest = text;
  for (let found = findHttpUrl(rest); found; found = findHttpUrl(rest)) {
    if (found.start > 0) into.push({ kind: 'text', text: rest.slice(0, found.start) });
    into.push({ kind: 'link', text: rest.slice(found.start, found.end), url: found.url });
    rest = rest.slice(found.end);
  }
  if (rest) into.push({ kind: 'text', text: rest });
}
