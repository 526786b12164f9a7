// A body's XLSX sheet → the tables `sheet import` reads (src/core/sheetImport.ts), one per worksheet.
// The archive is checked against the limits first (./xlsxGuard.ts); exceljs then reads it. Cells become
// what a person sees: merged cells carry their first cell's value, rich text and links their text, a
// formula its saved result (never evaluated: a formula without a saved result is marked, and the import
// names its cell if it needs it).
import ExcelJS from 'exceljs';
import { MAX_IMPORT_ROWS, type Cell, type Table } from '../../core/sheetImport';
import { guardXlsx, type GuardProblem } from './xlsxGuard';

export type WorkbookTables = { ok: true; tables: Table[] } | { ok: false; problem: GuardProblem | { id: 'unreadable'; detail: string } };

export async function readWorkbookTables(bytes: Uint8Array): Promise<WorkbookTables> {
  const guard = guardXlsx(bytes, MAX_IMPORT_ROWS);
  if (!guard.ok) return guard;
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    return { ok: false, problem: { id: 'unreadable', detail: (e as Error).message } };
  }
  const tables: Table[] = [];
  book.eachSheet((sheet) => {
    const rows: Cell[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row, n) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        cells[col - 1] = cellValue(cell.value);
      });
      rows[n - 1] = cells;
    });
    tables.push({ name: sheet.name, rows });
  });
  return { ok: true, tables };
}

/** What a person sees in the cell. */
export function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('error' in v) return v.error;
  if ('hyperlink' in v) return cellValue((v as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  if ('formula' in v || 'sharedFormula' in v) {
    const f = v as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
    return f.result === undefined || f.result === null
      ? { formula: ('formula' in f ? f.formula : f.sharedFormula) ?? '' }
      : cellValue(f.result as ExcelJS.CellValue);
  }
  return null;
}
