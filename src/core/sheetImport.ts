// A certification body's sheet as people make it (a table with a header somewhere, title, subtotal
// and blank rows, numbers as text, full-width digits, ids like 5.3.2-1) → a scoring-sheet file.
// Pure: the caller reads the file into tables and writes the result; nothing here touches a disk.
import { stringify } from 'yaml';
import { msg } from './messages';
import type { Lang, Standard } from './types';

/** What `sheet import` says about a cell it cannot place, in zh-CN and en. */

/** A formula cell whose workbook kept no result: never evaluated here, an error where the import needs it. */
export interface FormulaCell {
  formula: string;
}
export type Cell = string | number | boolean | null | undefined | FormulaCell;
/** One sheet of a workbook (or the one table of a CSV file): rows of cells, merged cells already filled in. */
export interface Table {
  name: string;
  rows: Cell[][];
}

export interface ImportError {
  cell: string;
  message: string;
}
/** `cells`: the cell of each clause id the sheet gives, for the engine's checks of the result to name. */
export type ImportResult =
  | { ok: true; yaml: string; points: number; rows: number; sheet: string; cells: Map<string, string> }
  | { ok: false; errors: ImportError[] };

/** Rows read from one sheet at most: a body's sheet has a few hundred. */
export const MAX_IMPORT_ROWS = 20_000;
/** A sheet file larger than this is refused before it is read (a body's sheet is a few tens of kilobytes). */
export const MAX_SHEET_BYTES = 5 * 1024 * 1024;

type Column = 'clause' | 'title' | 'points' | 'sampled' | 'excludable';
// Header names a column may have, compared after trimming, full-width folding and lower-casing.
const SYNONYMS: Record<Column, string[]> = {
  clause: ['条款', '条款号', '指标编号', '编号', 'clause', 'clause id'],
  title: ['评价内容', '评价指标', '名称', '内容', '指标名称', '评价项目', 'title', 'indicator', 'content'],
  points: ['分值', '标准分', '满分', '分数', 'points', 'score', 'max points'],
  sampled: ['抽样', '是否抽样', 'sampled', 'sampling'],
  excludable: ['可删减', '不适用', '是否可删减', 'excludable', 'n/a'],
};
const TOTAL_WORDS = /^(小计|合计|总计|总分|subtotal|total|sum)(?![a-z])/i;
const ID = /^[0-9]+(?:\.[0-9]+)*$/;

/** Full-width digits, letters and punctuation to ASCII; ideographic space to a space. */
export function foldWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const isFormula = (c: Cell): c is FormulaCell => typeof c === 'object' && c !== null;
/** The cell as written (titles keep their full-width punctuation: 回访（闭环）). */
const written = (c: Cell): string => (c === null || c === undefined || isFormula(c) ? '' : String(c).trim());
/** The cell with full-width characters folded, for ids, numbers and header names. */
const text = (c: Cell): string => foldWidth(written(c));

/** A cell's text inside a message: its first 40 characters (a hostile cell may hold a megabyte). */
const excerpt = (s: string): string => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** `A1`-style column letters of a 0-based index. */
export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
export const cellName = (sheet: string, row: number, col: number) =>
  `${/^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${columnName(col)}${row + 1}`;

/** `5.3.2-1`, `５．３．２．１`, `5.3.2.1.` → `5.3.2.1`; undefined when it is not an id. */
export function normalizeId(c: Cell): string | undefined {
  const t = text(c)
    .replace(/[-－—–]/g, '.')
    .replace(/[。．]/g, '.')
    .replace(/\.+$/, '')
    .replace(/\s+/g, '');
  return ID.test(t) ? t : undefined;
}

/** Points written as a number or as text (`8`, `８`, `8分`, `8.5`); NaN when it is not a number. */
export function readPoints(c: Cell): number {
  if (typeof c === 'number') return c;
  const t = text(c).replace(/分$/, '').replace(/,/g, '');
  return t === '' ? NaN : /^-?\d+(?:\.\d+)?$/.test(t) ? Number(t) : NaN;
}

const yes = (c: Cell): boolean | undefined => {
  const t = text(c).toLowerCase();
  if (t === '') return undefined;
  if (['是', '√', '✓', 'y', 'yes', 'true', '1', '可', '可删减', '抽样'].includes(t)) return true;
  if (['否', '×', 'x', 'n', 'no', 'false', '0', '不可', '-'].includes(t)) return false;
  return undefined;
};

function findHeader(t: Table): { row: number; cols: Partial<Record<Column, number>> } | undefined {
  const limit = Math.min(t.rows.length, 50);
  for (let r = 0; r < limit; r++) {
    // Each column is the cell naming it by its most specific synonym (条款 before 编号).
    const cols: Partial<Record<Column, number>> = {};
    const rank: Partial<Record<Column, number>> = {};
    (t.rows[r] ?? []).forEach((c, i) => {
      const name = text(c).toLowerCase().replace(/\s+/g, ' ');
      for (const col of Object.keys(SYNONYMS) as Column[]) {
        const k = SYNONYMS[col].indexOf(name);
        if (k >= 0 && (rank[col] === undefined || k < rank[col]!)) {
          cols[col] = i;
          rank[col] = k;
        }
      }
    });
    if (cols.clause !== undefined && cols.points !== undefined) return { row: r, cols };
  }
  return undefined;
}

/**
 * Where the engine's diagnostic on an imported sheet is in the body's file: the cell of its clause, or of
 * the first row below it (a refined leaf has no row of its own), or else the sheet.
 */
export function importedCell(result: Extract<ImportResult, { ok: true }>, clause: string | undefined): string {
  if (clause === undefined) return result.sheet;
  const below = [...result.cells].find(([id]) => id.startsWith(clause + '.'));
  return result.cells.get(clause) ?? below?.[1] ?? result.sheet;
}

