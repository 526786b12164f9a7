// JSON Schema validation (ajv's precompiled validators), each error placed on the offending YAML node and worded
// in zh-CN or en (ajv's own messages are English only).
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap } from 'yaml';
import * as validators from './generated/validators';
import { locate, mapPair, nodeRange, type YamlSource } from './parse/yamlSource';
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
  const zh = lang === 'zh-CN';
  const at = where(e);
  switch (e.keyword) {
    case 'required':
      return zh ? `${at}：缺少必填字段“${p.missingProperty}”` : `${at}: missing required property "${p.missingProperty}"`;
    case 'additionalProperties':
      return zh ? `${at}：不允许的字段“${p.additionalProperty}”` : `${at}: unexpected property "${p.additionalProperty}"`;
    case 'enum':
      return zh ? `${at}：取值必须是 ${(p.allowedValues as unknown[]).join(' | ')} 之一` : `${at}: must be one of ${(p.allowedValues as unknown[]).join(' | ')}`;
    case 'const':
      return zh ? `${at}：取值必须是 ${JSON.stringify(p.allowedValue)}` : `${at}: must be ${JSON.stringify(p.allowedValue)}`;
    case 'type': {
      const t = Array.isArray(p.type) ? (p.type as string[]).join(' | ') : String(p.type);
      return zh ? `${at}：类型应为 ${t}` : `${at}: must be of type ${t}`;
    }
    case 'pattern':
      return zh ? `${at}：格式不符（${p.pattern}）` : `${at}: does not match the format ${p.pattern}`;
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum':
      return zh ? `${at}：数值应 ${p.comparison} ${p.limit}` : `${at}: must be ${p.comparison} ${p.limit}`;
    case 'minItems':
      return zh ? `${at}：至少需要 ${p.limit} 项` : `${at}: needs at least ${p.limit} item(s)`;
    case 'maxItems':
      return zh ? `${at}：最多 ${p.limit} 项` : `${at}: at most ${p.limit} item(s)`;
    case 'minLength':
      return zh ? `${at}：不能为空` : `${at}: must not be empty`;
    default:
      return zh ? `${at}：不符合结构要求（${e.keyword}）` : `${at}: ${e.message ?? e.keyword}`;
  }
}
