// A diagnostic code describes itself where it is reported (a file in src/core/rules/): its default severity,
// what it means and the message it prints, in zh-CN and en. `diagnostic` is the one way to make a Diagnostic,
// so a code's severity and words cannot differ between the places that report it.
import { fillTemplate } from './messages';
import type { Diagnostic, DiagnosticCode, Lang, LocalizedText, Range, Severity } from './types';

export type MessageArgs = Record<string, string | number>;

export interface CodeDefinition<V extends string = string> {
  code: DiagnosticCode;
  severity: Severity;
  /** What the code means (SARIF rule descriptions, docs/diagnostics*.md). */
  description: LocalizedText;
  /** The message template, `{name}` placeholders filled from the reporter's arguments. */
  message: LocalizedText;
  /** Other wordings of the same problem, chosen by the reporter (e.g. `initial-cap` without a justification). */
  variants?: Record<V, LocalizedText>;
}

/** A code's definition, its variants' names inferred (so a reporter cannot name one that is not there). */
export function defineCode<const V extends string = never>(def: CodeDefinition<V>): CodeDefinition<V> {
  return def;
}

export interface DiagnosticExtra<V extends string = string> {
  clause?: string;
  data?: Record<string, unknown>;
  variant?: V;
}

export function diagnostic<V extends string>(
  def: CodeDefinition<V>,
  lang: Lang,
  file: string,
  range: Range,
  args: MessageArgs = {},
  extra: DiagnosticExtra<NoInfer<V>> = {},
): Diagnostic {
  const template = extra.variant !== undefined ? def.variants![extra.variant] : def.message;
  return {
    file,
    range,
    severity: def.severity,
    code: def.code,
    message: fillTemplate(template[lang], args),
    ...(extra.clause ? { clause: extra.clause } : {}),
    ...(extra.data ? { data: extra.data } : {}),
  };
}