export function importSheet(tables: Table[], standard: Standard, opts: { lang: Lang; source: string }): ImportResult {
  const found = tables.map((t) => ({ t, h: findHeader(t) })).find((x) => x.h);
  if (!found) {
    const where = tables[0] ? `${tables[0].name}!A1` : 'A1';
    return { ok: false, errors: [{ cell: where, message: msg(opts.lang, 'import.noHeader') }] };
  }
  const { t, h } = found as { t: Table; h: NonNullable<ReturnType<typeof findHeader>> };
  const errors: ImportError[] = [];
  if (t.rows.length > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      errors: [{ cell: cellName(t.name, MAX_IMPORT_ROWS, 0), message: msg(opts.lang, 'import.tooManyRows', { max: MAX_IMPORT_ROWS }) }],
    };
  }
  const points = new Map<string, number>();
  const rows: { id: string; parent: string; title: string; points: number; sampled?: boolean; excludable?: boolean }[] = [];
  const seen = new Map<string, string>();
  const rowIds = new Set<string>();
  for (let r = h.row + 1; r < t.rows.length; r++) {
    const row = t.rows[r] ?? [];
    const rawId = row[h.cols.clause!];
    const rawPoints = row[h.cols.points!];
    const id = normalizeId(rawId);
    const idText = text(rawId);
    const title = h.cols.title !== undefined ? written(row[h.cols.title]) : '';
    // A cell this row needs holds a formula without a saved result (subtotal rows are skipped before).
    const unsaved = (Object.values(h.cols) as number[]).find((col) => isFormula(row[col]));
    if (unsaved !== undefined && !TOTAL_WORDS.test(idText) && !TOTAL_WORDS.test(title)) {
      errors.push({
        cell: cellName(t.name, r, unsaved),
        message: msg(opts.lang, 'import.formulaNoValue', { formula: (row[unsaved] as FormulaCell).formula }),
      });
      continue;
    }
    if (!id) {
      // Blank, title (a section heading without points) and subtotal rows carry no clause.
      if (idText === '' || TOTAL_WORDS.test(idText) || TOTAL_WORDS.test(title) || text(rawPoints) === '') continue;
      errors.push({ cell: cellName(t.name, r, h.cols.clause!), message: msg(opts.lang, 'import.notClauseId', { text: excerpt(idText) }) });
      continue;
    }
    if (TOTAL_WORDS.test(title)) continue;
    const value = readPoints(rawPoints);
    const pointsCell = cellName(t.name, r, h.cols.points!);
    if (Number.isNaN(value)) {
      if (text(rawPoints) === '') continue; // a heading row with an id but no points (a parent's title)
      errors.push({ cell: pointsCell, message: msg(opts.lang, 'import.pointsNotNumber', { text: excerpt(text(rawPoints)) }) });
      continue;
    }
    if (value < 0 || !Number.isFinite(value)) {
      errors.push({ cell: pointsCell, message: msg(opts.lang, 'import.pointsNegative', { value }) });
      continue;
    }
    const here = cellName(t.name, r, h.cols.clause!);
    if (seen.has(id)) {
      errors.push({ cell: here, message: msg(opts.lang, 'import.duplicate', { id, first: String(seen.get(id)) }) });
      continue;
    }
    seen.set(id, here);
    const clause = standard.byId.get(id);
    if (clause) {
      if (clause.children.length === 0) points.set(id, value);
      continue; // a parent's subtotal: the engine checks the sums
    }
    // Deeper than the standard: its parent is the longest prefix that is a leaf of the standard or a row.
    const parts = id.split('.');
    let parent: string | undefined;
    for (let n = parts.length - 1; n > 0 && !parent; n--) {
      const p = parts.slice(0, n).join('.');
      if (rowIds.has(p) || standard.byId.get(p)?.children.length === 0) parent = p;
      else if (standard.byId.has(p)) break;
    }
    if (!parent) {
      errors.push({ cell: here, message: msg(opts.lang, 'import.notPlaced', { id, standard: standard.id }) });
      continue;
    }
    rowIds.add(id);
    const sampled = h.cols.sampled !== undefined ? yes(row[h.cols.sampled]) : undefined;
    const excludable = h.cols.excludable !== undefined ? yes(row[h.cols.excludable]) : undefined;
    rows.push({
      id,
      parent,
      title: title || id,
      points: value,
      ...(sampled !== undefined ? { sampled } : {}),
      ...(excludable !== undefined ? { excludable } : {}),
    });
  }
  if (errors.length) return { ok: false, errors };
  if (points.size === 0 && rows.length === 0) {
    return { ok: false, errors: [{ cell: cellName(t.name, h.row, h.cols.clause!), message: msg(opts.lang, 'import.noRows') }] };
  }
  // A refined leaf's own points (from the sheet) become the total its rows must add up to.
  const doc = {
    standard: standard.id,
    source: opts.source,
    weights: 'provisional',
    points: Object.fromEntries([...points].sort((a, b) => (standard.byId.get(a[0])?.order ?? 0) - (standard.byId.get(b[0])?.order ?? 0))),
    ...(rows.length ? { rows } : {}),
  };
  const header = `${msg(opts.lang, 'import.header', { source: opts.source, sheet: t.name })}\n`;
  return { ok: true, yaml: header + stringify(doc, { lineWidth: 0 }), points: points.size, rows: rows.length, sheet: t.name, cells: seen };
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF; a UTF-8 BOM is dropped) → rows of text cells. */
export function parseCsv(input: string): string[][] {
  const s = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [],
    field = '',
    quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (rows.length > MAX_IMPORT_ROWS + 1) return rows;
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
