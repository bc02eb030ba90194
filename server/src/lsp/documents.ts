import type { Connection } from 'vscode-languageserver';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../core/analysis/analyze';
import type { Analysis, AnalyzeOptions } from '../core/analysis/types';
import { updateDocument } from './documentUpdate';

/** A document version and its analysis: what every provider reads. */
export interface AnalyzedDocument {
  uri: string;
  version: number;
  document: TextDocument;
  analysis: Analysis;
}

interface CacheEntry {
  version: number;
  /** Length of the analysed text, for the cache budget. */
  length: number;
  /** Configuration generation the analysis was made with. */
  generation: number;
  analysis: Analysis;
}

export interface DocumentAnalysesOptions {
  optionsFor(uri: string): AnalyzeOptions;
  /** Called with the analysis of the current version once the edits have settled. */
  publish(document: AnalyzedDocument): void;
  /** Called instead of `publish` for a version too large to analyse. */
  tooLarge(uri: string, version: number, length: number): void;
  /** Called when a document closes, after its pending analysis was dropped. */
  closed(uri: string): void;
  log(message: string): void;
}

/**
 * Analyses above this many milliseconds count as slow: the next change then waits as long as
 * one analysis took before analysing again, so typing in a very large document is not blocked
 * by analyses of versions that are already out of date.
 */
const SLOW_ANALYSIS_MS = 50;
const MAX_DELAY_MS = 500;

/**
 * Documents longer than this (in UTF-16 code units, two megabytes, some 25,000 lines) are not
 * analysed: a postmortem is a few hundred lines, the largest real ones (10,000 timeline events)
 * about one megabyte, and analysing a huge file would block every request for seconds. Such a
 * document gets empty results, and the person is told why.
 */
export const MAX_ANALYSED_LENGTH = 2 * 1024 * 1024;

/**
 * How much text the kept analyses may cover together. An analysis holds the whole AST, some 7
 * times the size of its text (1 MB for a 2,000-line document), and requests come for the
 * documents being edited; the least recently used analyses are dropped first (the one in use
 * never), and a document whose analysis was dropped is analysed again when next asked for.
 * A typical postmortem is 5–20 KB, so a dozen or more of them stay cached.
 */
const CACHED_TEXT_BUDGET = 256 * 1024;

/**
 * The open documents, the analysis of each one's current version (for the most recently used
 * documents), and the diagnostics runs after changes. A change schedules a run; a change that
 * arrives before that run starts replaces it, so a burst of edits is analysed for its last
 * version instead of once per edit. A run publishes only while its version is still the
 * document's current version. Requests analyse the current version on demand (at most once per
 * version and configuration) and never see another version's results.
 */
export class DocumentAnalyses {
  readonly documents = new TextDocuments({ create: TextDocument.create, update: updateDocument });
  private readonly cache = new Map<string, CacheEntry>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly durations = new Map<string, number>();
  private generation = 0;
  private paused = false;

  constructor(private readonly options: DocumentAnalysesOptions) {
    this.documents.onDidChangeContent(({ document }) => this.schedule(document.uri));
    this.documents.onDidClose(({ document }) => this.forget(document.uri));
  }

  listen(connection: Connection) {
    this.documents.listen(connection);
  }

  /** The analysis of the document's current version; undefined for a document that is not open. */
  get(uri: string): AnalyzedDocument | undefined {
    const document = this.documents.get(uri);
    if (!document || isTooLarge(document)) return undefined;
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version && cached.generation === this.generation) {
      this.cache.delete(uri);
      this.cache.set(uri, cached);
      return { uri, version: document.version, document, analysis: cached.analysis };
    }
    const started = performance.now();
    let analysis: Analysis;
    try {
      analysis = analyze(document.getText(), this.options.optionsFor(uri));
    } catch (error) {
      this.options.log(`Analysis of ${uri} (version ${document.version}) failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return undefined;
    }
    this.durations.set(uri, performance.now() - started);
    this.cache.delete(uri);
    this.cache.set(uri, { version: document.version, length: analysis.lines.text.length, generation: this.generation, analysis });
    this.evict();
    return { uri, version: document.version, document, analysis };
  }

  /** Drops the least recently used analyses (Map order is insertion order) until the budget holds. */
  private evict() {
    let total = 0;
    for (const entry of this.cache.values()) total += entry.length;
    for (const [uri, entry] of this.cache) {
      if (total <= CACHED_TEXT_BUDGET || this.cache.size === 1) break;
      this.cache.delete(uri);
      total -= entry.length;
    }
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  /** Holds publishing back while the configuration is being read; `invalidateAll` resumes it. */
  pausePublishing() {
    this.paused = true;
  }

  /** The configuration changed: every open document is analysed again and republished. */
  invalidateAll() {
    this.paused = false;
    this.generation++;
    for (const document of this.documents.all()) this.schedule(document.uri);
  }

  private schedule(uri: string) {
    const previous = this.timers.get(uri);
    if (previous) clearTimeout(previous);
    const lastDuration = this.durations.get(uri) ?? 0;
    const delay = lastDuration > SLOW_ANALYSIS_MS ? Math.min(lastDuration, MAX_DELAY_MS) : 0;
    this.timers.set(uri, setTimeout(() => this.run(uri), delay));
  }

  private run(uri: string) {
    this.timers.delete(uri);
    if (this.paused) return;
    const document = this.documents.get(uri);
    if (document && isTooLarge(document)) {
      this.options.tooLarge(uri, document.version, document.getText().length);
      return;
    }
    const analyzed = this.get(uri);
    // Closed, or changed while this run was waiting: that change scheduled its own run.
    if (!analyzed || this.documents.get(uri)?.version !== analyzed.version) return;
    this.options.publish(analyzed);
  }

  private forget(uri: string) {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    this.cache.delete(uri);
    this.durations.delete(uri);
    this.options.closed(uri);
  }
}

/** Whether a document is beyond what the server analyses (MAX_ANALYSED_LENGTH). */
export function isTooLarge(document: TextDocument): boolean {
  // Line count first: cheap, and a document with many lines is large anyway.
  return document.lineCount > MAX_ANALYSED_LENGTH / 8 || document.getText().length > MAX_ANALYSED_LENGTH;
}
