// JSON Schema validation (ajv's precompiled validators), each error placed on the offending YAML node and worded
// in zh-CN or en (ajv's own messages are English only).
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap } from 'yaml';
import * as validators from './generated/validators';
import { locate, mapPair, nodeRange, type YamlSource } from './parse/yamlSource';
import { diagnostic } from './diagnostic';
import { msg, type MessageId } from './messages';
import { SCHEMA } from './rules/reading';
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
    return diagnostic(SCHEMA, lang, file, range, { detail: describe(e, lang) });
  });
}

/**
 * One error per fault. A value that fails an anyOf/oneOf fails every branch, and ajv reports them all:
 * `special_bonus: {reason: x, extra: 1}` is an unexpected property for the mapping branch and "must be
 * an array" for the list branch. Only the branch the value has the shape of is kept (the one whose errors
 * are not a type mismatch of the value itself); when it has the shape of none, one type error lists them.
 */
function pruneErrors(errors: ErrorObject[]): ErrorObject[] {
  let list = errors.filter((e) => e.keyword !== 'if');
  for (const alt of errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')) {
    const at = alt.instancePath;
    const below = (e: ErrorObject) => e !== alt && (e.instancePath === at || e.instancePath.startsWith(`${at}/`));
    const shape = (e: ErrorObject) => e.keyword === 'type' && e.instancePath === at;
    const fits = list.some((e) => below(e) && !shape(e));
    // Branches the value has the shape of say what is wrong; the others only that it is not their type.
    const types = fits
      ? []
      : list.filter((e) => below(e) && shape(e)).flatMap((e) => [(e.params as { type: string | string[] }).type].flat());
    const merged: ErrorObject[] = types.length > 0 ? [{ ...alt, keyword: 'type', params: { type: [...new Set(types)] } }] : [];
    list = list.flatMap((e) => (e === alt ? merged : below(e) && shape(e) ? [] : [e]));
  }
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** What a list's item is called, by the list's key (`clause entry`, `个条款`). */
const ITEMS: Record<string, MessageId> = {
  clauses: 'schema.item.clauses',
  evidence: 'schema.item.evidence',
  kinds: 'schema.item.kinds',
  bands: 'schema.item.bands',
  children: 'schema.item.children',
  special_deductions: 'schema.item.specialDeductions',
  special_bonus: 'schema.item.specialBonus',
};

/**
 * Where the fault is, in the user's words: `/clauses/1/status` → `第 2 个条款的 status` or
 * `status of clause entry 2`; the root is the file itself.
 */
function where(e: ErrorObject, lang: Lang): string {
  const segs = e.instancePath
    .split('/')
    .slice(1)
    .map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'));
  const parts: string[] = [];
  for (let i = 0; i < segs.length; i++) {
    const next = segs[i + 1];
    if (next !== undefined && /^\d+$/.test(next)) {
      const n = Number(next) + 1;
      const name = ITEMS[segs[i]];
      parts.push(name ? msg(lang, 'schema.at.item', { name: msg(lang, name), n }) : msg(lang, 'schema.at.itemOf', { list: segs[i], n }));
      i++;
    } else if (/^\d+$/.test(segs[i])) {
      parts.push(msg(lang, 'schema.at.index', { n: Number(segs[i]) + 1 }));
    } else {
      parts.push(segs[i]);
    }
  }
  if (parts.length === 0) return msg(lang, 'schema.at.file');
  // A key written in Latin letters after 的 reads better with a space: 第 2 个条款的 status.
  return parts.reduce((outer, inner) => msg(lang, 'schema.at.of', { outer, inner })).replace(/的(?=[A-Za-z_])/g, '的 ');
}

const TYPE_NAMES: Record<string, MessageId> = {
  string: 'schema.typeName.string',
  number: 'schema.typeName.number',
  integer: 'schema.typeName.integer',
  boolean: 'schema.typeName.boolean',
  object: 'schema.typeName.object',
  array: 'schema.typeName.array',
  null: 'schema.typeName.null',
};
const typeName = (t: string, lang: Lang) => (TYPE_NAMES[t] ? msg(lang, TYPE_NAMES[t]) : t);

function describe(e: ErrorObject, lang: Lang): string {
  const p = e.params as Record<string, unknown>;
  const at = where(e, lang);
  switch (e.keyword) {
    case 'required':
      return msg(lang, 'schema.required', { at, name: String(p.missingProperty) });
    case 'additionalProperties':
      return msg(lang, 'schema.additional', { at, name: String(p.additionalProperty) });
    case 'enum':
      return msg(lang, 'schema.enum', { at, values: (p.allowedValues as unknown[]).join(' | ') });
    case 'const':
      return msg(lang, 'schema.const', { at, value: JSON.stringify(p.allowedValue) });
    case 'type':
      return msg(lang, 'schema.type', {
        at,
        type: [p.type]
          .flat()
          .map((x) => typeName(String(x), lang))
          .join(msg(lang, 'schema.typeName.or')),
      });
    case 'pattern':
      // Never a regex to a user: the schemas' patterns in words.
      if (String(p.pattern).startsWith('^https?')) return msg(lang, 'schema.pattern.url', { at });
      if (String(p.pattern).startsWith('^[A-Za-z]')) return msg(lang, 'schema.pattern.id', { at });
      return msg(lang, 'schema.pattern', { at });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return msg(lang, 'schema.limit', { at, comparison: String(p.comparison), limit: String(p.limit) });
    case 'minItems':
      return msg(lang, 'schema.minItems', { at, limit: String(p.limit) });
    case 'maxItems':
      return msg(lang, 'schema.maxItems', { at, limit: String(p.limit) });
    case 'minLength':
      return msg(lang, 'schema.minLength', { at });
    default:
      return msg(lang, 'schema.other', { at, keyword: e.keyword, detail: e.message ?? e.keyword });
  }
}
