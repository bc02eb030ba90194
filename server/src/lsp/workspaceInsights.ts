import { calendarDateOf, formatDate } from '../core/language/time';
import type { PostmortemDigest } from '../core/insights/digest';
import { digestOf, epochDay, followupsAbout, lastTrackedDay } from '../core/insights/digest';
import { computeStats } from '../core/insights/stats';
import { renderInsights } from '../core/render/insightsHtml';
import { fsPathOf } from './configuration';
import type { AnalyzedDocument } from './documents';
import type { WorkspaceIndex } from './workspaceIndex';
import type {
  ActionItemsParams, ActionItemsResult, IndexChangedParams, InsightsResult, WorkspaceActionItem,
} from '../protocol/workspaceProtocol';

/**
 * The workspace features across postmortems, served to the client over custom requests (no
 * parser in the client): the open action items for the tree view and status bar, and the
 * insights page. They read the workspace index, with open documents as they are being edited
 * in place of their saved text.
 */

function today(): string {
  return formatDate(calendarDateOf(Date.now()));
}

export class WorkspaceInsights {
  /** Digests of open documents by URI, from their current (maybe unsaved) text. */
  private readonly open = new Map<string, PostmortemDigest>();

  constructor(private readonly index: WorkspaceIndex) {}

  /** An open document counts with the workspace only if its file lies in a workspace folder. */
  documentAnalysed(document: AnalyzedDocument): void {
    const path = fsPathOf(document.uri);
    if (path && this.index.contains(path)) this.open.set(document.uri, digestOf(path, document.analysis));
    else this.open.delete(document.uri);
  }

  documentClosed(uri: string): void {
    this.open.delete(uri);
  }

  /** Every postmortem with its URI: the index, and open documents in place of their files. */
  digests(): { uri: string; digest: PostmortemDigest }[] {
    const openPaths = new Set([...this.open.keys()].map((uri) => fsPathOf(uri) ?? uri));
    const all: { uri: string; digest: PostmortemDigest }[] = [];
    for (const entry of this.index.entries()) if (!openPaths.has(entry.path)) all.push({ uri: entry.uri, digest: entry.digest });
    for (const [uri, digest] of this.open) all.push({ uri, digest });
    return all;
  }

  problems(): string[] {
    const problems = [...this.index.unreadable].map(([path, reason]) => `${path}: ${reason}`);
    for (const { digest } of this.digests()) {
      if (digest.syntaxErrors) problems.push(`${digest.path}: ${digest.syntaxErrors} syntax error${digest.syntaxErrors === 1 ? '' : 's'}; figures use what could be parsed`);
    }
    return problems;
  }

  /** Open items of incidents and near misses (drills are practice), overdue first, then by due date. */
  actionItems(params: ActionItemsParams = {}): ActionItemsResult {
    const day = params.today ?? today();
    const todayDay = epochDay(day);
    const items: WorkspaceActionItem[] = [];
    for (const { uri, digest } of this.digests()) {
      if (digest.type === 'drill') continue;
      const lastTracked = lastTrackedDay(digest);
      for (const action of digest.actions) {
        if (!action.open) continue;
        const late = action.dueDay !== null ? todayDay - action.dueDay : null;
        items.push({
          uri,
          line: action.line,
          id: action.id,
          title: action.title,
          owner: action.owner,
          priority: action.priority,
          due: action.due,
          status: action.status,
          daysOverdue: late !== null && late > 0 ? late : null,
          daysLeft: late !== null && late <= 0 ? -late : null,
          postmortem: { id: digest.id, title: digest.title, path: digest.path },
          followups: followupsAbout(digest, action.id),
          lastTracked,
        });
      }
    }
    items.sort(
      (a, b) =>
        (b.daysOverdue ?? -1) - (a.daysOverdue ?? -1) ||
        (a.daysLeft ?? Number.MAX_SAFE_INTEGER) - (b.daysLeft ?? Number.MAX_SAFE_INTEGER) ||
        (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.line - b.line),
    );
    return { ready: this.index.ready, today: day, items, overdue: items.filter((i) => i.daysOverdue !== null).length, problems: this.problems() };
  }

  counts(): IndexChangedParams {
    const { items, overdue, ready } = this.actionItems();
    return { ready, open: items.length, overdue };
  }

  insights(): InsightsResult {
    const report = computeStats(this.digests().map((d) => d.digest), { today: today() });
    report.problems.unshift(...this.problems());
    return { ready: this.index.ready, html: renderInsights(report), report };
  }

  /** Incidents on the same services that started before this one (all of them when it has no start). */
  earlierIncidents(uri: string, digest: PostmortemDigest): Map<string, { uri: string; name: string; line: number; started: number }[]> {
    const byService = new Map<string, { uri: string; name: string; line: number; started: number }[]>();
    const path = fsPathOf(uri) ?? uri;
    for (const other of this.digests()) {
      const d = other.digest;
      if (d.path === path || d.type !== 'incident' || d.started === null) continue;
      if (digest.started !== null && d.started >= digest.started) continue;
      for (const service of d.services) {
        if (!digest.services.includes(service)) continue;
        let list = byService.get(service);
        if (!list) byService.set(service, (list = []));
        list.push({ uri: other.uri, name: d.id ?? d.path, line: 0, started: d.started });
      }
    }
    // Newest first: the incident most like this one in time is the one a reader opens first.
    for (const list of byService.values()) list.sort((a, b) => b.started - a.started);
    return byService;
  }
}
