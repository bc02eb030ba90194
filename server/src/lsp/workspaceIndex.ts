import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Range } from 'vscode-languageserver';
import { analyze } from '../core/analysis/analyze';
import { readRegularFile, type UnreadableFile } from '../node/regularFile';
import type { PostmortemConfig } from '../core/analysis/types';
import type { PostmortemDocument } from '../core/language/ast';
import { rules } from '../core/rules/index';
import { actionField, headerField } from '../core/language/queries';
import { digestOf, type PostmortemDigest } from '../core/insights/digest';
import { MAX_ANALYSED_LENGTH } from './documents';
import { handlesIn } from './handles';

/** The incident and its action items: what workspace symbols list. */
export interface PostmortemOutline {
  uri: string;
  /** File-system path, or the URI for a document that is not a file. */
  path: string;
  title?: string;
  id?: string;
  titleRange: Range;
  actions: { id: string; title?: string; owner?: string; range: Range }[];
}

/** What the workspace features need from a postmortem that is not open. */
export interface IndexedPostmortem extends PostmortemOutline {
  handles: string[];
  /** What the action-item view, insights and the services lens read. */
  digest: PostmortemDigest;
}

export interface IndexProgress {
  begin(total: number): void;
  report(done: number, total: number): void;
  done(): void;
}

/** How long the build works before it lets requests in (a frame, so typing never waits longer). */
const SLICE_MS = 15;
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out', 'build', 'coverage']);
const MAX_FILES = 10_000;
/** Larger files are not indexed, as open documents that large are not analysed. */
const MAX_FILE_BYTES = MAX_ANALYSED_LENGTH;
/** Only the structure is needed, so every rule is turned off for the index. */
const STRUCTURE_ONLY: Partial<PostmortemConfig> = { rules: Object.fromEntries(rules.map((r) => [r.code, 'off'])) };

/**
 * The `.postmortem` files of the workspace folders, summarised for workspace symbols and owner
 * completion. Built in the background (yielding between files so requests are answered) and
 * kept current from file-watcher events.
 */
export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedPostmortem>();
  private generation = 0;
  /** The folders indexed, each ending in the path separator. */
  private roots: string[] = [];

  /** Files that could not be read, with the reason: reported by the insights, never skipped silently. */
  readonly unreadable = new Map<string, string>();
  /** Whether the first build has finished: until then the workspace features wait. */
  ready = false;

  constructor(
    private readonly log: (message: string) => void,
    /** Called after a build finishes and after every file indexed again or removed. */
    private readonly changed: () => void = () => {},
  ) {}

  entries(): IterableIterator<IndexedPostmortem> {
    return this.files.values();
  }

  handles(): string[] {
    return [...this.files.values()].flatMap((f) => f.handles);
  }

  /** Replaces the index with the files found under `folders`. */
  async build(folders: string[], progress: IndexProgress): Promise<void> {
    const generation = ++this.generation;
    this.roots = folders.map((folder) => (folder.endsWith(sep) ? folder : folder + sep));
    // Cleared before the walk, not after it: a file created while the walk runs arrives as a
    // file event, and clearing later would drop it for good (the walk did not see it).
    this.files.clear();
    this.unreadable.clear();
    const paths: string[] = [];
    for (const folder of folders) await this.collect(folder, paths);
    progress.begin(paths.length);
    let sliceStart = performance.now();
    for (let i = 0; i < paths.length; i++) {
      if (generation !== this.generation) return;
      await this.update(paths[i]);
      // Requests are answered, and progress reported, between slices of a few milliseconds, not
      // after every file: a turn of the event loop and a message per file slow a large build.
      if (performance.now() - sliceStart >= SLICE_MS || i + 1 === paths.length) {
        progress.report(i + 1, paths.length);
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    progress.done();
    this.ready = true;
    this.changed();
  }

  /** Whether `path` lies in one of the indexed folders. */
  contains(path: string): boolean {
    return this.roots.some((root) => path.startsWith(root));
  }

  /** Indexes one file again (created or changed on disk). */
  async update(path: string): Promise<void> {
    try {
      // A regular file only, read without blocking and within the size cap (see docs/security.md).
      this.files.set(path, summarize(path, readRegularFile(path, MAX_FILE_BYTES).toString('utf8')));
      this.unreadable.delete(path);
    } catch (error) {
      this.files.delete(path);
      const code = (error as UnreadableFile).code;
      if (code === 'EFBIG') this.unreadable.set(path, `not indexed: larger than ${MAX_FILE_BYTES / 1024} KB`);
      else if (code !== 'ENOTREG' && code !== 'EISDIR') {
        this.unreadable.set(path, `cannot be read (${code ?? String(error)})`);
        this.log(`Cannot index ${path}: ${code ?? String(error)}`);
      }
    }
    if (this.ready) this.changed();
  }

  remove(path: string) {
    this.files.delete(path);
    this.unreadable.delete(path);
    if (this.ready) this.changed();
  }

  private async collect(folder: string, into: string[]): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (into.length >= MAX_FILES) return;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) await this.collect(path, into);
      } else if (entry.isFile() && entry.name.endsWith('.postmortem')) into.push(path);
    }
  }
}

function summarize(path: string, text: string): IndexedPostmortem {
  const analysis = analyze(text, { config: STRUCTURE_ONLY });
  // A copy: the titles, IDs and owners are slices of the text, and a slice keeps the whole text in
  // memory. With 5,000 postmortems indexed, the server held 176-178 MB with them, 142-150 MB without.
  return structuredClone({ ...outline(pathToFileURL(path).href, path, analysis.ast), handles: handlesIn(text), digest: digestOf(path, analysis) });
}

/** The incident and its action items, as workspace symbols list them. */
export function outline(uri: string, path: string, ast: PostmortemDocument): PostmortemOutline {
  const idField = headerField(ast, 'id');
  const actions = ast.sections.flatMap((s) => (s.name === 'actions' ? s.items : []));
  return {
    uri,
    path,
    title: ast.title?.value?.text,
    id: idField?.value?.text,
    titleRange: ast.title?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    actions: actions.map((item) => ({ id: item.id, title: item.title?.text, owner: actionField(item, 'owner')?.value?.text, range: item.range })),
  };
}
