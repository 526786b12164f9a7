// The 评分表 workbook: sheet 1 in the layout certification bodies use, with live formulas for the subtotals,
// totals, score and rating; sheet 2 the findings and their rectification; sheet 3 every diagnostic.
// Values come from the engine's Score; the formulas reproduce it when a spreadsheet recalculates.
import ExcelJS from 'exceljs';
import { pick } from '../../core/messages';
import { relativePath } from '../../core/paths';
import { compareDiagnostics } from '../order';
import { colon, packLabel, severityLabel } from '../vocabulary';
import type { Lang, PackResult } from '../../core/types';
import { buildSheet, leadingCells, leadingHeaders, type SheetModel } from './sheetModel';
import { t, type PresentString } from '../catalogue';
import { normalizeZip } from './zip';

export interface DeliverableOptions {
  lang: Lang;
  /** Folder that paths are shown relative to. */
  baseDir: string;
  /** Written into the file's properties; fixed by the bundle so that its bytes do not change. */
  generatedAt: Date;
  toolVersion: string;
}

const THIN = { style: 'thin' as const, color: { argb: 'FF9AA3B2' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE3EE' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F4F8' } };
const NOTICE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF3D6' } };
const FONT = 'Noto Sans CJK SC';

/** Display width in spreadsheet character units: a CJK character takes two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return w;
}
const widthOf = (values: string[], min: number, max: number) =>
  Math.min(max, Math.max(min, ...values.flatMap((v) => v.split('\n')).map((v) => textWidth(v) + 2)));

/** Text for a header or footer: `&` starts a code there. */
const hfText = (s: string) => s.replace(/&/g, '&&');

/** A sheet name Excel accepts: 31 characters, none of []:*?/\ , unique in the workbook. */
function sheetName(wb: ExcelJS.Workbook, wanted: string): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let name = base,
    i = 2;
  while (wb.worksheets.some((w) => w.name.toLowerCase() === name.toLowerCase())) name = `${base.slice(0, 27)} (${i++})`;
  return name;
}

function pageSetup(ws: ExcelJS.Worksheet, headerRow: number, footerLeft: string, lang: Lang): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: `&L${hfText(footerLeft)}&R${t(lang, 'deliver.page')}` };
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
}

function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((c) => {
    c.font = { name: FONT, bold: true, size: 10 };
    c.fill = HEAD_FILL;
    c.border = BORDER;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
}

function styleBody(row: ExcelJS.Row, columns: number, wrap: boolean): void {
  for (let i = 1; i <= columns; i++) {
    const c = row.getCell(i);
    c.font = { name: FONT, size: 10, ...(c.font?.bold ? { bold: true } : {}) };
    c.border = BORDER;
    c.alignment = { vertical: 'top', wrapText: wrap };
  }
}

/** Row heights from the wrapped text (spreadsheets do not size rows on opening): lines × 13.5 pt. Merged
 *  cells count the width of every column they span. */
function fitRowHeights(ws: ExcelJS.Worksheet, fromRow: number): void {
  const widths = (ws.columns ?? []).map((c) => c.width ?? 9);
  const spanOf = new Map<string, number>();
  for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
    if (!m || m[2] !== m[4]) continue;
    const a = m[1].charCodeAt(0) - 64,
      b = m[3].charCodeAt(0) - 64;
    spanOf.set(
      `${m[2]}:${a}`,
      widths.slice(a - 1, b).reduce((x, y) => x + y, 0),
    );
  }
  ws.eachRow((row, r) => {
    if (r < fromRow) return;
    let lines = 1;
    row.eachCell((cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      const v = cell.value;
      const text = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
      if (!text) return;
      const width = Math.max(4, (spanOf.get(`${r}:${c}`) ?? widths[c - 1] ?? 9) - 1);
      const n = text.split('\n').reduce((sum, l) => sum + Math.max(1, Math.ceil(textWidth(l) / width)), 0);
      lines = Math.max(lines, n);
    });
    row.height = Math.max(15, lines * 13.5 + 3);
  });
}

function scoreFormat(rounding: number): string {
  return rounding > 0 ? `0.${'0'.repeat(rounding)}` : '0';
}

