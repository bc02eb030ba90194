import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from '../node/configFile';
import { LineIndex } from '../core/language/lineIndex';

export interface ConfigFileTarget {
  /** The `.postmortemrc.json` that governs the document, when one exists. */
  existing?: string;
  /** The folder for a new `.postmortemrc.json` when none exists. */
  newFolder?: string;
  /** Whether the client can create files through a workspace edit. */
  canCreateFiles: boolean;
  /** Whether the client can show an edit for confirmation before applying it (change annotations). */
  canConfirm: boolean;
}

/** The annotation that makes VS Code show the edit and wait for the user before applying it. */
const CONFIRM = 'postmortem.disableRule';

/**
 * The workspace edit that sets `"rules": {"PMxxx": "off"}` in the configuration file, keeping
 * every other setting; undefined when that cannot be done safely (a file that is not a JSON
 * object, `rules` that is not an object, or no way to create the file).
 */
export function disableRuleEdit(code: string, target: ConfigFileTarget): WorkspaceEdit | undefined {
  const annotation = target.canConfirm ? { annotationId: CONFIRM } : {};
  const changeAnnotations = target.canConfirm
    ? { changeAnnotations: { [CONFIRM]: { label: `Turn ${code} off for every postmortem under this folder`, needsConfirmation: true, description: CONFIG_FILE_NAME } } }
    : {};
  if (target.existing) {
    const edit = editExistingFile(code, target.existing);
    if (!edit) return undefined;
    if (!target.canConfirm) return { changes: { [edit.uri]: [edit.edit] } };
    return { documentChanges: [{ textDocument: { uri: edit.uri, version: null }, edits: [{ ...edit.edit, ...annotation }] }], ...changeAnnotations };
  }
  if (!target.newFolder || !target.canCreateFiles) return undefined;
  const uri = pathToFileURL(join(target.newFolder, CONFIG_FILE_NAME)).href;
  const start = { line: 0, character: 0 };
  return {
    documentChanges: [
      { kind: 'create', uri, options: { ignoreIfExists: true }, ...annotation },
      { textDocument: { uri, version: null }, edits: [{ range: { start, end: start }, newText: serialize({ rules: { [code]: 'off' } }), ...annotation }] },
    ],
    ...changeAnnotations,
  };
}

function editExistingFile(code: string, path: string): { uri: string; edit: TextEdit } | undefined {
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
  return { uri: pathToFileURL(path).href, edit: { range: lines.range(0, text.length), newText: serialize(updated) } };
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function serialize(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
