import { handlesIn } from '../language/handles';

export { handlesIn };

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