function title(
  ws: ExcelJS.Worksheet,
  row: number,
  columns: number,
  text: string,
  opts: { size?: number; bold?: boolean; fill?: ExcelJS.Fill } = {},
): void {
  ws.mergeCells(row, 1, row, columns);
  const c = ws.getCell(row, 1);
  c.value = text;
  c.font = { name: FONT, size: opts.size ?? 10, bold: opts.bold };
  c.alignment = { vertical: 'middle', wrapText: true };
  if (opts.fill) c.fill = opts.fill;
  ws.getRow(row).height = Math.max(18, 15 * text.split('\n').length) * ((opts.size ?? 10) / 10);
}

// Sheet 1 columns.
const C = { no: 1, l1: 2, l2: 3, clause: 4, content: 5, points: 6, method: 7, size: 8, bad: 9, evidence: 10, earned: 11, deduction: 12 };
const COLS = 12;
const col = (n: number) => String.fromCharCode(64 + n);

function writeScoringSheet(wb: ExcelJS.Workbook, m: SheetModel, name: string, opts: DeliverableOptions): void {
  const { lang } = opts;
  const { standard, score, result } = m;
  const rules = standard.rating;
  const ws = wb.addWorksheet(name);
  const org = result.manifest?.organization?.name ?? '';
  title(ws, 1, COLS, `${t(lang, 'deliver.sheetTitle')}${org ? ' — ' + org : ''}`, { size: 14, bold: true });
  title(
    ws,
    2,
    COLS,
    t(lang, 'deliver.facts', {
      org: org || '—',
      standard: `${pick(standard.title, lang)} (${standard.id})`,
      date: result.manifest?.assessmentDate ?? '',
    }),
  );
  const origin = t(lang, 'deliver.origin', {
    source: score.standard.scoringSource ?? t(lang, 'deliver.originStandard', { id: standard.id }),
  });
  const provisional = score.standard.weights === 'provisional';
  title(ws, 3, COLS, provisional ? `${origin}\n${t(lang, 'deliver.provisional')}` : origin, {
    fill: provisional ? NOTICE_FILL : undefined,
  });

  const HEADER = 4;
  const header = ws.getRow(HEADER);
  header.values = [...leadingHeaders(lang), t(lang, 'deliver.colEarned'), t(lang, 'deliver.colDeduction')];
  styleHeader(header);

  let r = HEADER + 1;
  const subtotalRows: number[] = [];
  for (const section of m.sections) {
    const first = r;
    for (const row of section.rows) {
      const x = ws.getRow(r);
      // Columns A to J in order (C.no … C.evidence); an unsampled leaf leaves its sample cells empty.
      leadingCells(row, lang).forEach((value, i) => {
        if (value !== undefined) x.getCell(C.no + i).value = value;
      });
      const earned = x.getCell(C.earned);
      if (row.earned === undefined) earned.value = row.stateLabel;
      else if (row.sampledFormula) {
        const F = `${col(C.points)}${r}`,
          N = `${col(C.size)}${r}`,
          B = `${col(C.bad)}${r}`;
        earned.value = { formula: `${F}*(${N}-${B})/${N}`, result: row.earned };
      } else earned.value = row.earned;
      x.getCell(C.deduction).value = row.state === 'met' ? row.stateLabel : `${row.stateLabel}\n${row.deduction}`.trim();
      styleBody(x, COLS, true);
      earned.numFmt = '0.00';
      earned.alignment = { vertical: 'top', horizontal: 'right' };
      r++;
    }
    const last = r - 1;
    // Vertical merges, as on a printed 评分表: one first-level cell per section, one second-level cell per run.
    if (last > first) ws.mergeCells(first, C.l1, last, C.l1);
    let runStart = first;
    for (let i = first + 1; i <= last + 1; i++) {
      const same = i <= last && ws.getCell(i, C.l2).value === ws.getCell(runStart, C.l2).value && ws.getCell(i, C.l2).value !== '';
      if (!same) {
        if (i - 1 > runStart) ws.mergeCells(runStart, C.l2, i - 1, C.l2);
        runStart = i;
      }
    }
    const sub = ws.getRow(r);
    ws.mergeCells(r, C.no, r, C.content);
    sub.getCell(C.no).value = t(lang, 'deliver.subtotal', { id: section.clause.id, title: pick(section.clause.title, lang) });
    const sumApplicable = section.rows.reduce((a, x) => a + (x.earned === undefined ? 0 : x.points), 0);
    const sumEarned =
      score.sections.find((s) => s.id === section.clause.id)?.earned ?? section.rows.reduce((a, x) => a + (x.earned ?? 0), 0);
    const P = `${col(C.points)}${first}:${col(C.points)}${last}`,
      K = `${col(C.earned)}${first}:${col(C.earned)}${last}`;
    // Excluded leaves have text in 实得分: ISNUMBER leaves their points out of the applicable subtotal.
    sub.getCell(C.points).value = { formula: `SUMPRODUCT(${P}*ISNUMBER(${K}))`, result: sumApplicable };
    sub.getCell(C.earned).value = { formula: `SUM(${K})`, result: sumEarned };
    styleBody(sub, COLS, false);
    sub.eachCell((c) => {
      c.font = { name: FONT, size: 10, bold: true };
      c.fill = TOTAL_FILL;
    });
    sub.getCell(C.earned).numFmt = '0.00';
    subtotalRows.push(r);
    r++;
  }

  // Totals, exclusions, special items, score and rating: the label in A:E, points in F, details in G:J, the value in K.
  const F = col(C.points),
    K = col(C.earned),
    G = col(C.method);
  interface Line {
    label: string;
    points?: ExcelJS.CellValue;
    detail?: string;
    value?: ExcelJS.CellValue;
    bold?: boolean;
    numFmt?: string;
  }
  const line = (l: Line) => {
    const x = ws.getRow(r);
    ws.mergeCells(r, C.no, r, C.content);
    ws.mergeCells(r, C.method, r, C.evidence);
    x.getCell(C.no).value = l.label;
    if (l.points !== undefined) x.getCell(C.points).value = l.points;
    if (l.detail !== undefined) x.getCell(C.method).value = l.detail;
    if (l.value !== undefined) x.getCell(C.earned).value = l.value;
    styleBody(x, COLS, true);
    x.eachCell((c) => {
      c.font = { name: FONT, size: 10, bold: l.bold };
      c.fill = TOTAL_FILL;
    });
    if (l.numFmt) x.getCell(C.earned).numFmt = l.numFmt;
    return r++;
  };
  const totalRow = line({
    label: `${t(lang, 'deliver.applicableTotal')} / ${t(lang, 'deliver.earnedTotal')}`,
    bold: true,
    numFmt: '0.00',
    points: { formula: subtotalRows.map((s) => `${F}${s}`).join('+') || '0', result: score.applicable },
    value: { formula: subtotalRows.map((s) => `${K}${s}`).join('+') || '0', result: score.earned },
  });
  const A = `${F}${totalRow}`,
    E = `${K}${totalRow}`;
  // The ratio is rounded to 9 places first: binary arithmetic leaves 79.95 as 79.94999999999999, which a
  // plain ROUND(…, 1) could take to 79.9; no real score lies within 10⁻⁹ of a rounding boundary without being on it.
  const baseRow = line({
    label: t(lang, 'deliver.baseScore', { scale: rules.scale }),
    numFmt: '0.00##',
    value: { formula: `IF(${A}=0,0,ROUND(${E}/${A}*${rules.scale},9))`, result: score.base },
  });

  r++;
  line({ label: t(lang, 'deliver.exclusionsTitle'), bold: true });
  if (!m.exclusions.length) line({ label: t(lang, 'deliver.noExclusions') });
  for (const x of m.exclusions)
    line({ label: `${x.leaf.id} ${pick(x.leaf.title, lang)}`, points: x.points, detail: x.justification ?? '' });

  r++;
  const deductions = result.manifest?.specialDeductions ?? [];
  line({
    label: t(lang, 'deliver.deductionsTitle', { points: rules.specialDeduction.points, failAt: rules.specialDeduction.failAt }),
    bold: true,
  });
  const dFirst = r;
  for (const d of deductions) {
    const ground = (d as { ground?: string }).ground;
    line({
      label: `${d.id}${d.clause ? ` (${d.clause})` : ''}`,
      points: 1,
      detail: [
        d.reason,
        ground ? `${t(lang, 'deliver.ground')}${colon(lang)}${ground}` : '',
        t(lang, d.rectified ? 'deliver.rectified' : 'deliver.notRectified') + (d.rectification ? ` — ${d.rectification}` : ''),
      ]
        .filter(Boolean)
        .join('\n'),
    });
  }
  if (!deductions.length) line({ label: t(lang, 'deliver.noDeductions') });
  const dCount = line({
    label: t(lang, 'deliver.deductionCount'),
    value: { formula: deductions.length ? `SUM(${F}${dFirst}:${F}${r - 1})` : '0', result: score.specialDeductions },
  });

  r++;
  const bonuses = result.manifest?.specialBonuses ?? [];
  line({ label: t(lang, 'deliver.bonusTitle', { points: rules.specialBonus.points, max: rules.specialBonus.max }), bold: true });
  const bFirst = r;
  for (const b of bonuses)
    line({ label: b.reason, points: 1, detail: [(b as { basis?: string }).basis ?? '', b.evidence ?? ''].filter(Boolean).join('\n') });
  if (!bonuses.length) line({ label: t(lang, 'deliver.noBonus') });
  const bCount = line({
    label: t(lang, 'deliver.bonusCount'),
    value: { formula: bonuses.length ? `MIN(${rules.specialBonus.max},SUM(${F}${bFirst}:${F}${r - 1}))` : '0', result: score.specialBonus },
  });

  r++;
  // The band table: the rating formula looks the score up here, so no label is written inside a formula.
  line({ label: t(lang, 'deliver.bandTable'), points: t(lang, 'deliver.bandMin'), bold: true });
  const failRow = line({ label: pick(rules.fail.label, lang), detail: pick(rules.fail.label, lang) });
  for (const b of rules.bands)
    line({ label: `${pick(b.label, lang)}${b.stars ? ' ' + '★'.repeat(b.stars) : ''}`, points: b.min, detail: pick(b.label, lang) });
  const bandLast = r - 1;
  r++;
  const scoreRow = line({
    label: t(lang, 'deliver.finalScore'),
    bold: true,
    numFmt: scoreFormat(rules.rounding),
    value: {
      formula: `ROUND(MAX(0,MIN(${rules.scale},${K}${baseRow}-${K}${dCount}*${rules.specialDeduction.points}+${K}${bCount}*${rules.specialBonus.points})),${rules.rounding})`,
      result: score.score,
    },
  });
  const S = `${K}${scoreRow}`;
  const mins = `$${F}$${failRow + 1}:$${F}$${bandLast}`,
    labels = `$${G}$${failRow + 1}:$${G}$${bandLast}`;
  const bandRow = line({
    label: t(lang, 'deliver.band'),
    bold: true,
    value: {
      formula: rules.bands.length
        ? `IF(OR(${S}<${F}${failRow + 1},${K}${dCount}>=${rules.specialDeduction.failAt}),${G}${failRow},INDEX(${labels},MATCH(${S},${mins},1)))`
        : `${G}${failRow}`,
      result: score.rating.label,
    },
  });
  for (const row of [scoreRow, bandRow]) ws.getCell(row, C.earned).font = { name: FONT, size: 12, bold: true };
  r++;
  title(ws, r++, COLS, t(lang, 'deliver.liveNote'));
  title(ws, r++, COLS, t(lang, 'deliver.generatedBy', { version: opts.toolVersion }));

  const texts = (c: number) => m.rows.map((x) => String(ws.getCell(x.no + HEADER, c).value ?? ''));
  ws.columns = [
    { width: 5 },
    { width: widthOf(texts(C.l1), 8, 14) },
    { width: widthOf(texts(C.l2), 8, 16) },
    { width: widthOf(texts(C.clause), 8, 12) },
    { width: 32 },
    { width: 7 },
    { width: widthOf(texts(C.method), 8, 14) },
    { width: 7 },
    { width: 8 },
    { width: 44 },
    { width: 8 },
    { width: 30 },
  ];
  fitRowHeights(ws, HEADER);
  pageSetup(ws, HEADER, `${t(lang, 'deliver.sheetTitle')} · ${origin}`, lang);
}

