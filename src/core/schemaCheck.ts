// JSON Schema validation (ajv's precompiled validators), each error placed on the offending YAML node and worded
// in zh-CN or en (ajv's own messages are English only).
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap } from 'yaml';
import * as validators from './generated/validators';
import { locate, mapPair, nodeRange, type YamlSource } from './parse/yamlSource';
import { msg } from './messages';
import type { Diagnostic, Lang } from './types';

export type SchemaName = 'evidence' | 'pack' | 'standard' | 'scoring';

export function schemaDiagnostics(schema: SchemaName, src: YamlSource, file: string, lang: Lang): Diagnostic[] {
  // Compiled from schemas/ at build time (scripts/generate.cjs): nothing to compile at start-up.
  const validate: ValidateFunction = validators[schema];
  if (validate(src.value)) return [];
  const errors = pruneErrors(validate.errors ?? []);
  return errors.map((e) => {
    const { node, key } = locate(src.doc, e.instancePath);
    let range = nodeRange(src, node) ?? nodeRange(src, key);
    if (e.keyword === 'additionalProperties' && isMap(node)) {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      range = nodeRange(src, mapPair(node, extra)?.key) ?? range; // indexed: no scan per error
    } else if (e.keyword === 'required' && key) {
      range = nodeRange(src, key);
    } else if (e.keyword === 'required' && node && range && range.end.line > range.start.line) {
      // A whole mapping is too much to underline: mark its first line.
      range = { start: range.start, end: { line: range.start.line, character: src.lines.lineText(range.start.line).length } };
    }
    range ??= src.lines.range(0, 0);
    return { file, range, severity: 'error', code: 'schema', message: describe(e, lang) } satisfies Diagnostic;
  });
}

/** oneOf/anyOf summaries repeat what their branches said; keep the specific errors. */
function pruneErrors(errors: ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if');
  const list = specific.length ? specific : errors;
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function where(e: ErrorObject): string {
  const path = e.instancePath.split('/').slice(1).join('.');
  return path || '(root)';
}

function describe(e: ErrorObject, lang: Lang): string {
  const p = e.params as Record<string, unknown>;
  const at = where(e);
  switch (e.keyword) {
    case 'required': return msg(lang, 'schema.required', { at, name: String(p.missingProperty) });
    case 'additionalProperties': return msg(lang, 'schema.additional', { at, name: String(p.additionalProperty) });
    case 'enum': return msg(lang, 'schema.enum', { at, values: (p.allowedValues as unknown[]).join(' | ') });
    case 'const': return msg(lang, 'schema.const', { at, value: JSON.stringify(p.allowedValue) });
    case 'type': return msg(lang, 'schema.type', { at, type: Array.isArray(p.type) ? (p.type as string[]).join(' | ') : String(p.type) });
    case 'pattern': return msg(lang, 'schema.pattern', { at, pattern: String(p.pattern) });
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum':
      return msg(lang, 'schema.limit', { at, comparison: String(p.comparison), limit: String(p.limit) });
    case 'minItems': return msg(lang, 'schema.minItems', { at, limit: String(p.limit) });
    case 'maxItems': return msg(lang, 'schema.maxItems', { at, limit: String(p.limit) });
    case 'minLength': return msg(lang, 'schema.minLength', { at });
    default: return msg(lang, 'schema.other', { at, keyword: e.keyword, detail: e.message ?? e.keyword });
  }
}
