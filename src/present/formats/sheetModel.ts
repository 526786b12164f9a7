// The scoring sheet (评分表) as data: one row per leaf of the standard, in the standard's order, grouped by
// first-level indicator, with what the workbook, the flat CSV and the self-evaluation report all show.
// It only reads the engine's Score and the pack's entries; it never recomputes a score.
import { msg, pick } from '../../core/messages';
import { relativePath } from '../../core/paths';
import { formatPoints } from '../numbers';
import { colon, joinList, kindLabels, stateLabel } from '../vocabulary';
import type { Clause, ClauseEntry, ClauseScore, Lang, LeafState, PackResult, Score, Standard } from '../../core/types';
import { t } from '../catalogue';

export interface EvidenceLine {
  kind: string;
  title: string;
  file?: string;
  date?: string;
  counts: boolean;
}

export interface SheetRow {
  no: number;
  level1: Clause;
  level2?: Clause;
  leaf: Clause;
  /** Titles below the second level, then the guidance. */
  content: string;
  points: number;
  method: string;
  samples?: { size: number; nonconforming: number };
  /** Earned is points × (size − non-conforming) / size: the workbook writes it as a formula. */
  sampledFormula: boolean;
  evidence: EvidenceLine[];
  /** undefined when the leaf is excluded. */
  earned?: number;
  deduction: string;
  /** Why the leaf earns what it earns, in the reader's words. */
  reason: string;
  state: LeafState;
  stateLabel: string;
  justification?: string;
  notes: string[];
  openActions: string[];
}

export interface SheetSection {
  clause: Clause;
  rows: SheetRow[];
}

export interface Finding {
  no: string;
  clause: string;
  title: string;
  description: string;
  action: string;
  rectification: string;
  verified: string;
}

export interface SheetModel {
  result: PackResult;
  score: Score;
  standard: Standard;
  sections: SheetSection[];
  rows: SheetRow[];
  exclusions: SheetRow[];
  findings: Finding[];
  lang: Lang;
}

const list = (lang: Lang, items: string[]) => joinList(items, lang);

/** The leaf's chain of clauses from the first level down (the leaf included). */
function chain(standard: Standard, leaf: Clause): Clause[] {
  const out: Clause[] = [];
  for (let c: Clause | undefined = leaf; c; c = c.parentId ? standard.byId.get(c.parentId) : undefined) out.unshift(c);
  return out;
}

export function evidenceText(e: EvidenceLine, lang: Lang): string {
  const bits = [`${e.kind}${colon(lang)}${e.title}`];
  if (e.file && e.file !== e.title) bits.push(e.file);
  if (e.date) bits.push(e.date);
  if (!e.counts) bits.push(`✗ ${t(lang, 'deliver.doesNotCount')}`);
  return bits.join(' · ');
}

/** The columns the workbook's first sheet and the CSV both begin with, from 序号 to the evidence. */
export function leadingHeaders(lang: Lang): string[] {
  return [
    t(lang, 'deliver.colNo'),
    t(lang, 'deliver.colLevel1'),
    t(lang, 'deliver.colLevel2'),
    t(lang, 'deliver.colClause'),
    t(lang, 'deliver.colContent'),
    t(lang, 'deliver.colPoints'),
    t(lang, 'deliver.colMethod'),
    t(lang, 'deliver.colSampleSize'),
    t(lang, 'deliver.colSampleBad'),
    t(lang, 'deliver.colEvidence'),
  ];
}

/** A row's cells under leadingHeaders; the sample size and non-conforming count are undefined when the leaf is not sampled. */
export function leadingCells(row: SheetRow, lang: Lang): (string | number | undefined)[] {
  return [
    row.no,
    `${row.level1.id} ${pick(row.level1.title, lang)}`,
    row.level2 ? `${row.level2.id} ${pick(row.level2.title, lang)}` : '',
    row.leaf.id,
    row.content,
    row.points,
    row.method,
    row.samples?.size,
    row.samples?.nonconforming,
    row.evidence.map((e) => evidenceText(e, lang)).join('\n'),
  ];
}

