// The two kinds of rule: file rules see one evidence file, pack rules see every leaf merged. A rule reports a
// code it defines (../diagnostic.ts) with the message's arguments; the engine makes the diagnostic.
import type { PackContext } from '../context';
import type { CodeDefinition, DiagnosticExtra, MessageArgs } from '../diagnostic';
import type { LeafFacts } from '../leafFacts';
import type { ClauseEntry, Diagnostic, Range } from '../types';

export type Report = <V extends string>(
  def: CodeDefinition<V>,
  file: string,
  range: Range,
  args?: MessageArgs,
  extra?: DiagnosticExtra<NoInfer<V>>,
) => void;

export interface AnalyzedFile {
  file: string;
  entries: ClauseEntry[];
  /** Relative links found in a Markdown body (evidence links included). */
  bodyLinks: { target: string; range: Range; state: 'ok' | 'missing' | 'outside' }[];
  /** Link states of YAML `file:` values, by evidence item. */
  itemLinks: Map<object, 'ok' | 'missing' | 'outside'>;
  openActions: { clause: string; text: string; range: Range }[];
}

export interface FileRule {
  check(file: AnalyzedFile, ctx: PackContext, report: Report): void;
}
export interface PackRule {
  check(leaves: LeafFacts[], ctx: PackContext, report: Report): void;
}

export type { Diagnostic };
