import type { CancellationToken, CodeLens, CodeLensParams } from 'vscode-languageserver';
import { digestOf, followupsAbout } from '../core/insights/digest';
import { fsPathOf } from './configuration';
import type { AnalyzedDocument } from './documents';
import type { WorkspaceInsights } from './workspaceInsights';

/** Client command that opens one or more postmortems: arguments `[{ uri, line }...]`. */
export const OPEN_LOCATIONS_COMMAND = 'postmortem.openLocations';
/** How many incident names a services lens lists before "…". */
const LISTED_INCIDENTS = 3;
const NOTE_PREVIEW_LENGTH = 60;

function shorten(text: string): string {
  return text.length > NOTE_PREVIEW_LENGTH ? `${text.slice(0, NOTE_PREVIEW_LENGTH - 1)}…` : text;
}

/**
 * Code lenses: above `services:`, the earlier incidents of the workspace on each service ("2
 * earlier incidents on checkout-api: INC-2, INC-31"), opening them; above an action item, its
 * newest follow-up note, going to the notes.
 */
export function codeLenses(document: AnalyzedDocument, _params: CodeLensParams, token: CancellationToken, insights: WorkspaceInsights): CodeLens[] {
  if (token.isCancellationRequested) return [];
  const digest = digestOf(fsPathOf(document.uri) ?? document.uri, document.analysis);
  const lenses: CodeLens[] = [];
  if (digest.servicesLine !== null && digest.type === 'incident') {
    const line = digest.servicesLine;
    const range = { start: { line, character: 0 }, end: { line, character: 0 } };
    for (const [service, incidents] of insights.earlierIncidents(document.uri, digest)) {
      const names = incidents.slice(0, LISTED_INCIDENTS).map((i) => i.name).join(', ') + (incidents.length > LISTED_INCIDENTS ? ', …' : '');
      const count = `${incidents.length} earlier incident${incidents.length === 1 ? '' : 's'}`;
      lenses.push({
        range,
        command: { title: `${count} on ${service}: ${names}`, command: OPEN_LOCATIONS_COMMAND, arguments: [incidents.map((i) => ({ uri: i.uri, line: i.line, label: i.name }))] },
      });
    }
  }
  for (const action of digest.actions) {
    const notes = followupsAbout(digest, action.id);
    if (!notes.length) continue;
    const newest = notes[0];
    const more = notes.length > 1 ? ` (+${notes.length - 1} more)` : '';
    lenses.push({
      range: { start: { line: action.line, character: 0 }, end: { line: action.line, character: 0 } },
      command: {
        title: `Follow-up ${newest.date ?? '(undated)'}: ${shorten(newest.text)}${more}`,
        command: OPEN_LOCATIONS_COMMAND,
        arguments: [[{ uri: document.uri, line: newest.line, label: `${action.id} follow-up` }]],
      },
    });
  }
  return lenses;
}
