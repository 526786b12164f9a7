// The shared vocabulary of the engine. Everything here is plain data: the CLI, the
// extension, the webview (through src/protocol) and the report all read these shapes.

export type Lang = 'zh-CN' | 'en';
/** A string in both languages a user may read. */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

/** 0-based, UTF-16 code units, like VS Code (the BOM is not part of the text). */
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

export type DiagnosticCode =
  | 'yaml-syntax'
  | 'schema'
  | 'unknown-clause'
  | 'clause-not-leaf'
  | 'unknown-kind'
  | 'broken-link'
  | 'outside-workspace'
  | 'missing-clause'
  | 'missing-evidence'
  | 'stale-evidence'
  | 'future-evidence'
  | 'undated-evidence'
  | 'conflicting-status'
  | 'exclusion-not-allowed'
  | 'exclusion-needs-justification'
  | 'partial-needs-samples'
  | 'samples-invalid'
  | 'awarded-out-of-range'
  | 'points-mismatch'
  | 'unrectified-deduction'
  | 'bonus-limit'
  | 'special-deductions-fail'
  | 'open-action'
  | 'file-too-large'
  // added since (codes are never renamed, only added):
  | 'manifest-invalid'
  | 'standard-invalid'
  | 'file-unreadable'
  | 'placeholder-organization'
  | 'invalid-date'
  // the certification scheme around the score:
  | 'initial-cap'
  | 'rating-by-rounding'
  | 'missing-prerequisite'
  | 'missing-dossier-item'
  | 'short-operation';

export interface Diagnostic {
  /** Absolute path (forward slashes). Formatters make it relative. */
  file: string;
  range: Range;
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  clause?: string;
  /** Machine-readable details for quick fixes (e.g. missing kinds, the unknown value). */
  data?: Record<string, unknown>;
}

// ---------------------------------------------------------------- standard

export interface EvidenceKind {
  id: string;
  label: LocalizedText;
  dated: boolean;
  /** How far back items of this kind may date, when it differs from the pack's window. */
  windowMonths?: number;
}

/** A prerequisite (资格条件) or dossier item (申请材料): unscored, named by evidence as `prerequisite.ID` / `dossier.ID`. */
export interface SchemeItem {
  /** With its prefix: `dossier.business-licence`. */
  id: string;
  group: 'prerequisite' | 'dossier';
  title: LocalizedText;
  guidance?: LocalizedText;
}

export interface Clause {
  id: string;
  title: LocalizedText;
  guidance?: LocalizedText;
  /** Leaf: its points (after a scoring sheet). Parent: the sum of its leaves. */
  points: number;
  /** Points as the source wrote them, exact (decimal string), for arithmetic. */
  pointsText: string;
  /** The parent's own `points:` when stated (checked against the sum). */
  statedPoints?: number;
  requires: string[];
  sampled: boolean;
  excludable: boolean;
  children: Clause[];
  parentId?: string;
  /** Position of this clause in the standard's depth-first order. */
  order: number;
  /** Where the clause is defined in its standard file (for go-to-definition). */
  source?: { file: string; range: Range };
  /** Set on a row of a scoring sheet (a clause below a leaf of the standard). */
  row?: true;
}

/** The scoring sheet a pack applies (`scoring:` in the manifest), as shown with the score. */
export interface SheetInfo {
  file: string;
  body?: string;
  source?: string;
  version?: string;
  weights: 'official' | 'provisional';
  /** Rows the sheet added below leaves of the standard. */
  rows: number;
}

export interface RatingBand {
  id: string;
  min: number;
  stars: number;
  label: LocalizedText;
}

export interface RatingRules {
  scale: number;
  rounding: number;
  fail: { id: string; label: LocalizedText };
  /** Ascending by min. */
  bands: RatingBand[];
  specialDeduction: { points: number; failAt: number };
  specialBonus: { points: number; max: number };
}

export interface Standard {
  id: string;
  title: LocalizedText;
  weights: 'official' | 'provisional';
  kinds: EvidenceKind[];
  rating: RatingRules;
  /** Top-level clauses, in order. */
  clauses: Clause[];
  byId: Map<string, Clause>;
  /** Leaves in the standard's order. */
  leaves: Clause[];
  /** The file it was loaded from; undefined for a built-in standard. */
  file?: string;
  /** Label of the scoring sheet that replaced the leaf points, when one did. */
  scoringSource?: string;
  /** The scoring sheet applied, when one is. */
  sheet?: SheetInfo;
  /** Unscored prerequisites and dossier items, in the standard's order. */
  prerequisites: SchemeItem[];
  dossier: SchemeItem[];
}

// ---------------------------------------------------------------- manifest

export interface SpecialDeduction {
  id: string;
  clause?: string;
  reason: string;
  rectified: boolean;
  rectification?: string;
  /** What rule it breaks: law, the company's own service rules, industry requirements, or the system's operation. */
  ground?: DeductionGround;
  range: Range;
}

export type DeductionGround = 'law' | 'own-rules' | 'industry' | 'system-operation';
export type AssessmentKind = 'initial' | 'surveillance' | 'recertification';

