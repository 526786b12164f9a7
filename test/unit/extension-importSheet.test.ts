// "Import Scoring Sheet…" without VS Code: the plan the command applies as one undoable WorkspaceEdit —
// the new file's name (never an existing one), its YAML, and the manifest edit that names it — or the
// errors, each on its cell, in the user's language, with nothing to apply.
import { strict as assert } from 'node:assert';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { readWorkbookTables } from '../../src/present/formats/workbookTables';
import { planSheetImport, scoringEdit, type SheetImportInput } from '../../src/extension/commands/importSheet';
import type { Range } from '../../src/core/types';
import { bodySheet } from '../support/bodySheet';

const MANIFEST = 'pack: 1\nstandard: gbt27922-2011   # 内置标准\nassessment: {date: 2026-10-15}\n';

/** The text with the edit applied, as VS Code would. */
function applied(text: string, edit: { range: Range; newText: string }): string {
  const lines = text.split('\n');
  const offset = (p: Range['start']) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
}

const input = (over: Partial<SheetImportInput> = {}): SheetImportInput => ({
  file: '评分表.csv',
  bytes: new TextEncoder().encode(bodySheet()),
  standardId: 'gbt27922-2011',
  manifestText: MANIFEST,
  exists: async () => false,
  lang: 'en',
  ...over,
});

describe('Import Scoring Sheet: the plan', () => {
  it('writes scoring-sheet.yaml next to the manifest and adds scoring: after standard:', async () => {
    const r = await planSheetImport(input());
    assert.ok(r.ok);
    assert.equal(r.plan.name, 'scoring-sheet.yaml');
    assert.deepEqual([r.plan.points, r.plan.rows], [20, 2]);
    assert.deepEqual(
      parse(r.plan.yaml).rows.map((row: { id: string }) => row.id),
      ['5.3.2.1', '5.3.2.2'],
    );
    assert.equal(
      applied(MANIFEST, r.plan.manifestEdit),
      'pack: 1\nstandard: gbt27922-2011   # 内置标准\nscoring: ./scoring-sheet.yaml\nassessment: {date: 2026-10-15}\n',
    );
  });

  it('never takes the name of an existing file, and re-points a scoring: that is there (its comment kept)', async () => {
    const taken = new Set(['scoring-sheet.yaml', 'scoring-sheet-2.yaml']);
    const manifest = 'pack: 1\nstandard: gbt27922-2011\nscoring: ./old-sheet.yaml   # 旧评分表\n';
    const r = await planSheetImport(input({ exists: async (n) => taken.has(n), manifestText: manifest }));
    assert.ok(r.ok);
    assert.equal(r.plan.name, 'scoring-sheet-3.yaml');
    assert.equal(
      applied(manifest, r.plan.manifestEdit),
      'pack: 1\nstandard: gbt27922-2011\nscoring: ./scoring-sheet-3.yaml   # 旧评分表\n',
    );
  });

  it('adds scoring: at the end of a manifest without standard:, keeping its line breaks', () => {
    assert.equal(applied('pack: 1', scoringEdit('pack: 1', './s.yaml')), 'pack: 1\nscoring: ./s.yaml\n');
    const crlf = 'pack: 1\r\nstandard: x\r\n';
    const edit = scoringEdit(crlf, './s.yaml');
    assert.equal(edit.newText, '\r\nscoring: ./s.yaml');
    assert.deepEqual(edit.range.start, { line: 1, character: 11 });
  });

  it('reads a workbook through the reader the host gives, and says clearly when it has none (the browser)', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('评分表');
    ws.addRow(['条款号', '评价内容', '分值']);
    ws.addRow(['5.1.2.2', '售后服务管理师', 5]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const r = await planSheetImport(input({ file: '评分表.xlsx', bytes, readWorkbook: readWorkbookTables }));
    assert.ok(r.ok);
    assert.deepEqual([r.plan.points, r.plan.rows], [1, 0]);
    const none = await planSheetImport(input({ file: '评分表.xlsx', bytes, readWorkbook: undefined, lang: 'zh-CN' }));
    assert.ok(!none.ok);
    assert.deepEqual(none.errors, [
      {
        cell: '评分表.xlsx',
        message: '读取 XLSX 工作簿需要桌面版 VS Code 或命令行（evidence-pack sheet import）；在此处请把评分表另存为 CSV（UTF-8）后导入',
      },
    ]);
  });

  it("names the cell of each error in the user's language and plans nothing", async () => {
    const bad = bodySheet([',5.9.1,不存在的条款,3,']);
    const r = await planSheetImport(input({ bytes: new TextEncoder().encode(bad), lang: 'zh-CN' }));
    assert.ok(!r.ok);
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0].cell, /^'评分表'!B\d+$/);
    assert.equal(r.errors[0].message, '条款 5.9.1 既不在标准 gbt27922-2011 中，也不在其某个末级条款之下');
    // The engine's checks of the result too: rows all excludable under 5.3.2, on the first row's cell.
    const excl = bodySheet()
      .replace('编号,条款号,评价内容,标准分,抽样', '编号,条款号,评价内容,标准分,抽样,可删减')
      .replace(',5.3.2-1,投诉受理,"8",是', ',5.3.2-1,投诉受理,"8",是,是')
      .replace(',5.3.2-2,"投诉回访, 闭环",５,', ',5.3.2-2,"投诉回访, 闭环",５,,是');
    const e = await planSheetImport(input({ bytes: new TextEncoder().encode(excl) }));
    assert.ok(!e.ok);
    assert.match(e.errors[0].cell, /^'评分表'!B\d+$/);
    assert.match(e.errors[0].message, /every row under 5\.3\.2 is excludable/);
  });

  it('refuses a pack on a standard that is not built in, saying which are', async () => {
    const r = await planSheetImport(input({ standardId: 'acme-checklist' }));
    assert.ok(!r.ok);
    assert.match(r.errors[0].message, /Sheet import works with the built-in standards \(gbt27922-2011\); this pack uses acme-checklist/);
  });
});
