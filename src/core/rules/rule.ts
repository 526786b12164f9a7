// The two kinds of rule: file rules see one evidence file, pack rules see every leaf merged.
import type { PackContext } from '../context';
import type { LeafFacts } from '../leafFacts';
import type { ClauseEntry, Diagnostic, DiagnosticCode, Range } from '../types';

export type Report = (code: DiagnosticCode, file: string, range: Range, message: string, extra?: { clause?: string; data?: Record<string, unknown> }) => void;

export interface AnalyzedFile {
  file: string;
  entries: ClauseEntry[];
  /** Relative links found in a Markdown body (evidence links included). */
  bodyLinks: { target: string; range: Range; state: 'ok' | 'missing' | 'outside' }[];
  /** Link states of YAML `file:` values, by evidence item. */
  itemLinks: Map<object, 'ok' | 'missing' | 'outside'>;
  openActions: { clause: string; text: string; range: Range }[];
}

export interface FileRule { codes: DiagnosticCode[]; check(file: AnalyzedFile, ctx: PackContext, report: Report): void }
export interface PackRule { codes: DiagnosticCode[]; check(leaves: LeafFacts[], ctx: PackContext, report: Report): void }

export type { Diagnostic };
