import assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'postmortem-tools.postmortem-language-tools';

export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  await extension.activate();
}

/** An untitled `.postmortem` document, shown in an editor: no workspace folder is needed. */
export async function openPostmortem(content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'postmortem', content });
  await vscode.window.showTextDocument(document);
  return document;
}

/**
 * Resolves with the document's diagnostics once `ready` accepts them, checked now and on every
 * `onDidChangeDiagnostics` for the document; rejects after `timeoutMs`. Never sleeps.
 */
export function diagnosticsWhen(uri: vscode.Uri, ready: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!ready(diagnostics)) return;
      finish();
      resolve(diagnostics);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`Timed out waiting for diagnostics on ${uri.toString()}; last seen: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => d.code))}`));
    }, timeoutMs);
    const finish = () => {
      subscription.dispose();
      clearTimeout(timer);
    };
    check();
  });
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

/** The position of the first `|` in `marked`, and the text without it. */
export function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'the text marks the cursor with |');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** Resolves once the language server answers with the document's outline; rejects after `timeoutMs`. */
export async function symbolsWhen(uri: vscode.Uri, timeoutMs = 30_000): Promise<vscode.DocumentSymbol[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
    if (symbols?.length) return symbols;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for the outline of ${uri.toString()}`);
    // The provider answers once the server has started; ask again on the next tick of the host.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Closes every editor, reverting untitled documents first so that no "save?" dialog opens. */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** A complete postmortem with one zone-less time (PM010) on the line that starts with `  14:30  `. */
export const ZONELESS_POSTMORTEM = `postmortem: Payment processing outage
id: INC-2025-002
date: 2025-02-15
authors: @jane, @sam
status: final

summary:
  Payment processing became unresponsive because the database connection pool
  was exhausted after a deployment introduced an N+1 query.

incident:
  started: 2025-02-14 14:30 UTC
  detected: 2025-02-14 14:30 UTC
  detected by: p95 latency alert (automated)
  responded: 2025-02-14 14:31 UTC
  mitigated: 2025-02-14 14:46 UTC
  resolved: 2025-02-14 15:15 UTC
  duration: 45m
  severity: SEV1
  services: payment-service, checkout-api
  users affected: 500+
  functionality: card payments failed or timed out
  impact: about 2,000 failed transactions

timeline:
  2025-02-14 14:28 UTC  Deployment of payment-service v2.4.0 completes
  14:30  Connection pool reaches 100% utilization
  15:15 UTC  Incident declared resolved

whys:
  symptom: Payment service unresponsive, connection pool exhausted
  why 1: v2.4.0 issues one query per payment instead of one batch
  why 2: The review checklist has no step for query patterns
  why 3: The release skipped load testing
  why 4: Load testing is manual and its environment is often unavailable
  why 5: No performance check is required by the deployment pipeline
  root cause: The deployment pipeline has no automated performance regression gate

factors:
  process:
    - No mandatory performance regression test before production deploys
  technical:
    - Connection pool saturation is not alerted before exhaustion
  cultural:
    - Deadline pressure made skipping load tests feel normal
  environmental:
    - Staging traffic is far below production volume

actions:
  A1: Add an automated load test stage to the deployment pipeline
    priority: P1
    owner: @platform-team
    due: 2999-03-15
    status: in-progress
    verify: The pipeline fails on a replay of the v2.4.0 regression

lessons:
  went well:
    - Alert fired within two minutes
  could improve:
    - No message to affected customers for 30 minutes
  surprised us:
    - The N+1 pattern passed unit and integration tests
  changing:
    - See A1
`;
