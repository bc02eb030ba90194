import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Range } from 'vscode-languageserver-types';
import type { Fix, Severity } from '../../core/analysis/types';
import type { Rule } from '../../core/rules/rule';
import { CLI_NAME, projectFileUri, projectHomeUri, VERSION } from '../manifest';
import { ruleDocsPath } from '../../core/project/ruleDocs';
import type { FileReport } from '../report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

/** SARIF has no hint level; hints and information are both notes. */
const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** SARIF lines and columns are 1-based; an LSP range's end is exclusive, as is SARIF's endColumn. */
function region(range: Range): SarifRegion {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/**
 * Where a file is, for SARIF: a relative path becomes a URI reference against the source root
 * (each segment percent-encoded), an absolute one a `file:` URI.
 */
function artifactLocationOf(path: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(path)) return { uri: pathToFileURL(path).href };
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

/** SARIF wants a base URI that ends with a slash. */
function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : href + '/';
}

/**
 * A SARIF 2.1.0 log with one run: the rules from the registry and one result per diagnostic,
 * with the quick fix as a SARIF fix where the diagnostic has one. Columns count UTF-16 code
 * units, as LSP positions do.
 */
/** A fix as SARIF gives it: the edits as replacements in the file. */
function sarifFix(fix: Fix, artifactLocation: ReturnType<typeof artifactLocationOf>) {
  return {
    description: { text: fix.title },
    artifactChanges: [{ artifactLocation, replacements: fix.edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } })) }],
  };
}

export function formatSarif(reports: readonly FileReport[], rules: readonly Rule[], cwd = process.cwd()): string {
  const ruleIndex = new Map(rules.map((rule, i) => [rule.code, i]));
  const results = reports.flatMap((report) => {
    const artifactLocation = artifactLocationOf(report.path);
    return report.diagnostics.map((d) => ({
      ruleId: d.code,
      ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code) } : {}),
      level: LEVELS[d.severity],
      message: { text: d.message },
      locations: [{ physicalLocation: { artifactLocation, region: region(d.range) } }],
      ...(d.data?.fix || d.data?.alternatives ? { fixes: [d.data.fix, ...(d.data.alternatives ?? [])].filter((f) => f !== undefined).map((f) => sarifFix(f, artifactLocation)) } : {}),
    }));
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: CLI_NAME,
            version: VERSION,
            informationUri: projectHomeUri(),
            rules: rules.map((rule) => ({
              id: rule.code,
              name: rule.name,
              shortDescription: { text: rule.description },
              helpUri: projectFileUri(ruleDocsPath(rule.code)!),
              defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
              properties: { fixable: rule.fixable },
            })),
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: folderUri(cwd) } },
        artifacts: reports.map((report) => ({ location: artifactLocationOf(report.path) })),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
