import { HANDLE_SOURCE } from '../core/language/handles';
import { PLACEHOLDER_HANDLES } from '../core/template/postmortemTemplate';

const HANDLE = new RegExp(HANDLE_SOURCE, 'g');
/** The fields that name people: a handle in prose or a comment is not offered as an owner. */
const PEOPLE_FIELD = /^[ 	]*(?:owner|authors)[ 	]*:(.*)$/gim;
const PLACEHOLDERS = new Set(PLACEHOLDER_HANDLES.map((h) => h.toLowerCase()));

/** The handles in the `owner:` and `authors:` fields of a document, without template placeholders. */
export function handlesIn(text: string): string[] {
  const found = new Set<string>();
  for (const field of text.matchAll(PEOPLE_FIELD)) {
    for (const handle of field[1].match(HANDLE) ?? []) if (!PLACEHOLDERS.has(handle.toLowerCase())) found.add(handle);
  }
  return [...found];
}

/** Handles per document version, so owner completion does not rescan unchanged documents. */
export class HandleCache {
  private readonly byUri = new Map<string, { version: number; handles: string[] }>();

  handles(uri: string, version: number, text: () => string): string[] {
    const cached = this.byUri.get(uri);
    if (cached && cached.version === version) return cached.handles;
    const handles = handlesIn(text());
    this.byUri.set(uri, { version, handles });
    return handles;
  }

  /** Every handle in the given open documents. */
  inDocuments(documents: { uri: string; version: number; getText(): string }[]): string[] {
    return documents.flatMap((d) => this.handles(d.uri, d.version, () => d.getText()));
  }

  forget(uri: string) {
    this.byUri.delete(uri);
  }
}