export interface Manifest {
  file: string;
  /** Folder holding the manifest: the pack root. */
  root: string;
  standardRef: string;
  /** Range of the `standard:` value (missing-clause diagnostics sit there). */
  standardRange: Range;
  scoringRef?: string;
  organization?: { name?: string; type?: 'production' | 'sales-service' };
  assessmentDate: string; // YYYY-MM-DD
  windowMonths: number;
  /** Initial certification, surveillance or recertification; undefined: no cap on the rating. */
  assessmentKind?: AssessmentKind;
  outstanding: boolean;
  /** Why the results are outstanding (assessment.justification). */
  outstandingJustification?: string;
  /** Range of the `assessment:` value (scheme diagnostics sit there), else the standard's. */
  assessmentRange?: Range;
  /** The `target:` value as written (a band id or label; the engine resolves it against the standard). */
  target?: string;
  targetRange?: Range;
  evidenceGlobs: string[];
  specialDeductions: SpecialDeduction[];
  specialBonuses: { reason: string; evidence?: string; basis?: string; range: Range }[];
}

// ---------------------------------------------------------------- evidence

export type ClauseStatus = 'conforming' | 'partial' | 'nonconforming' | 'excluded';

export interface EvidenceItem {
  kind: string;
  /** The kind id once resolved from an id or a label; undefined when unknown. */
  kindId?: string;
  title?: string;
  file?: string;
  url?: string;
  /** The date as YYYY-MM-DD, when one valid date was written. */
  date?: string;
  /** The date as written (any accepted form, brackets included); set whenever a date was written. */
  dateText?: string;
  range: Range;
  kindRange?: Range;
  /** Range of the link target text (`file:` value or Markdown link target). */
  fileRange?: Range;
  dateRange?: Range;
  /** Whether it counts towards the requirement (docs/scoring.md). */
  counts: boolean;
}

/** One `- clause:` entry in a YAML file or one clause section in Markdown. */
export interface ClauseEntry {
  clause: string;
  file: string;
  /** Range of the clause id text. */
  idRange: Range;
  /** Range of the whole entry (the mapping, or the Markdown section). */
  range: Range;
  status?: ClauseStatus;
  /** The status as written (an id or a label), also when it names no status. */
  statusText?: string;
  statusRange?: Range;
  samples?: { size: number; nonconforming: number; range: Range };
  awarded?: number;
  awardedText?: string;
  awardedRange?: Range;
  justification?: string;
  justificationRange?: Range;
  evidence: EvidenceItem[];
  notes?: string;
  /** A Markdown heading's section (a parent's heading without evidence under it is a title). */
  heading?: boolean;
}

/** What one evidence file contributes; cached per file. */
export interface FileResult {
  file: string;
  entries: ClauseEntry[];
  diagnostics: Diagnostic[];
  /** Absolute paths this file links to (to invalidate it when one appears or goes). */
  links: string[];
}

// ---------------------------------------------------------------- score

export type LeafState = 'missing' | 'excluded' | 'nonconforming' | 'partial' | 'incomplete' | 'met';

export interface ClauseScore {
  id: string;
  state: LeafState;
  points: number;
  earned: number;
  missingKinds: string[];
  /** Evidence items (all entries merged) and how many count. */
  evidenceCount: number;
  countingEvidence: number;
  /** Why the state is what it is, in the host language (for "why this score"). */
  reason: string;
}

export interface SectionScore {
  id: string;
  earned: number;
  applicable: number;
}

export interface Suggestion {
  clause: string;
  gain: number;
  missingKinds: string[];
  state: LeafState;
}

/** Prerequisites or dossier items: how many there are and which are provided (an entry with counting evidence). */
export interface SchemeProgress {
  total: number;
  provided: number;
  missing: string[];
}

export interface Score {
  pack: string;
  /** `weights` is provisional while any leaf's points are (a sheet's rows and points count as the sheet's weights). */
  standard: { id: string; weights: 'official' | 'provisional'; title: LocalizedText; scoringSource?: string; sheet?: SheetInfo };
  score: number;
  /** The unrounded score as an exact fraction text, for "why this score". */
  exactScore: string;
  base: number;
  rating: { id: string; stars: number; label: string };
  earned: number;
  applicable: number;
  specialDeductions: number;
  specialBonus: number;
  sections: SectionScore[];
  clauses: ClauseScore[];
  /** At an initial certification without outstanding results: the rating the score would have earned. */
  uncappedRating?: { id: string; stars: number; label: string };
  prerequisites: SchemeProgress;
  dossier: SchemeProgress;
  next: null | { id: string; min: number; needed: number; label: string; stars: number; suggestions: Suggestion[] };
  diagnostics: { error: number; warning: number; info: number };
}

export interface PackResult {
  root: string;
  manifest?: Manifest;
  standard?: Standard;
  /** Undefined when the pack cannot be scored (no readable manifest or standard). */
  score?: Score;
  /** The band the manifest's `target` names (undefined when it names none or there is no target). */
  target?: RatingBand;
  /** Every diagnostic of the pack: manifest, standard, evidence files. */
  diagnostics: Diagnostic[];
  /** Evidence files of the pack (absolute paths), in a stable order. */
  files: string[];
  entries: ClauseEntry[];
  /** Every file the evidence files link to (absolute, resolved; also missing or outside ones), sorted. Set by the engine. */
  links?: string[];
}
