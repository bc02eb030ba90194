import type { Range } from 'vscode-languageserver-types';
import type { CalendarDate, PostmortemDocument, WhysSection } from '../language/ast';
import type { LineIndex } from '../language/lineIndex';
import type { SectionsByName } from '../language/queries';
import type { Fix, IncidentType, PostmortemConfig, RelatedInformation, Severity } from '../analysis/types';

/** A rule is its metadata plus one function from the analysed document to diagnostics. */
export interface Rule {
  /** `PM010` */
  code: string;
  /** `timestamp-without-zone`: short, kebab-case, stable. */
  name: string;
  /** One sentence: what the rule reports. */
  description: string;
  defaultSeverity: Severity;
  /** Whether the rule offers a quick fix (for at least the common case). */
  fixable: boolean;
  check(context: RuleContext): void;
}

export interface Report {
  range: Range;
  message: string;
  fix?: Fix;
  /** Fixes the authors choose between; see `DiagnosticData.alternatives`. */
  alternatives?: Fix[];
  relatedInformation?: RelatedInformation[];
  /** For rules whose weight depends on the document (PM006 by its status); a configured severity still wins. */
  severity?: Severity;
}

export interface RuleContext {
  readonly ast: PostmortemDocument;
  readonly lines: LineIndex;
  readonly config: PostmortemConfig;
  readonly today: CalendarDate;
  readonly incidentType: IncidentType;
  /** The first section of that name, the one the document means; later ones are duplicates. */
  section<N extends keyof SectionsByName>(name: N): SectionsByName[N] | undefined;
  report(report: Report): void;
  /**
   * Work that several rules share, done once per analysis: `make()` runs on the first call with
   * `key`, later calls get its result. Nothing outlives the analysis, so a kept result (the server
   * keeps one per open document) holds only the tree and the diagnostics.
   */
  shared<T>(key: object, make: () => T): T;
}

/**
 * The causal chains: the first `whys:` section and every later one with a title on its header
 * line (`whys: Backups were never restored`). A later one without a title is a duplicate (PM005).
 */
export function whysChains(ast: PostmortemDocument): WhysSection[] {
  const chains: WhysSection[] = [];
  for (const section of ast.sections) {
    if (section.name === 'whys' && (chains.length === 0 || section.inlineText)) chains.push(section);
  }
  return chains;
}
