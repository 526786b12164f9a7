// YAML with exact source ranges: the `yaml` package's Document keeps every node's offsets,
// which LineIndex turns into positions. Clause ids are read from the source text of plain
// scalars, so an unquoted 5.10 stays "5.10" (SPEC §3.1).
import { isMap, isPair, isScalar, isSeq, parseDocument, Scalar, type Document, type Node, type YAMLMap } from 'yaml';
import { LineIndex } from '../text';
import type { Range } from '../types';

/** Bounds alias expansion: a "billion laughs" file fails fast instead of eating memory. */
export const MAX_ALIAS_COUNT = 200;

export interface YamlSource {
  text: string;
  lines: LineIndex;
  doc: Document.Parsed;
  /** Plain JS value for schema validation; undefined when it could not be built. */
  value: unknown;
  errors: { range: Range; message: string }[];
}

/** `offset` lets a front-matter block be parsed in place inside a Markdown file. */
export function parseYaml(text: string, lines = new LineIndex(text)): YamlSource {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  const errors = doc.errors.map((e) => ({ range: lines.range(e.pos[0], e.pos[1]), message: firstLine(e.message) }));
  let value: unknown;
  if (errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      errors.push({ range: lines.range(0, 0), message: firstLine((e as Error).message) });
    }
  }
  return { text, lines, doc, value, errors };
}

function firstLine(s: string): string { return s.split('\n')[0].trim(); }

export function nodeRange(src: { lines: LineIndex }, node: Node | null | undefined): Range | undefined {
  const r = node?.range;
  return r ? src.lines.range(r[0], r[1]) : undefined;
}

export interface Located { node: Node | null; key?: Node; }

/** The pair of `map` whose key is `key`. */
export function mapPair(map: YAMLMap, key: string): { key: Node; value: Node | null } | undefined {
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) {
      return { key: item.key as Node, value: (item.value as Node | null) ?? null };
    }
  }
  return undefined;
}

export function mapValue(map: unknown, key: string): Node | null | undefined {
  return isMap(map) ? mapPair(map, key)?.value : undefined;
}

/** Walks a JSON pointer (ajv's instancePath) through the YAML tree. */
export function locate(doc: Document.Parsed, pointer: string): Located {
  let node: Node | null = doc.contents as Node | null;
  let key: Node | undefined;
  if (!pointer) return { node };
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (isMap(node)) {
      const pair = mapPair(node, seg);
      if (!pair) break;
      key = pair.key; node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined) break;
      key = undefined; node = item as Node;
    } else break;
  }
  return { node, key };
}

/** The text a scalar was written as: source text for plain scalars, the value otherwise. */
export function scalarText(src: { text: string }, node: Node | null | undefined): string | undefined {
  if (!isScalar(node)) return undefined;
  if (node.type === Scalar.PLAIN && node.range) return src.text.slice(node.range[0], node.range[1]).trim();
  return node.value === null || node.value === undefined ? undefined : String(node.value);
}

export function scalarString(node: Node | null | undefined): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return typeof node.value === 'object' ? undefined : String(node.value);
}

export function scalarNumber(node: Node | null | undefined): number | undefined {
  return isScalar(node) && typeof node.value === 'number' && Number.isFinite(node.value) ? node.value : undefined;
}
