// Standard files (YAML or JSON) → a checked Standard tree. Standards are data only:
// nothing in them is evaluated, and keys are read by name (never merged into objects).
import { isMap, type Node } from 'yaml';
import { diagnostic } from '../diagnostic';
import { fillTemplate, msg, pick } from '../messages';
import { Q } from '../rational';
import { YAML_SYNTAX } from '../rules/reading';
import { POINTS_MISMATCH, STANDARD_INVALID } from '../rules/standardChecks';
import { schemaDiagnostics } from '../schemaCheck';
import { mapValue, nodeRange, parseYaml, scalarNumber, scalarText, seqItems, type YamlSource } from '../parse/yamlSource';
import type { Clause, Diagnostic, EvidenceKind, Lang, LocalizedText, RatingRules, SchemeItem, Standard } from '../types';
import { ZERO_RANGE } from '../text';

export const BUILTIN_FILE_PREFIX = 'builtin:';

export interface StandardLoad {
  standard?: Standard;
  diagnostics: Diagnostic[];
}

type Raw = Record<string, unknown>;
const own = (o: unknown, k: string): unknown =>
  o !== null && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, k) ? (o as Raw)[k] : undefined;
export const text = (o: unknown): LocalizedText => ({
  'zh-CN': String(own(o, 'zh-CN') ?? own(o, 'en') ?? ''),
  en: String(own(o, 'en') ?? own(o, 'zh-CN') ?? ''),
});

/** `file` is the absolute path of a standard file, or `builtin:ID`. */
export function loadStandardText(source: string, file: string, lang: Lang): StandardLoad {
  const src = parseYaml(source);
  const diagnostics: Diagnostic[] = src.errors.map((e) => diagnostic(YAML_SYNTAX, lang, file, e.range, { detail: e.message }));
  if (diagnostics.length) return { diagnostics };
  const schemaErrors = schemaDiagnostics('standard', src, file, lang);
  if (schemaErrors.length) return { diagnostics: schemaErrors };

  const raw = src.value as Raw;
  const kinds: EvidenceKind[] = (own(raw, 'kinds') as Raw[]).map((k) => ({
    id: String(own(k, 'id')),
    label: text(own(k, 'label')),
    dated: own(k, 'dated') === true,
    ...(typeof own(k, 'window_months') === 'number' ? { windowMonths: own(k, 'window_months') as number } : {}),
  }));
  const schemeItems = (key: string, group: SchemeItem['group']): SchemeItem[] =>
    ((own(raw, key) as Raw[] | undefined) ?? []).map((i) => ({
      id: `${group}.${String(own(i, 'id'))}`,
      group,
      title: text(own(i, 'title')),
      ...(own(i, 'guidance') ? { guidance: text(own(i, 'guidance')) } : {}),
    }));
  const kindIds = new Set(kinds.map((k) => k.id));
  const r = own(raw, 'rating') as Raw;
  const rating: RatingRules = {
    scale: Number(own(r, 'scale') ?? 100),
    rounding: Number(own(r, 'rounding') ?? 1),
    fail: { id: String(own(own(r, 'fail'), 'id') ?? 'fail'), label: text(own(own(r, 'fail'), 'label')) },
    bands: ((own(r, 'bands') as Raw[]) ?? [])
      .map((b) => ({
        id: String(own(b, 'id')),
        min: Number(own(b, 'min')),
        stars: Number(own(b, 'stars') ?? 0),
        label: text(own(b, 'label')),
      }))
      .sort((a, b) => a.min - b.min),
    specialDeduction: {
      points: Number(own(own(r, 'special_deduction'), 'points') ?? 1),
      failAt: Number(own(own(r, 'special_deduction'), 'fail_at') ?? Infinity),
    },
    specialBonus: { points: Number(own(own(r, 'special_bonus'), 'points') ?? 1), max: Number(own(own(r, 'special_bonus'), 'max') ?? 1) },
  };

  const byId = new Map<string, Clause>();
  const leaves: Clause[] = [];
  let order = 0;
  const invalid = (node: Node | null | undefined, detail: string) =>
    diagnostics.push(diagnostic(STANDARD_INVALID, lang, file, nodeRange(src, node) ?? ZERO_RANGE, { detail }));

  const build = (seqNode: Node | null | undefined, parentId: string | undefined): Clause[] => {
    const out: Clause[] = [];
    for (const item of seqItems(seqNode)) {
      if (!isMap(item)) continue;
      const idNode = mapValue(item, 'id');
      const id = scalarText(src, idNode) ?? '';
      const childrenNode = mapValue(item, 'children');
      const clause: Clause = {
        id,
        title: text(nodeJs(src, mapValue(item, 'title'))),
        guidance: mapValue(item, 'guidance') ? text(nodeJs(src, mapValue(item, 'guidance'))) : undefined,
        points: 0,
        pointsText: '0',
        requires: asList(nodeJs(src, mapValue(item, 'requires'))).map(String),
        sampled: nodeJs(src, mapValue(item, 'sampled')) === true,
        excludable: nodeJs(src, mapValue(item, 'excludable')) === true,
        children: [],
        parentId,
        order: order++,
        source: { file, range: nodeRange(src, idNode) ?? ZERO_RANGE },
      };
      if (byId.has(id)) invalid(idNode, msg(lang, 'standard-duplicate-clause', { id }));
      byId.set(id, clause);
      for (const k of clause.requires) {
        if (!kindIds.has(k)) invalid(mapValue(item, 'requires'), msg(lang, 'standard-undefined-kind', { id, kind: k }));
      }
      const stated = scalarNumber(mapValue(item, 'points'));
      clause.children = build(childrenNode, id);
      if (clause.children.length === 0) {
        clause.points = stated ?? 0;
        clause.pointsText = String(clause.points);
        leaves.push(clause);
      } else {
        clause.statedPoints = stated;
      }
      out.push(clause);
    }
    return out;
  };
  const clauses = build(mapValue(src.doc.contents, 'clauses'), undefined);
  const standard: Standard = {
    id: String(own(raw, 'id')),
    title: text(own(raw, 'title')),
    weights: own(raw, 'weights') === 'official' ? 'official' : 'provisional',
    kinds,
    rating,
    clauses,
    byId,
    leaves,
    file: file.startsWith(BUILTIN_FILE_PREFIX) ? undefined : file,
    prerequisites: schemeItems('prerequisites', 'prerequisite'),
    dossier: schemeItems('dossier', 'dossier'),
  };
  for (const item of [...standard.prerequisites, ...standard.dossier]) {
    if (byId.has(item.id))
      invalid(null, fillTemplate(pick({ en: 'Id "{id}" is also a clause id', 'zh-CN': '编号“{id}”与条款重复' }, lang), { id: item.id }));
  }
  for (const d of checkTotals(standard, file, lang)) diagnostics.push(d);
  return { standard, diagnostics };
}

