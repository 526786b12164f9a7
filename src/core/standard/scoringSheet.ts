// A certification body's scoring sheet (评分表) applied to a loaded standard: its `points` replace
// leaf points, and its `rows` refine a leaf one level further (the leaf becomes their parent, its
// points the sum of its rows, and evidence names the rows). The result is an ordinary Standard, so
// every view that walks the clause tree shows the rows as leaves without knowing about sheets.
import { isMap, type Node } from 'yaml';
import { diagnostic } from '../diagnostic';
import { msg } from '../messages';
import { deref, mapValue, nodeRange, parseYaml, scalarNumber, scalarString, scalarText, seqItems } from '../parse/yamlSource';
import { YAML_SYNTAX } from '../rules/reading';
import { POINTS_MISMATCH, STANDARD_INVALID } from '../rules/standardChecks';
import { UNKNOWN_CLAUSE } from '../rules/unknownClause';
import { schemaDiagnostics } from '../schemaCheck';
import { ZERO_RANGE } from '../text';
import type { Clause, Diagnostic, Lang, Range, Standard } from '../types';
import { checkTotals, cloneStandard, collectLeaves, nodeJs, text, type StandardLoad } from './loadStandard';

/**
 * Rows nest at most this deep below a leaf of the standard. Bodies' sheets go one level down (two at
 * most); the bound keeps the tree walks (totals, views) shallow whatever a sheet says.
 */
export const MAX_ROW_DEPTH = 4;

interface RowSpec {
  id: string;
  parent: string;
  node: Node;
  idNode: Node;
  parentNode: Node;
}