export function buildSheet(result: PackResult, baseDir: string, lang: Lang): SheetModel | undefined {
  const { score, standard } = result;
  if (!score || !standard) return undefined;
  const byLeaf = new Map<string, ClauseScore>(score.clauses.map((c) => [c.id, c]));
  const entriesOf = new Map<string, ClauseEntry[]>();
  for (const entry of result.entries) {
    const l = entriesOf.get(entry.clause);
    if (l) l.push(entry);
    else entriesOf.set(entry.clause, [entry]);
  }
  const openActionsOf = new Map<string, string[]>();
  for (const d of result.diagnostics) {
    if (d.code !== 'open-action' || !d.clause) continue;
    const l = openActionsOf.get(d.clause) ?? [];
    l.push(d.message);
    openActionsOf.set(d.clause, l);
  }
  const showFile = (file: string) => (/^(\/|[A-Za-z]:[\\/])/.test(file) ? relativePath(baseDir, file) : file);

  const sections = new Map<string, SheetSection>();
  const rows: SheetRow[] = [];
  for (const leaf of standard.leaves) {
    const s = byLeaf.get(leaf.id);
    if (!s) continue;
    const path = chain(standard, leaf);
    const entries = entriesOf.get(leaf.id) ?? [];
    const samples = entries.find((e) => e.samples)?.samples;
    const awarded = entries.some((e) => e.awarded !== undefined);
    const justification = entries.find((e) => e.justification)?.justification;
    const evidence: EvidenceLine[] = entries.flatMap((e) =>
      e.evidence.map((item) => ({
        kind: item.kindId ? kindLabels(standard, [item.kindId], lang)[0] : item.kind,
        title: item.title ?? (item.file ? showFile(item.file) : (item.url ?? '')),
        file: item.file ? showFile(item.file) : item.url,
        date:
          item.date ?? (item.kindId && standard.kinds.find((k) => k.id === item.kindId)?.dated ? t(lang, 'deliver.undated') : undefined),
        counts: item.counts,
      })),
    );
    const validSamples =
      samples && samples.size > 0 && samples.nonconforming >= 0 && samples.nonconforming <= samples.size ? samples : undefined;
    // The sampled rule of the engine: a formula only where it gives the engine's earned points.
    const sampledFormula =
      s.state === 'partial' &&
      leaf.sampled &&
      !awarded &&
      !!validSamples &&
      Math.abs((s.points * (validSamples.size - validSamples.nonconforming)) / validSamples.size - s.earned) < 1e-3;
    const below = path.slice(2).map((c) => pick(c.title, lang));
    const guidance = pick(leaf.guidance, lang);
    const content = [below.length ? below.join(' / ') : pick(leaf.title, lang), guidance].filter(Boolean).join('\n');
    const method = [list(lang, kindLabels(standard, leaf.requires, lang)), leaf.sampled ? t(lang, 'deliver.sampling') : '']
      .filter(Boolean)
      .join(t(lang, 'punct.clauses'));
    const notes = entries.map((e) => e.notes).filter((n): n is string => !!n);
    const openActions = openActionsOf.get(leaf.id) ?? [];
    const lost = s.state !== 'excluded' && s.earned < s.points;
    // The engine's reason names missing kinds by id; people read their labels.
    const reason =
      s.state === 'incomplete'
        ? msg(lang, 'reason-incomplete', { kinds: list(lang, kindLabels(standard, s.missingKinds, lang)) })
        : s.reason;
    const row: SheetRow = {
      no: rows.length + 1,
      level1: path[0],
      level2: path.length > 1 ? path[1] : undefined,
      leaf,
      content,
      points: s.points,
      method,
      samples: leaf.sampled ? samples : undefined,
      sampledFormula,
      evidence,
      earned: s.state === 'excluded' ? undefined : s.earned,
      deduction: s.state === 'excluded' ? reason : lost ? [reason, ...notes].join('\n') : '',
      reason,
      state: s.state,
      stateLabel: stateLabel(s.state, lang),
      justification,
      notes,
      openActions,
    };
    rows.push(row);
    const top = path[0];
    const section = sections.get(top.id) ?? { clause: top, rows: [] };
    section.rows.push(row);
    sections.set(top.id, section);
  }

  const findings: Finding[] = [];
  for (const row of rows) {
    if (row.earned === undefined || row.earned >= row.points) continue;
    const missing = byLeaf.get(row.leaf.id)?.missingKinds ?? [];
    const kinds = list(lang, kindLabels(standard, missing, lang));
    const action =
      row.state === 'missing'
        ? t(lang, 'deliver.actionMissing', { kinds })
        : row.state === 'incomplete'
          ? t(lang, 'deliver.actionIncomplete', { kinds, months: result.manifest?.windowMonths ?? 12 })
          : row.state === 'nonconforming'
            ? t(lang, 'deliver.actionNonconforming')
            : row.sampledFormula && row.samples
              ? t(lang, 'deliver.actionSampled', { bad: row.samples.nonconforming, size: row.samples.size })
              : t(lang, 'deliver.actionPartial', { earned: formatPoints(row.earned), points: formatPoints(row.points) });
    findings.push({
      no: `NC-${String(findings.length + 1).padStart(2, '0')}`,
      clause: row.leaf.id,
      title: pick(row.leaf.title, lang),
      description: [row.reason, ...row.notes].filter(Boolean).join('\n'),
      action: [action, row.openActions.length ? t(lang, 'deliver.openActions', { items: row.openActions.join('; ') }) : '']
        .filter(Boolean)
        .join('\n'),
      rectification: '',
      verified: '',
    });
  }
  for (const d of result.manifest?.specialDeductions ?? []) {
    findings.push({
      no: d.id,
      clause: d.clause ?? '',
      title: t(lang, 'deliver.deduction'),
      description: d.reason,
      action: t(lang, 'deliver.actionDeduction'),
      rectification: d.rectification ?? '',
      verified: t(lang, d.rectified ? 'deliver.rectified' : 'deliver.notRectified'),
    });
  }

  return {
    result,
    score,
    standard,
    lang,
    rows,
    findings,
    sections: [...sections.values()],
    exclusions: rows.filter((r) => r.state === 'excluded'),
  };
}
