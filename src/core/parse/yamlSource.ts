// YAML with exact source ranges: the `yaml` package's Document keeps every node's offsets,
// which LineIndex turns into positions. Clause ids are read from the source text of plain
// scalars, so an unquoted 5.10 stays "5.10" (docs/formats.md).
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, type Alias, type Document, type Node, type YAMLMap } from 'yaml';
import { LineIndex } from '../text';
import type { Range } from '../types';

/** Bounds alias expansion: a "billion laughs" file fails fast instead of eating memory. */
export const MAX_ALIAS_COUNT = 200;
/**
 * Deeper YAML is refused before it is converted: toJS, ajv and the standard's tree walks recurse,
 * and past a few hundred levels they overflow the stack at a depth that depends on the JIT (the
 * same file loaded once and failed the next time). Real files nest fewer than 30 levels.
 */
export const MAX_DEPTH = 100;

export interface YamlSource {
  text: string;
  lines: LineIndex;
  /** The parsed tree (only its root is read: `yaml`'s Document, or the fast path's stand-in, parse/fastYaml.ts). */
  doc: Pick<Document.Parsed, 'contents'>;
  /** Plain JS value for schema validation; undefined when it could not be built. */
  value: unknown;
  errors: { range: Range; message: string }[];
}

/** `offset` lets a front-matter block be parsed in place inside a Markdown file. */
export function parseYaml(text: string, lines = new LineIndex(text)): YamlSource {
  // logLevel 'error': a mapping used as a key made `yaml` call process.emitWarning, printing Node
  // warnings into the CLI's stderr and the extension host log; it is still reported (schema).
  // uniqueKeys: false — yaml's own check compares each key with every earlier one (O(n²): 40,000
  // keys in one mapping took 11 s, a 2 MB file minutes); duplicates are found below with a Map.
  // A lone \r is a line break for VS Code (and LineIndex) but not for `yaml`: read it as \n, which
  // keeps every offset, so the file parses as the lines a user sees.
  const yamlText = text.indexOf('\r') === -1 ? text : text.replace(/\r(?!\n)/g, '\n');
  const doc = parseDocument(yamlText, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, logLevel: 'error' });
  // The parser reports its own stack overflow on deep flow collections as an error: say what it means.
  const errors = doc.errors.map((e) => ({
    range: lines.range(e.pos[0], e.pos[1]),
    message: /call stack/i.test(e.message) ? tooDeep() : firstLine(e.message),
  }));
  let value: unknown;
  const { deep, duplicates, aliases } = walk(doc);
  for (const key of duplicates) errors.push({ range: nodeRange({ lines }, key) ?? lines.range(0, 0), message: 'Map keys must be unique' });
  if (deep && errors.length === 0) {
    const at = deep.range?.[0] ?? 0;
    errors.push({ range: lines.range(at, at + 1), message: tooDeep() });
  } else if (errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      // Aliases can stack shallow parts into a deep value, or make a collection contain itself.
      if (valueTooDeep(value)) {
        value = undefined;
        errors.push({ range: lines.range(0, 0), message: tooDeep() });
      } else if (aliases.length > 0 && isCyclic(value)) {
        value = undefined;
        errors.push({ range: lines.range(0, 0), message: 'an alias refers to a collection that contains it' });
      } else {
        // Within the alias limits: readers of the tree see an alias as the node it names.
        for (const a of aliases) {
          const target = a.resolve(doc);
          if (target) aliasTargets.set(a, target as Node);
        }
      }
    } catch (e) {
      errors.push({ range: lines.range(0, 0), message: e instanceof RangeError ? tooDeep() : firstLine((e as Error).message) });
    }
  }
  return { text, lines, doc, value, errors };
}

const tooDeep = () => `nested more than ${MAX_DEPTH} levels deep`;

/**
 * One iterative pass (no recursion on hostile input): the first collection nested deeper than
 * MAX_DEPTH, and every scalar key repeated in its mapping (compared like yaml does: same value).
 */
function walk(doc: Document.Parsed): { deep?: Node; duplicates: Node[]; aliases: Alias[] } {
  const duplicates: Node[] = [];
  const aliases: Alias[] = [];
  const stack: [unknown, number][] = [[doc.contents, 1]];
  while (stack.length > 0) {
    const [n, d] = stack.pop()!;
    if (isAlias(n)) aliases.push(n);
    if (!isMap(n) && !isSeq(n)) continue;
    if (d > MAX_DEPTH) return { deep: n as Node, duplicates, aliases };
    const seen = isMap(n) ? new Set<unknown>() : undefined;
    for (const item of n.items as unknown[]) {
      if (isPair(item)) {
        if (seen && isScalar(item.key)) {
          const k = item.key.value;
          if (seen.has(k)) duplicates.push(item.key as Node);
          else seen.add(k);
        }
        stack.push([item.value, d + 1], [item.key, d + 1]);
      } else stack.push([item, d + 1]);
    }
  }
  return { duplicates, aliases };
}