export function applyScoringSheet(base: Standard, sheetText: string, file: string, lang: Lang): StandardLoad {
  const src = parseYaml(sheetText);
  const diagnostics: Diagnostic[] = src.errors.map((e) => diagnostic(YAML_SYNTAX, lang, file, e.range, { detail: e.message }));
  if (diagnostics.length) return { standard: base, diagnostics };
  const schemaErrors = schemaDiagnostics('scoring', src, file, lang);
  if (schemaErrors.length) return { standard: base, diagnostics: schemaErrors };

  const root = src.doc.contents;
  const at = (node: Node | null | undefined): Range => nodeRange(src, node) ?? ZERO_RANGE;
  const sheetError = (
    def: typeof STANDARD_INVALID | typeof UNKNOWN_CLAUSE,
    node: Node | null | undefined,
    detail: string,
    clause?: string,
  ) => diagnostics.push(diagnostic(def, lang, file, at(node), { detail }, { variant: 'sheet', clause }));

  const sheetStd = scalarText(src, mapValue(root, 'standard'));
  if (sheetStd !== undefined && sheetStd !== base.id) {
    sheetError(STANDARD_INVALID, mapValue(root, 'standard'), msg(lang, 'sheet-standard', { sheet: sheetStd, standard: base.id }));
    return { standard: base, diagnostics };
  }
  const standard = cloneStandard(base);

  // ---- rows: which ones can be placed, checked before anything changes
  const rowsNode = mapValue(root, 'rows');
  const specs = new Map<string, RowSpec>();
  for (const item of seqItems(rowsNode)) {
    const idNode = mapValue(item, 'id') as Node,
      parentNode = mapValue(item, 'parent') as Node;
    const id = scalarText(src, idNode) ?? '',
      parent = scalarText(src, parentNode) ?? '';
    if (base.byId.has(id)) {
      sheetError(STANDARD_INVALID, idNode, msg(lang, 'sheet-row-duplicate-clause', { row: id }), id);
      continue;
    }
    if (specs.has(id)) {
      sheetError(STANDARD_INVALID, idNode, msg(lang, 'sheet-row-duplicate', { row: id }), id);
      continue;
    }
    specs.set(id, { id, parent, node: item, idNode, parentNode });
  }
  // Each row's chain of parents must end at a leaf of the standard, without a cycle, within MAX_ROW_DEPTH.
  const placed = new Map<string, number>(); // row id → depth below its leaf (1 = directly below)
  const rejected = new Set<string>();
  const place = (spec: RowSpec): void => {
    const chain: RowSpec[] = [];
    const onChain = new Set<string>();
    let cur: RowSpec | undefined = spec;
    let depth = 0;
    let problem: (() => void) | undefined;
    while (cur) {
      if (placed.has(cur.id)) {
        depth = placed.get(cur.id)!;
        break;
      }
      if (rejected.has(cur.id)) {
        problem = () => undefined;
        break;
      }
      if (onChain.has(cur.id)) {
        const cycle = chain.slice(chain.findIndex((r) => r.id === cur!.id)).map((r) => r.id);
        const first = cur;
        problem = () =>
          sheetError(
            STANDARD_INVALID,
            first.parentNode,
            msg(lang, 'sheet-row-cycle', { rows: cycle.join(' → ') + ' → ' + cycle[0] }),
            first.id,
          );
        break;
      }
      chain.push(cur);
      onChain.add(cur.id);
      const parentRow = specs.get(cur.parent);
      if (parentRow) {
        cur = parentRow;
        continue;
      }
      const c = cur;
      const parentClause = base.byId.get(c.parent);
      if (!parentClause)
        problem = () =>
          sheetError(UNKNOWN_CLAUSE, c.parentNode, msg(lang, 'sheet-row-parent-unknown', { row: c.id, parent: c.parent }), c.id);
      else if (parentClause.children.length > 0)
        problem = () =>
          sheetError(
            STANDARD_INVALID,
            c.parentNode,
            msg(lang, 'sheet-row-parent-not-leaf', {
              row: c.id,
              parent: c.parent,
              children: parentClause.children.map((x) => x.id).join(', '),
            }),
            c.id,
          );
      break;
    }
    if (problem) {
      problem();
      for (const r of chain) rejected.add(r.id);
      return;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      depth++;
      if (depth > MAX_ROW_DEPTH) {
        sheetError(
          STANDARD_INVALID,
          chain[i].parentNode,
          msg(lang, 'sheet-row-too-deep', { row: chain[i].id, max: MAX_ROW_DEPTH }),
          chain[i].id,
        );
        for (const r of chain.slice(0, i + 1)) rejected.add(r.id);
        return;
      }
      placed.set(chain[i].id, depth);
    }
  };
  for (const spec of specs.values()) if (!placed.has(spec.id) && !rejected.has(spec.id)) place(spec);

  // ---- points: a leaf's points, or the total a refined leaf's rows must add up to
  const fromSheet = new Map<string, Node>(); // clause id → the sheet node that set its points (for mismatch locations)
  const pointsNode = mapValue(root, 'points');
  const refined = new Set([...placed.keys()].map((id) => specs.get(id)!.parent));
  if (isMap(pointsNode)) {
    for (const pair of pointsNode.items) {
      const keyNode = pair.key as Node;
      const id = scalarText(src, keyNode) ?? '';
      const value = scalarNumber(deref(pair.value as Node));
      const clause = standard.byId.get(id);
      if (!clause || clause.children.length > 0) {
        sheetError(UNKNOWN_CLAUSE, keyNode, msg(lang, 'sheet-unknown-clause', { clause: id }), id);
        continue;
      }
      if (value === undefined) continue;
      fromSheet.set(id, keyNode);
      if (refined.has(id)) clause.statedPoints = value;
      else {
        clause.points = value;
        clause.pointsText = String(value);
      }
    }
  }

  // ---- grow the tree: rows in sheet order under their (already grown) parents
  const kindIds = new Set(standard.kinds.map((k) => k.id));
  const byDepth = [...placed.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => specs.get(id)!);
  for (const spec of byDepth) {
    const parent = standard.byId.get(spec.parent)!;
    const item = spec.node;
    const requiresNode = mapValue(item, 'requires');
    const stated = nodeJs(src, requiresNode) as unknown[] | undefined;
    const requires = stated ? stated.map(String) : [...parent.requires];
    for (const k of requires)
      if (!kindIds.has(k)) sheetError(STANDARD_INVALID, requiresNode, msg(lang, 'sheet-row-kind', { row: spec.id, kind: k }), spec.id);
    const flag = (key: string, inherited: boolean) => {
      const v = nodeJs(src, mapValue(item, key));
      return typeof v === 'boolean' ? v : inherited;
    };
    const points = scalarNumber(mapValue(item, 'points')) ?? 0;
    const localized = (key: string) => {
      const v = nodeJs(src, mapValue(item, key));
      return typeof v === 'string' ? { 'zh-CN': v, en: v } : v ? text(v) : undefined;
    };
    const row: Clause = {
      id: spec.id,
      title: localized('title') ?? { 'zh-CN': spec.id, en: spec.id },
      guidance: localized('guidance'),
      points,
      pointsText: String(points),
      requires: requires.filter((k) => kindIds.has(k)),
      sampled: flag('sampled', parent.sampled),
      excludable: flag('excludable', parent.excludable),
      children: [],
      parentId: parent.id,
      order: 0,
      source: { file, range: at(spec.idNode) },
      row: true,
    };
    // A row refined by rows: its own points are the total they must add up to. (A refined leaf of the
    // standard has the sheet's `points` for it as that total, when given; its old points are dropped.)
    if (parent.row && parent.children.length === 0) parent.statedPoints = parent.points;
    parent.children.push(row);
    standard.byId.set(row.id, row);
    fromSheet.set(row.id, spec.idNode);
  }

  // A clause that cannot be excluded cannot become excludable through its rows: if every leaf below it
  // could be excluded, a pack could exclude all of it.
  const opensUp = (c: Clause) => !c.excludable && collectLeaves(c).every((l) => l.excludable);
  for (const parent of new Set(byDepth.map((r) => standard.byId.get(r.parent)!))) {
    // Said once, on the highest clause it holds for (a row's parent row opens up with it).
    if (!opensUp(parent) || (parent.row && opensUp(standard.byId.get(parent.parentId!)!))) continue;
    const below = collectLeaves(parent);
    const first = specs.get(below[0].id)!;
    sheetError(
      STANDARD_INVALID,
      mapValue(first.node, 'excludable') ?? first.idNode,
      msg(lang, 'sheet-rows-all-excludable', { parent: parent.id, rows: below.map((c) => c.id).join(', ') }),
      parent.id,
    );
  }

  // Leaves and order again, depth-first (rows sit where their parent was).
  standard.leaves = [];
  let order = 0;
  const visit = (c: Clause) => {
    c.order = order++;
    if (c.children.length === 0) standard.leaves.push(c);
    else c.children.forEach(visit);
  };
  standard.clauses.forEach(visit);

  // The totals must still hold: the standard's stated parents and the sheet's stated refined leaves.
  for (const d of checkTotals(standard, file, lang)) {
    const under = collectLeaves(standard.byId.get(d.clause!)!).filter((c) => fromSheet.has(c.id));
    const own = fromSheet.get(d.clause!);
    const named = under.map((c) => c.id);
    const detail = named.length ? `${d.message} (${msg(lang, 'sheet-set-by', { ids: named.join(', ') })})` : d.message;
    diagnostics.push(
      diagnostic(
        POINTS_MISMATCH,
        lang,
        file,
        at(own ?? (under[0] ? fromSheet.get(under[0].id) : undefined) ?? pointsNode ?? rowsNode),
        { detail },
        { variant: 'sheet', clause: d.clause, data: { rows: named } },
      ),
    );
  }

  const sheetWeights = scalarString(mapValue(root, 'weights')) === 'official' ? 'official' : 'provisional';
  // Provisional while any leaf's points are: a leaf the sheet sets carries the sheet's weights, any other the standard's.
  const official = standard.leaves.every((l) => (fromSheet.has(l.id) ? sheetWeights : base.weights) === 'official');
  standard.weights = official ? 'official' : 'provisional';
  const versionNode = mapValue(root, 'version');
  const source = scalarString(mapValue(root, 'source'));
  standard.sheet = {
    file,
    body: scalarString(mapValue(root, 'body')) || undefined,
    source: source || undefined,
    version: versionNode ? scalarText(src, versionNode) : undefined,
    weights: sheetWeights,
    rows: placed.size,
  };
  standard.scoringSource = [standard.sheet.body, source, standard.sheet.version].filter(Boolean).join(' · ') || file;
  return { standard, diagnostics };
}