/** A list sheet (the findings, the diagnostics): its title across the columns in row 1, the column headers in
 *  row 2, then one row per item from row 3 (or what `empty` says when there is none); printed with row 2 on
 *  every page. `eachRow` formats a written row further. */
function writeListSheet(
  wb: ExcelJS.Workbook,
  name: string,
  lang: Lang,
  list: {
    title: string;
    footer: string;
    headers: PresentString[];
    rows: ExcelJS.CellValue[][];
    empty: PresentString;
    widths: number[];
    eachRow?: (row: ExcelJS.Row) => void;
  },
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  const cols = list.headers.length;
  title(ws, 1, cols, list.title, { size: 14, bold: true });
  const header = ws.getRow(2);
  header.values = list.headers.map((id) => t(lang, id));
  styleHeader(header);
  list.rows.forEach((values, i) => {
    const x = ws.getRow(3 + i);
    x.values = values;
    styleBody(x, cols, true);
    list.eachRow?.(x);
  });
  if (!list.rows.length) ws.getRow(3).getCell(1).value = t(lang, list.empty);
  ws.columns = list.widths.map((width) => ({ width }));
  fitRowHeights(ws, 2);
  pageSetup(ws, 2, list.footer, lang);
  return ws;
}

function writeFindingsSheet(wb: ExcelJS.Workbook, m: SheetModel, name: string, opts: DeliverableOptions): void {
  const { lang } = opts;
  const org = m.result.manifest?.organization?.name;
  writeListSheet(wb, name, lang, {
    title: `${t(lang, 'deliver.findingsName')}${org ? ' — ' + org : ''}`,
    footer: t(lang, 'deliver.findingsName'),
    headers: [
      'deliver.colFindingNo',
      'deliver.colClause',
      'deliver.colContent',
      'deliver.colDescription',
      'deliver.colAction',
      'deliver.colDue',
      'deliver.colRectEvidence',
      'deliver.colVerified',
    ],
    rows: m.findings.map((f) => [f.no, f.clause, f.title, f.description, f.action, '', f.rectification, f.verified]),
    empty: 'deliver.noFindings',
    widths: [
      10,
      10,
      widthOf(
        m.findings.map((f) => f.title),
        12,
        26,
      ),
      48,
      44,
      12,
      28,
      12,
    ],
    eachRow: (x) => {
      x.getCell(6).numFmt = 'yyyy-mm-dd';
    },
  });
}

