// "Import Scoring Sheet…": a body's sheet (.xlsx or .csv) → a scoring-sheet file next to the manifest, and
// the manifest's `scoring:` pointed at it — the same import and checks as `evidence-pack sheet import`.
// No `vscode` import: this plans the two changes (a new file, one text edit of the manifest); the command
// (registerImportSheet below the plan) applies them as one undoable WorkspaceEdit.
import { importedCell, importSheet, type ImportError } from '../../core/sheetImport';
import { applyScoringSheet } from '../../core/standard/scoringSheet';
import { BUILTIN_STANDARD_IDS, builtinStandard } from '../../core/standard/builtin';
import { eolOf, splitLines } from '../language/textEdits';
import { t } from '../strings';
import { readSheetTables, type WorkbookReader } from '../../present/formats/sheetFile';
import type { Lang, Range } from '../../core/types';

export interface SheetImportInput {
  /** The picked file's base name (`评分表.xlsx`): its extension says how to read it. */
  file: string;
  bytes: Uint8Array;
  /** The id of the pack's standard (a built-in one). */
  standardId: string;
  manifestText: string;
  /** Whether a file of this name exists next to the manifest already (never overwritten). */
  exists(name: string): Promise<boolean>;
  lang: Lang;
  readWorkbook?: WorkbookReader;
}

export interface SheetImportPlan {
  /** The new file's name, next to the manifest. */
  name: string;
  yaml: string;
  /** The manifest edit that makes `scoring:` name the new file. */
  manifestEdit: { range: Range; newText: string };
  points: number;
  rows: number;
}

export type SheetImportResult = { ok: true; plan: SheetImportPlan } | { ok: false; errors: ImportError[] };

export async function planSheetImport(input: SheetImportInput): Promise<SheetImportResult> {
  const standard = builtinStandard(input.standardId);
  if (!standard) {
    return {
      ok: false,
      errors: [
        {
          cell: input.file,
          message: t(input.lang, 'importSheet.notBuiltin', { standard: input.standardId, ids: BUILTIN_STANDARD_IDS.join(', ') }),
        },
      ],
    };
  }
  const read = await readSheetTables(input.file, input.bytes, input.lang, input.readWorkbook);
  const result = read.ok ? importSheet(read.tables, standard, { lang: input.lang, source: input.file }) : read;
  if (!result.ok) return result;
  let name = 'scoring-sheet.yaml';
  for (let n = 2; await input.exists(name); n++) name = `scoring-sheet-${n}.yaml`;
  // The engine's own checks of a sheet (totals, rows), each on the cell it is about, before anything is written.
  const errors = applyScoringSheet(standard, result.yaml, name, input.lang).diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) return { ok: false, errors: errors.map((d) => ({ cell: importedCell(result, d.clause), message: d.message })) };
  return {
    ok: true,
    plan: { name, yaml: result.yaml, manifestEdit: scoringEdit(input.manifestText, `./${name}`), points: result.points, rows: result.rows },
  };
}

/**
 * The edit that makes the manifest's top-level `scoring:` name `target`: its value replaced where the key is
 * (a comment after it kept), else a line added after `standard:`, else at the end.
 */
export function scoringEdit(text: string, target: string): { range: Range; newText: string } {
  const lines = splitLines(text);
  const eol = eolOf(text);
  const at = lines.findIndex((l) => /^scoring\s*:/.test(l));
  if (at >= 0) {
    const m = /^(scoring\s*:\s*)(.*?)(\s+#.*)?$/.exec(lines[at])!;
    const start = m[1].length;
    return { range: { start: { line: at, character: start }, end: { line: at, character: start + m[2].length } }, newText: target };
  }
  const after = lines.findIndex((l) => /^standard\s*:/.test(l));
  if (after >= 0) {
    const end = { line: after, character: lines[after].length };
    return { range: { start: end, end }, newText: `${eol}scoring: ${target}` };
  }
  const last = lines.length - 1;
  const end = { line: last, character: lines[last].length };
  return { range: { start: end, end }, newText: `${lines[last] === '' ? '' : eol}scoring: ${target}${eol}` };
}
