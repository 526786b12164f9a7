// Messages between the extension host and the score panel webview. Types only: both sides
// import this file, so a change to a message breaks the build on both sides at once.
import type { LeafState } from '../core/types';

/** Every string the panel shows, already in the display language (the webview has no l10n). */
export interface PanelStrings {
  title: string;
  score: string;
  stars: string;
  band: string;
  provisional: string;
  sections: string;
  clauses: string;
  clause: string;
  titleColumn: string;
  state: string;
  points: string;
  earned: string;
  missing: string;
  evidenceColumn: string;
  specials: string;
  deductions: string;
  bonus: string;
  next: string;
  needed: string;
  suggestions: string;
  gain: string;
  topBand: string;
  why: string;
  formula: string;
  pickPack: string;
  exportReport: string;
  noScore: string;
  revealHint: string;
  addHint: string;
}

export interface PanelSection {
  id: string;
  title: string;
  earned: string;
  applicable: string;
  percent: number;
}

export interface PanelClause {
  id: string;
  title: string;
  state: LeafState;
  stateLabel: string;
  points: string;
  earned: string;
  missingKinds: string[];
  evidence: string;
  reason: string;
  /** Whether an entry exists (click reveals it) or not (click offers to add one). */
  hasEntry: boolean;
  /** For a row of the scoring sheet: the standard's clause it refines, `5.3.2 投诉处理`. */
  refines?: string;
}

export interface PanelSuggestion {
  clause: string;
  title: string;
  gain: string;
  missing: string;
}

export interface PanelModel {
  lang: 'zh-CN' | 'en';
  pack: string;
  /** Pack label shown in the header (relative to the workspace folder). */
  packLabel: string;
  /** More than one pack in the workspace: show the picker button. */
  canPickPack: boolean;
  strings: PanelStrings;
  /** Absent when the pack cannot be scored; `problem` says why. */
  score?: {
    total: string;
    stars: number;
    maxStars: number;
    starsText: string;
    starsLabel: string;
    band: string;
    failed: boolean;
    provisional: boolean;
    provisionalText: string;
    standardTitle: string;
    /** `Points from the scoring sheet: 某认证有限公司 · 评分表 · 2025-02`, or '' without a sheet. */
    sheetText: string;
    /** At an initial certification: why the band is lower than the score earns; '' otherwise. */
    capText: string;
    /** Eligibility and dossier, apart from the score; absent when the standard lists neither. */
    scheme?: { title: string; note: string; prerequisites: string; dossier: string; missing: { id: string; title: string }[] };
    sections: PanelSection[];
    clauses: PanelClause[];
    deductions: { count: number; points: string; items: string[] };
    bonus: { count: number; points: string; items: string[] };
    next?: { band: string; min: string; needed: string; neededText: string; suggestions: PanelSuggestion[] };
    why: string[];
  };
  problem?: string;
}

/** Extension → webview. */
export type HostMessage = { type: 'update'; model: PanelModel } | { type: 'focusClause'; clause: string };

/** Webview → extension. Every field is validated by the extension before it acts. */
export type WebviewMessage = { type: 'ready' } | { type: 'reveal'; clause: string } | { type: 'pickPack' } | { type: 'exportReport' };

/** What the webview keeps with setState so the serializer can restore the panel after a reload. */
/** What the webview keeps across a reload: the pack, and the last model, shown at once when restored. */
export interface PanelState {
  pack?: string;
  model?: PanelModel;
}