function writeDiagnosticsSheet(wb: ExcelJS.Workbook, result: PackResult, name: string, opts: DeliverableOptions): void {
  const { lang } = opts;
  const sorted = [...result.diagnostics].sort(compareDiagnostics);
  const files = sorted.map((d) => relativePath(opts.baseDir, d.file));
  const headers: PresentString[] = [
    'deliver.colSeverity',
    'deliver.colFile',
    'deliver.colLine',
    'deliver.colColumn',
    'deliver.colCode',
    'deliver.colClause',
    'deliver.colMessage',
  ];
  const ws = writeListSheet(wb, name, lang, {
    title: t(lang, 'deliver.diagnosticsName'),
    footer: t(lang, 'deliver.diagnosticsName'),
    headers,
    rows: sorted.map((d, i) => [
      severityLabel(d.severity, lang),
      files[i],
      d.range.start.line + 1,
      d.range.start.character + 1,
      d.code,
      d.clause ?? '',
      d.message,
    ]),
    empty: 'deliver.noDiagnostics',
    widths: [8, widthOf(files, 16, 48), 7, 7, 24, 10, 80],
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + sorted.length, column: headers.length } };
}

/** The workbook for one or more packs (three sheets each), as the bytes of an .xlsx file. */
export async function renderWorkbook(results: PackResult[], opts: DeliverableOptions): Promise<Uint8Array> {
  const { lang } = opts;
  const wb = new ExcelJS.Workbook();
  wb.creator = wb.lastModifiedBy = 'evidence-pack';
  wb.created = wb.modified = opts.generatedAt;
  wb.title = t(lang, 'deliver.sheetTitle');
  // A spreadsheet that opens the file recalculates every formula rather than trusting the stored results.
  wb.calcProperties = { fullCalcOnLoad: true };
  results.forEach((result, i) => {
    const prefix = results.length > 1 ? `${i + 1} ` : '';
    const label = results.length > 1 ? ` ${result.manifest?.organization?.name ?? packLabel(opts.baseDir, result.root)}` : '';
    const m = buildSheet(result, opts.baseDir, lang);
    if (m) {
      writeScoringSheet(wb, m, sheetName(wb, `${prefix}${t(lang, 'deliver.sheetName')}${label}`), opts);
      writeFindingsSheet(wb, m, sheetName(wb, `${prefix}${t(lang, 'deliver.findingsName')}`), opts);
    } else {
      const ws = wb.addWorksheet(sheetName(wb, `${prefix}${t(lang, 'deliver.sheetName')}${label}`));
      ws.getCell(1, 1).value = `${packLabel(opts.baseDir, result.root)}: ${t(lang, 'deliver.notScored')}`;
    }
    writeDiagnosticsSheet(wb, result, sheetName(wb, `${prefix}${t(lang, 'deliver.diagnosticsName')}`), opts);
  });
  const buffer = await wb.xlsx.writeBuffer();
  return normalizeZip(new Uint8Array(buffer as ArrayBuffer));
}