/** Sets every parent's points to the exact sum of its leaves and reports stated sums that differ. */
export function checkTotals(standard: Standard, file: string, lang: Lang): Diagnostic[] {
  const out: Diagnostic[] = [];
  const sum = (c: Clause): Q => {
    if (c.children.length === 0) return Q.of(c.points);
    const total = c.children.reduce((acc, ch) => acc.add(sum(ch)), Q.ZERO);
    c.points = total.toNumber(6);
    c.pointsText = total.toFixed(2).replace(/\.?0+$/, '');
    if (c.statedPoints !== undefined && total.cmp(Q.of(c.statedPoints)) !== 0) {
      out.push(
        diagnostic(
          POINTS_MISMATCH,
          lang,
          file,
          c.source?.range ?? ZERO_RANGE,
          { clause: c.id, stated: c.statedPoints, sum: c.pointsText },
          { clause: c.id },
        ),
      );
    }
    return total;
  };
  standard.clauses.forEach(sum);
  return out;
}

/** A list as read; anything else (the schema has reported it) as no list. */
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function nodeJs(_src: YamlSource, node: Node | null | undefined): unknown {
  return node && typeof (node as { toJSON?: unknown }).toJSON === 'function'
    ? (node as unknown as { toJSON(): unknown }).toJSON()
    : undefined;
}

export function collectLeaves(c: Clause): Clause[] {
  return c.children.length === 0 ? [c] : c.children.flatMap(collectLeaves);
}

export function cloneStandard(s: Standard): Standard {
  const byId = new Map<string, Clause>();
  const leaves: Clause[] = [];
  const copy = (c: Clause): Clause => {
    const n: Clause = { ...c, children: [] };
    byId.set(n.id, n);
    n.children = c.children.map(copy);
    if (n.children.length === 0) leaves.push(n);
    return n;
  };
  const clauses = s.clauses.map(copy);
  return { ...s, clauses, byId, leaves };
}
