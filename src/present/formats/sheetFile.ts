// A body's sheet file (.xlsx or .csv) → the tables `sheet import` reads, for the CLI and the editor alike.
// XLSX goes through dist/deliverables.js (exceljs), required here only when a workbook is imported, so
// neither checking a pack nor importing a CSV loads it; the browser bundle has no `require` and no exceljs.
import { msg, type MessageId } from '../../core/messages';
import { MAX_SHEET_BYTES, MAX_IMPORT_ROWS, cellName, parseCsv, type ImportError, type Table } from '../../core/sheetImport';
import { decodeText } from '../../core/text';
import type { Lang } from '../../core/types';
import { deliverables, hasDeliverables } from './deliverablesLoader';
import type { WorkbookTables } from './workbookTables';

export const MAX_SHEET_MB = MAX_SHEET_BYTES / 1024 / 1024;

export type SheetKind = 'xlsx' | 'csv';

/** The kind of sheet a file name says it is; undefined for anything else (.xls, .ods, …). */
export function sheetKind(file: string): SheetKind | undefined {
  return /\.xlsx$/i.test(file) ? 'xlsx' : /\.csv$/i.test(file) ? 'csv' : undefined;
}

/** Reads a workbook's bytes into tables (exceljs, behind the limits of ./xlsxGuard.ts). */
export type WorkbookReader = (bytes: Uint8Array) => Promise<WorkbookTables>;

/** The workbook reader of ./deliverablesLoader.ts for a host where it is there from the start (the CLI): exceljs
 *  loads only when a workbook is read. Where a host hands it in later (the extension), ask workbookReader(). */
export const bundledWorkbookReader: WorkbookReader | undefined = hasDeliverables()
  ? (bytes) => deliverables()!.readWorkbookTables(bytes)
  : undefined;

/**
 * Reads `bytes` of the sheet file named `file` (its base name) into tables. An error names where: a
 * worksheet's cell, or the file itself. Without a workbook reader (the browser), .xlsx is refused clearly.
 */
export async function readSheetTables(
  file: string,
  bytes: Uint8Array,
  lang: Lang,
  readWorkbook: WorkbookReader | undefined,
): Promise<{ ok: true; tables: Table[] } | { ok: false; errors: ImportError[] }> {
  const fail = (id: MessageId, args: Record<string, string | number> = {}, cell = file) => ({
    ok: false as const,
    errors: [{ cell, message: msg(lang, id, args) }],
  });
  const kind = sheetKind(file);
  if (!kind) return fail('import.notSheetFile');
  if (bytes.length > MAX_SHEET_BYTES) return fail('import.fileTooLarge', { max: MAX_SHEET_MB });
  if (kind === 'csv') {
    const decoded = decodeText(bytes);
    if (!decoded.ok) return fail('import.notUtf8');
    return { ok: true, tables: [{ name: file.replace(/\.csv$/i, ''), rows: parseCsv(decoded.text) }] };
  }
  if (!readWorkbook) return fail('import.workbookNeedsNode');
  const read = await readWorkbook(bytes);
  if (read.ok) return read;
  const p = read.problem;
  switch (p.id) {
    case 'tooManyRows':
      return fail('import.tooManyRows', { max: MAX_IMPORT_ROWS }, cellName(p.sheet, MAX_IMPORT_ROWS, 0));
    case 'unpackedTooLarge':
      return fail('import.unpackedTooLarge', { max: p.max / 1024 / 1024 });
    case 'tooManyEntries':
      return fail('import.tooManyEntries', { max: p.max });
    case 'tooManyElements':
      return fail('import.tooManyElements', { max: p.max });
    case 'tooDeep':
      return fail('import.tooDeep', { entry: p.entry, max: p.max });
    case 'zipUnsupported':
      return fail('import.zipUnsupported', { entry: p.entry });
    case 'unreadable':
      return fail('import.unreadable', { detail: p.detail });
    default:
      return fail('import.notZip');
  }
}