/** Whether a converted value contains itself (`&a [*a]`): the tree walks that read it would not end. */
function isCyclic(value: unknown): boolean {
  const done = new Set<object>();
  const onPath = new Set<object>();
  const stack: [object, boolean][] = [];
  if (value !== null && typeof value === 'object') stack.push([value, false]);
  while (stack.length > 0) {
    const [v, leaving] = stack.pop()!;
    if (leaving) {
      onPath.delete(v);
      done.add(v);
      continue;
    }
    if (done.has(v)) continue;
    if (onPath.has(v)) return true;
    onPath.add(v);
    stack.push([v, true]);
    for (const child of v instanceof Map ? v.values() : Object.values(v)) {
      if (child === null || typeof child !== 'object') continue;
      if (onPath.has(child)) return true;
      if (!done.has(child)) stack.push([child, false]);
    }
  }
  return false;
}

/** Each alias of a parsed document (that passed the alias limits) → the node it names. */
const aliasTargets = new WeakMap<object, Node>();

/** The node an alias names; any other node as it is. */
export function deref(node: Node | null | undefined): Node | null | undefined {
  return isAlias(node) ? (aliasTargets.get(node) ?? null) : node;
}

/** A sequence's items, aliases read as the nodes they name. */
export function seqItems(node: Node | null | undefined): Node[] {
  const n = deref(node);
  return isSeq(n) ? (n.items as Node[]).map((i) => deref(i) ?? (i as Node)) : [];
}

/** Whether a converted value nests deeper than MAX_DEPTH (shared alias targets walked once per depth). */
function valueTooDeep(value: unknown): boolean {
  const seen = new Map<object, number>();
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > MAX_DEPTH) return true;
    if ((seen.get(v) ?? Infinity) <= d) continue;
    seen.set(v, d);
    for (const child of v instanceof Map ? v.values() : Object.values(v)) stack.push([child, d + 1]);
  }
  return false;
}

/** The message's first line, without yaml's `at line L, column C` (counted its own way; the range says where). */
function firstLine(s: string): string {
  return s
    .split('\n')[0]
    .replace(/\s*at line \d+, column \d+:?\s*$/, '')
    .trim();
}

export function nodeRange(src: { lines: LineIndex }, node: Node | null | undefined): Range | undefined {
  const r = node?.range;
  return r ? src.lines.range(r[0], r[1]) : undefined;
}

export interface Located {
  node: Node | null;
  key?: Node;
}

/** Big mappings get a key index, built once: a schema error per key of a 200,000-key mapping
 *  located its key by scanning the mapping each time (O(n²), minutes). */
const INDEX_FROM = 64;
const indexes = new WeakMap<YAMLMap, Map<string, { key: Node; value: Node | null }>>();

/** The pair of `map` whose key is `key` (the first one). */
export function mapPair(map: YAMLMap, key: string): { key: Node; value: Node | null } | undefined {
  if (map.items.length >= INDEX_FROM) {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items) {
        if (isPair(item) && isScalar(item.key) && !index.has(String(item.key.value))) {
          index.set(String(item.key.value), { key: item.key as Node, value: (item.value as Node | null) ?? null });
        }
      }
      indexes.set(map, index);
    }
    return index.get(key);
  }
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) {
      return { key: item.key as Node, value: (item.value as Node | null) ?? null };
    }
  }
  return undefined;
}

/** The value of `key` in a mapping; aliases (the mapping's or the value's) read as the nodes they name. */
export function mapValue(map: unknown, key: string): Node | null | undefined {
  const m = deref(map as Node);
  return isMap(m) ? deref(mapPair(m, key)?.value) : undefined;
}

/** Walks a JSON pointer (ajv's instancePath) through the YAML tree. */
export function locate(doc: Pick<Document.Parsed, 'contents'>, pointer: string): Located {
  let node: Node | null = doc.contents as Node | null;
  let key: Node | undefined;
  if (!pointer) return { node };
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (isMap(node)) {
      const pair = mapPair(node, seg);
      if (!pair) break;
      key = pair.key;
      node = deref(pair.value) ?? pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined) break;
      key = undefined;
      node = deref(item as Node) ?? (item as Node);
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
