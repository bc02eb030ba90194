import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { PostmortemDocument, SectionName } from '../language/ast';
import type { LineIndex } from '../language/lineIndex';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];

/** A quick fix: text edits that never overlap, against the analysed text. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The obvious fix for its diagnostic (VS Code applies it with the auto-fix shortcut). */
  isPreferred?: boolean;
}

export interface RelatedInformation {
  range: Range;
  message: string;
}

export interface DiagnosticData {
  fix?: Fix;
  /**
   * Fixes the authors choose between, offered in the editor beside each other. Fix-all and
   * `check --fix` apply none of them: which one is right is a fact only the authors know.
   */
  alternatives?: Fix[];
}

/** The shape of an LSP diagnostic, with the severity as a word and the fix in `data`. */
export interface PostmortemDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  source: 'postmortem';
  relatedInformation?: RelatedInformation[];
  data?: DiagnosticData;
}

export interface Metrics {
  /** resolved − started */
  durationMinutes: number | null;
  /** detected − started */
  timeToDetectMinutes: number | null;
  /** responded − detected */
  timeToRespondMinutes: number | null;
  /** mitigated − started */
  timeToMitigateMinutes: number | null;
  /** impact ended − impact started: the customer-facing window, when it is written. */
  impactMinutes: number | null;
  /** The metrics above computed from a time marked approximate (`~23:25 UTC`). */
  approximate: MetricName[];
}

export type MetricName = Exclude<keyof Metrics, 'approximate'>;

export type IncidentType = 'incident' | 'near-miss' | 'drill';

export interface PostmortemConfig {
  /** Severity per rule code, overriding each rule's default. */
  rules: Record<string, SeveritySetting>;
  /** How many `why N:` steps PM020 asks for. */
  requiredWhys: number;
  /** Sections PM002 asks for. */
  requiredSections: SectionName[];
  /** More phrases PM040 reports as blame. */
  blamePhrases: string[];
  /** Phrases the wording rules never report (a team's accepted vocabulary). */
  allowedPhrases: string[];
  /** Names of people PM042 and PM023 recognise besides `@handles`. */
  people: string[];
  /** Hours after `resolved` within which the postmortem should be written (PM016). */
  writeupWithinHours: number;
  /** Days an open action item may go without a dated follow-up note (PM039). */
  followupDays: number;
  /** "Today" for overdue checks, `YYYY-MM-DD`; the system date when unset. */
  today?: string;
  /** The severity scale, most severe first: what `severity:` may say. */
  severities: string[];
}

export interface AnalyzeOptions {
  config?: Partial<PostmortemConfig>;
  /** `YYYY-MM-DD`; wins over `config.today`. Defaults to the system date in UTC. */
  today?: string;
}

export interface Analysis {
  ast: PostmortemDocument;
  diagnostics: PostmortemDiagnostic[];
  metrics: Metrics;
  incidentType: IncidentType;
  /** Offsets, positions and line text of the analysed document. */
  lines: LineIndex;
  config: PostmortemConfig;
  /** The `YYYY-MM-DD` the analysis took as today. */
  today: string;
  /** The same day as days since the epoch, for comparing with due dates. */
  todayDay: number;
}
