import type { CancellationToken, SymbolInformation, WorkspaceSymbolParams } from 'vscode-languageserver';
import { SymbolKind } from 'vscode-languageserver';
import type { AnalyzedDocument } from './documents';
import { fsPathOf } from './configuration';
import type { IndexedPostmortem, PostmortemOutline } from './workspaceIndex';
import { outline } from './workspaceIndex';

const MAX_RESULTS = 500;

/**
 * Incidents and action items across the workspace whose names hold the query's characters in
 * order, case-insensitively; the editor ranks what is returned. The caller passes open documents
 * from their current analysis and the other files from the workspace index.
 */
export function workspaceSymbols(postmortems: Iterable<PostmortemOutline>, params: WorkspaceSymbolParams, token: CancellationToken): SymbolInformation[] {
  const query = params.query.toLowerCase().replace(/\s+/g, '');
  const results: SymbolInformation[] = [];
  for (const postmortem of postmortems) {
    if (token.isCancellationRequested || results.length >= MAX_RESULTS) break;
    const incident = [postmortem.id, postmortem.title].filter(Boolean).join(': ') || postmortem.path;
    if (matches(incident, query)) {
      results.push({ name: incident, kind: SymbolKind.File, location: { uri: postmortem.uri, range: postmortem.titleRange } });
    }
    for (const action of postmortem.actions) {
      const name = `${action.id}${action.title ? `: ${action.title}` : ''}${action.owner ? ` (${action.owner})` : ''}`;
      if (matches(name, query)) {
        results.push({ name, kind: SymbolKind.Function, containerName: incident, location: { uri: postmortem.uri, range: action.range } });
      }
    }
  }
  return results.slice(0, MAX_RESULTS);
}

/** The query's characters appear in the name in order, case-insensitively. */
function matches(name: string, query: string): boolean {
  const lower = name.toLowerCase();
  let at = 0;
  for (const c of query) {
    at = lower.indexOf(c, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** Open documents from their current analysis; every other indexed file from the index. */
export function workspaceOutlines(open: AnalyzedDocument[], indexed: Iterable<IndexedPostmortem>): PostmortemOutline[] {
  const openOutlines = open.map((d) => outline(d.uri, fsPathOf(d.uri) ?? d.uri, d.analysis.ast));
  const openPaths = new Set(openOutlines.map((o) => o.path));
  return [...openOutlines, ...[...indexed].filter((entry) => !openPaths.has(entry.path))];
}
