// `evidence-pack sheet import FILE.xlsx`: a body's workbook as people make them (a cover sheet before the
// sheet with the header, merged cells, formulas with saved values, numbers as text, full-width digits,
// 5.3.2-1 ids), written by exceljs and by LibreOffice; and hostile workbooks, each refused with a clear
// error and nothing written: zip bombs, a million rows, deep XML, formulas without saved values.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { bodySheet, builtin, fullWidth } from '../support/bodySheet';
import { convert, requireSoffice } from '../support/soffice';

const repo = path.resolve(__dirname, '../..');
const cli = path.join(repo, 'dist/cli.js');
const run = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8' } });

/**
 * The body's sheet as a workbook: a cover sheet first (no header), then 评分表 with a title merged across the
 * columns, the first-level indicator merged down each section, points as numbers, as text, in full-width
 * digits and as a formula with its saved value, 5.3.2 refined into 5.3.2-1 and 5.3.2-2 with 抽样 merged over
 * both, and subtotals as formulas without saved values (exceljs writes none; they are skipped).
 */
async function bodyWorkbook(edit?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('说明').getCell('A1').value = '本评分表为示例，分值为虚构。';
  const ws = book.addWorksheet('评分表');
  ws.addRow(['某认证有限公司（示例）商品售后服务认证评分表']);
  ws.mergeCells('A1:E1');
  ws.addRow(['一级指标', '条款号', '评价内容', '标准分', '抽样']);
  for (const top of builtin.clauses) {
    const first = ws.rowCount + 1;
    ws.addRow([top.title['zh-CN'], top.id, top.title['zh-CN']]); // the section's title row: no points
    for (const leaf of builtin.leaves.filter((l) => l.id.startsWith(top.id + '.'))) {
      if (leaf.id === '5.3.2') {
        ws.addRow([null, '5.3.2-1', '投诉受理', 8, '是']);
        ws.addRow([null, '5.3.2-2', { richText: [{ text: '投诉回访，' }, { text: '闭环', font: { bold: true } }] }, fullWidth('5')]);
        ws.mergeCells(`E${ws.rowCount - 1}:E${ws.rowCount}`);
      } else if (leaf.id === '5.1.1.1') {
        ws.addRow([null, leaf.id, leaf.title['zh-CN'], { formula: '1+2', result: leaf.points }]);
      } else {
        ws.addRow([null, leaf.id, leaf.title['zh-CN'], leaf.id.endsWith('.1') ? String(leaf.points) : leaf.points]);
      }
    }
    ws.addRow([null, '小计', null, { formula: `SUM(D${first}:D${ws.rowCount})` }]);
    ws.mergeCells(`A${first}:A${ws.rowCount}`);
  }
  ws.addRow([null, '合计', null, { formula: 'SUM(D3:D100)' }]);
  edit?.(ws);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A workbook made by hand: one worksheet named 评分表 with this sheetData (for XML no program writes). */
function handWorkbook(sheetData: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`,
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="评分表" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
  });
}

/**
 * A zip bomb: `count` entries, each the same 64 MiB of zeros deflated to about 64 kB — a 2.5 MB file that
 * unpacks to gigabytes. `statedSize` is what the central directory says each unpacks to (a liar says little).
 */
function zipBomb(count: number, statedSize?: number): Buffer {
  const plain = Buffer.alloc(64 * 1024 * 1024);
  const packed = deflateRawSync(plain, { level: 9 });
  const crc = crc32(plain);
  const locals: Buffer[] = [],
    centrals: Buffer[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const name = Buffer.from(`xl/media/zeros${i}.bin`);
    // What a local header and its central directory entry share, from "version needed" to the name's length
    // (at 4 in the one, at 6 in the other, after "version made by").
    const shared = (b: Buffer, at: number) => {
      b.writeUInt16LE(20, at); // version needed: 2.0
      b.writeUInt16LE(8, at + 4); // deflated
      b.writeUInt16LE(0x21, at + 8); // date: 1980-01-01
      b.writeUInt32LE(crc, at + 10);
      b.writeUInt32LE(packed.length, at + 14);
      b.writeUInt32LE(statedSize ?? plain.length, at + 18);
      b.writeUInt16LE(name.length, at + 22);
    };
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    shared(head, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    shared(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(head, name, packed);
    centrals.push(central, name);
    offset += head.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('evidence-pack sheet import (XLSX)', function () {
  this.timeout(120000);
  let tmp: string;
  before(function () {
    if (!existsSync(cli)) this.skip();
    tmp = mkdtempSync(path.join(tmpdir(), 'ep-sheet-xlsx-'));
  });
  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** Imports `name` (written from `bytes`) to `name`.yaml; the result and whether the file was written. */
  const importBook = (name: string, bytes: Uint8Array) => {
    writeFileSync(path.join(tmp, name), bytes);
    const out = `${name}.yaml`;
    const r = run(['sheet', 'import', name, '--out', out], tmp);
    return { ...r, written: existsSync(path.join(tmp, out)), yaml: () => readFileSync(path.join(tmp, out), 'utf8') };
  };

  it('reads a workbook written by exceljs: the sheet with the header, merged cells, saved formula values, text and full-width numbers', async () => {
    const r = importBook('exceljs.xlsx', await bodyWorkbook());
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`Wrote exceljs\\.xlsx\\.yaml: ${builtin.leaves.length - 1} leaf points, 2 rows`));
    const yaml = r.yaml();
    assert.match(yaml, /from "exceljs\.xlsx" \(sheet 评分表\)/);
    // 抽样 is merged over both rows: both are sampled. The rich-text title is its text; ５ is 5.
    assert.match(yaml, /id: 5\.3\.2\.1\n\s+parent: 5\.3\.2\n\s+title: 投诉受理\n\s+points: 8\n\s+sampled: true/);
    assert.match(yaml, /id: 5\.3\.2\.2\n\s+parent: 5\.3\.2\n\s+title: 投诉回访，闭环\n\s+points: 5\n\s+sampled: true/);
    // 5.1.1.1's points are the formula's saved value (3); 5.1.2.1's were text ("4").
    assert.match(yaml, /\n {2}5\.1\.1\.1: 3\n/);
    assert.match(yaml, /\n {2}5\.1\.2\.1: 4\n/);
  });

  it('names the sheet and cell of what it cannot place, a formula without a saved value among them, and writes nothing', async () => {
    let unknownRow = 0,
      formulaRow = 0;
    const bytes = await bodyWorkbook((ws) => {
      unknownRow = ws.addRow([null, '5.9.1', '不存在的条款', 3]).number;
      formulaRow = ws.getColumn(2).values.findIndex((v) => v === '5.1.6');
      ws.getCell(`D${formulaRow}`).value = { formula: 'B2*0+3' } as ExcelJS.CellFormulaValue;
    });
    const r = importBook('bad.xlsx', bytes);
    assert.equal(r.status, 1);
    assert.equal(r.written, false);
    assert.deepEqual(r.stderr.trim().split('\n'), [
      `'评分表'!D${formulaRow}: The formula =B2*0+3 has no saved value (formulas are not calculated here): open the workbook in a spreadsheet program and save it, or type the value`,
      `'评分表'!B${unknownRow}: Clause 5.9.1 is neither in standard gbt27922-2011 nor below one of its leaves`,
    ]);
  });

  it('reads a workbook made by LibreOffice from a CSV, and a pack scores with it to the hand-computed figure', function () {
    const bin = requireSoffice(this);
    const dir = path.join(tmp, 'lo');
    mkdirSync(dir);
    writeFileSync(path.join(dir, '评分表.csv'), bodySheet());
    convert(bin, [path.join(dir, '评分表.csv')], 'xlsx', dir, 'CSV:44,34,76,1');
    const r = run(['sheet', 'import', 'lo/评分表.xlsx', '--out', 'pack/scoring-sheet.yaml'], (mkdirSync(path.join(tmp, 'pack')), tmp));
    assert.equal(r.status, 0, r.stderr);
    const pack = path.join(tmp, 'pack');
    const yaml = readFileSync(path.join(pack, 'scoring-sheet.yaml'), 'utf8');
    assert.match(yaml, /from "评分表\.xlsx" \(sheet 评分表\)/);
    assert.match(yaml, /id: 5\.3\.2\.1\n\s+parent: 5\.3\.2\n\s+title: 投诉受理\n\s+points: 8\n\s+sampled: true/);
    writeFileSync(
      path.join(pack, 'evidence-pack.yaml'),
      'pack: 1\nstandard: gbt27922-2011\nscoring: ./scoring-sheet.yaml\nassessment: {date: 2026-10-15}\n',
    );
    writeFileSync(
      path.join(pack, 'a.evidence.yaml'),
      [
        'clauses:',
        '  - clause: "5.1.2.2"',
        '    evidence: [{kind: document, title: 服务网点管理办法}, {kind: record, title: 网点巡查记录, date: 2026-09-01}]',
        '  - clause: "5.3.2.1"',
        '    status: partial',
        '    samples: {size: 10, nonconforming: 2}',
        '    evidence: [{kind: document, title: 投诉处理程序}, {kind: record, title: 投诉台账, date: 2026-09-30}]',
        '  - clause: "5.3.2.2"',
        '    evidence: [{kind: document, title: 回访规定}, {kind: record, title: 回访记录, date: 2026-09-30}]',
        '  - clause: "5.2.6"',
        '    status: excluded',
        '    justification: 小家电不在废弃电器电子产品处理目录内，不开展回收。',
        '',
      ].join('\n'),
    );
    const s = JSON.parse(run(['score', pack, '--format', 'json'], tmp).stdout)[0];
    const leaf = (id: string) => s.clauses.find((c: { id: string }) => c.id === id);
    // The hand computation, step by step.
    // 1. The imported sheet refines 5.3.2 (13) into 5.3.2.1 (8, sampled) and 5.3.2.2 (5); every other leaf
    //    keeps the points the sheet states (the built-in ones), so the total stays 100.
    assert.deepEqual([leaf('5.3.2.1').points, leaf('5.3.2.2').points, leaf('5.3.2')], [8, 5, undefined]);
    // 2. Applicable = 100 − 4 (5.2.6 excluded, with a justification) = 96.
    assert.equal(leaf('5.2.6').state, 'excluded');
    assert.equal(s.applicable, 96);
    // 3. Earned: 5.1.2.2 met, 5 points; 5.3.2.1 partial on samples, 8 × (1 − 2/10) = 6.4;
    //    5.3.2.2 met, 5 points; every other leaf has no entry, 0. Earned = 5 + 6.4 + 5 = 16.4.
    assert.deepEqual(
      ['5.1.2.2', '5.3.2.1', '5.3.2.2'].map((id) => leaf(id).earned),
      [5, 6.4, 5],
    );
    assert.equal(s.earned, 16.4);
    // 4. Score = 16.4 / 96 × 100 = 17.083…, rounded to one decimal: 17.1.
    assert.equal(s.score, 17.1);
    assert.equal(s.standard.sheet.source, '评分表.xlsx');
  });

  it('reads hostile cells (__proto__ and constructor ids, a 1 MB string) as text and names their cells', async () => {
    const r = importBook(
      'proto.xlsx',
      await bodyWorkbook((ws) => {
        ws.addRow([null, '__proto__', 'x', 1]);
        ws.addRow([null, 'constructor', '长'.repeat(1_000_000), 1]);
      }),
    );
    assert.equal(r.status, 1);
    assert.equal(r.written, false);
    assert.match(r.stderr, /'评分表'!B\d+: "__proto__" is not a clause id/);
    assert.match(r.stderr, /'评分表'!B\d+: "constructor" is not a clause id/);
  });

  it('reads 10,000 rows (remarks below the sheet are skipped)', async () => {
    const r = importBook(
      'long.xlsx',
      await bodyWorkbook((ws) => {
        for (let i = 1; i <= 10_000; i++) ws.addRow([null, null, `备注 ${i}：见附件`]);
      }),
    );
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /2 rows/);
  });

  it('refuses a zip bomb from its directory before unpacking it, and one whose directory lies after 32 MB', () => {
    const honest = zipBomb(40);
    assert.ok(honest.length < 3 * 1024 * 1024); // 2.5 MB that would unpack to 2.5 GB
    const a = importBook('bomb.xlsx', honest);
    assert.equal(a.status, 1);
    assert.equal(a.stderr, 'bomb.xlsx: Unpacks to more than 32 MB: not a scoring sheet (stopped before unpacking the rest)\n');
    const b = importBook('liar.xlsx', zipBomb(40, 1000));
    assert.equal(b.status, 1);
    assert.equal(b.stderr, 'liar.xlsx: Unpacks to more than 32 MB: not a scoring sheet (stopped before unpacking the rest)\n');
    assert.equal(a.written || b.written, false);
  });

  it('refuses a million rows, deeply nested XML, too many elements and what is not a workbook, each with a clear error', () => {
    const million = importBook('million.xlsx', handWorkbook(Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 1}"/>`).join('')));
    assert.equal(million.stderr, "'评分表'!A20001: More than 20000 rows: this is not a scoring sheet\n");
    const deep = importBook(
      'deep.xlsx',
      handWorkbook(`<row r="1"><c r="A1" t="inlineStr"><is>${'<r>'.repeat(100_000)}${'</r>'.repeat(100_000)}</is></c></row>`),
    );
    assert.equal(deep.stderr, 'deep.xlsx: XML in xl/worksheets/sheet1.xml is nested more than 64 levels deep: not a workbook\n');
    const cells = Array.from({ length: 15_000 }, (_, i) => `<row r="${i + 1}">${'<c><v>1</v></c>'.repeat(20)}</row>`).join('');
    const wide = importBook('wide.xlsx', handWorkbook(cells));
    assert.equal(wide.stderr, 'wide.xlsx: More than 500000 XML elements: not a scoring sheet (a sheet of 10,000 rows has about 200,000)\n');
    const junk = importBook('junk.xlsx', strToU8('PK\u0003\u0004 not really a zip'));
    assert.equal(junk.stderr, 'junk.xlsx: Not an XLSX workbook (not a readable zip archive)\n');
    for (const r of [million, deep, wide, junk]) {
      assert.equal(r.status, 1);
      assert.equal(r.written, false);
    }
  });

  it('refuses a file over 5 MB before reading it', () => {
    writeFileSync(path.join(tmp, 'big.xlsx'), Buffer.alloc(5 * 1024 * 1024 + 1));
    const r = run(['sheet', 'import', 'big.xlsx'], tmp);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, 'big.xlsx: Larger than 5 MB: not a scoring sheet\n');
  });
});
