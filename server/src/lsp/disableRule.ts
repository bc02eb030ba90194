import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from '../analysis/configFile';
import { LineIndex } from '../language/lineIndex';

export interface ConfigFileTarget {
  /** The `.postmortemrc.json` that governs the document, when one exists. */
  existing?: string;
  /** The folder for a new `.postmortemrc.json` when none exists. */
  newFolder?: string;
  /** Whether the client can create files through a workspace edit. */
  canCreateFiles: boolean;
}

/**
 * The workspace edit that sets `"rules": {"PMxxx": "off"}` in the configuration file, keeping
 * every other setting; undefined when that cannot be done safely (a file that is not a JSON
 * object, `rules` that is not an object, or no way to create the file).
 */
export function disableRuleEdit(code: string, target: ConfigFileTarget): WorkspaceEdit | undefined {
  if (target.existing) return editExistingFile(code, target.existing);
  if (!target.newFolder || !target.canCreateFiles) return undefined;
  const uri = pathToFileURL(join(target.newFolder, CONFIG_FILE_NAME)).href;
  const start = { line: 0, character: 0 };
  return {
    documentChanges: [
      { kind: 'create', uri, options: { ignoreIfExists: true } },
      { textDocument: { uri, version: null }, edits: [{ range: { start, end: start }, newText: serialize({ rules: { [code]: 'off' } }) }] },
    ],
  };
}

function editExistingFile(code: string, path: string): WorkspaceEdit | undefined {
  let text: string;
  let value: unknown;
  try {
    text = readFileSync(path, 'utf8');
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  const settings = value as Record<string, unknown>;
  if (settings.rules !== undefined && !isPlainObject(settings.rules)) return undefined;
  const updated = { ...settings, rules: { ...(settings.rules as Record<string, unknown> | undefined), [code]: 'off' } };
  const lines = new LineIndex(text);
  return { changes: { [pathToFileURL(path).href]: [{ range: lines.range(0, text.length), newText: serialize(updated) }] } };
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function serialize(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
