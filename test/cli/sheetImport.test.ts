// `evidence-pack sheet import` on a body's sheet saved as CSV, as people make them: a title row, a
// header found by its names, subtotal and blank rows, numbers as text, full-width digits, 5.3.2-1 ids.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { bodyRows, bodySheet, builtin, HEADER_ROW } from '../support/bodySheet';

const repo = path.resolve(__dirname, '../..');
const cli = path.join(repo, 'dist/cli.js');
const run = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8' } });

describe('evidence-pack sheet import (CSV)', function () {
  this.timeout(60000);
  let tmp: string;
  before(function () {
    if (!existsSync(cli)) this.skip();
    tmp = mkdtempSync(path.join(tmpdir(), 'ep-sheet-'));
  });
  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('writes a scoring sheet that a pack then scores with, the rows as leaves', () => {
    writeFileSync(path.join(tmp, 'body.csv'), bodySheet());
    const r = run(['sheet', 'import', 'body.csv', '--out', 'scoring-sheet.yaml'], tmp);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`Wrote scoring-sheet\\.yaml: ${builtin.leaves.length - 1} leaf points, 2 rows`)); // every leaf but 5.3.2, which has rows
    const yaml = readFileSync(path.join(tmp, 'scoring-sheet.yaml'), 'utf8');
    assert.match(yaml, /id: 5\.3\.2\.1\n\s+parent: 5\.3\.2\n\s+title: 投诉受理\n\s+points: 8\n\s+sampled: true/);
    assert.match(yaml, /title: 投诉回访, 闭环\n\s+points: 5\n/);
    assert.match(yaml, /weights: provisional/);
    // A pack using it: only the two rows have evidence, 5.3.2.1 met (8) and 5.3.2.2 missing.
    const pack = path.join(tmp, 'pack');
    cpSync(path.join(tmp, 'scoring-sheet.yaml'), path.join(pack, 'scoring-sheet.yaml'), { recursive: true });
    writeFileSync(
      path.join(pack, 'evidence-pack.yaml'),
      'pack: 1\nstandard: gbt27922-2011\nscoring: ./scoring-sheet.yaml\nassessment: {date: 2026-10-15}\n',
    );
    writeFileSync(
      path.join(pack, 'a.evidence.yaml'),
      'clauses:\n  - clause: "5.3.2.1"\n    evidence:\n      - {kind: document, title: 投诉处理程序}\n      - {kind: record, title: 投诉台账, date: 2026-09-30}\n',
    );
    const s = JSON.parse(run(['score', pack, '--format', 'json'], tmp).stdout)[0];
    // 8 earned of 100 applicable → 8.0.
    assert.equal(s.score, 8);
    assert.deepEqual(
      s.clauses.filter((c: { id: string }) => c.id.startsWith('5.3.2')).map((c: { id: string; state: string }) => [c.id, c.state]),
      [
        ['5.3.2.1', 'met'],
        ['5.3.2.2', 'missing'],
      ],
    );
    assert.equal(s.standard.sheet.source, 'body.csv');
  });

  it('names the cell of every row it cannot place (unknown, repeated, non-numeric or negative points), and writes nothing', () => {
    writeFileSync(
      path.join(tmp, 'bad.csv'),
      bodySheet([',5.9.1,不存在的条款,3,', ',5.1.7,重复,2,', ',5.2.1.1,细分,abc,', ',5.2.1.2,负分,-2,']),
    );
    const r = run(['sheet', 'import', 'bad.csv', '--out', 'bad.yaml'], tmp);
    assert.equal(r.status, 1);
    assert.equal(existsSync(path.join(tmp, 'bad.yaml')), false);
    const lines = r.stderr.trim().split('\n');
    const header = HEADER_ROW,
      rows = bodyRows();
    assert.deepEqual(
      lines.map((l) => l.split(':')[0]),
      [`bad!B${header + rows + 1}`, `bad!B${header + rows + 2}`, `bad!D${header + rows + 3}`, `bad!D${header + rows + 4}`],
    );
    assert.match(lines[0], /Clause 5\.9\.1 is neither in standard gbt27922-2011 nor below one of its leaves/);
    assert.match(lines[1], /Clause 5\.1\.7 appears twice \(first at bad!B\d+\)/);
    assert.match(lines[2], /Points "abc" are not a number/);
    assert.match(lines[3], /Points -2 cannot be negative/);
  });

  it("refuses a sheet whose rows break the standard's totals, and writes nothing", () => {
    writeFileSync(path.join(tmp, 'sum.csv'), bodySheet().replace(',5.3.2-1,投诉受理,"8",是', ',5.3.2-1,投诉受理,"9",是'));
    const r = run(['sheet', 'import', 'sum.csv', '--out', 'sum.yaml'], tmp);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^sum!B\d+: Scoring sheet: Clause 5\.3 states 25 points but its sub-clauses sum to 26/); // on the first row of 5.3
    assert.equal(existsSync(path.join(tmp, 'sum.yaml')), false);
  });

  it("refuses rows that are all 可删减 under a clause that cannot be excluded, on the first row's cell, and writes nothing", () => {
    const text = bodySheet()
      .replace('编号,条款号,评价内容,标准分,抽样', '编号,条款号,评价内容,标准分,抽样,可删减')
      .replace(',5.3.2-1,投诉受理,"8",是', ',5.3.2-1,投诉受理,"8",是,是')
      .replace(',5.3.2-2,"投诉回访, 闭环",５,', ',5.3.2-2,"投诉回访, 闭环",５,,是');
    const row = text.split('\r\n').findIndex((l) => l.startsWith(',5.3.2-1,')) + 1;
    writeFileSync(path.join(tmp, 'excl.csv'), text);
    const r = run(['sheet', 'import', 'excl.csv', '--out', 'excl.yaml'], tmp);
    assert.equal(r.status, 1);
    assert.equal(
      r.stderr,
      `excl!B${row}: Scoring sheet: every row under 5.3.2 is excludable (5.3.2.1, 5.3.2.2) but 5.3.2 is not: a pack could exclude the whole clause through its rows; mark at least one row excludable: false\n`,
    );
    assert.equal(existsSync(path.join(tmp, 'excl.yaml')), false);
  });

  it('says plainly that an .xls or .ods file must be saved as .xlsx or CSV first, and that a file without a header has none', () => {
    writeFileSync(path.join(tmp, 'book.xls'), 'PK');
    const x = run(['sheet', 'import', 'book.xls'], tmp);
    assert.equal(x.status, 2);
    assert.match(
      x.stderr,
      /book\.xls: Only \.xlsx and \.csv sheets can be imported: save the sheet as Excel Workbook \(\.xlsx\) or CSV \(UTF-8\)/,
    );
    writeFileSync(path.join(tmp, 'none.csv'), 'a,b\n1,2\n');
    const n = run(['sheet', 'import', 'none.csv'], tmp);
    assert.equal(n.status, 1);
    assert.match(n.stderr, /^none!A1: No header row found/);
  });

  it('reads hostile cells (__proto__ ids, a 1 MB cell) and 30,000 rows without crashing, and writes nothing', () => {
    writeFileSync(path.join(tmp, 'proto.csv'), bodySheet([',__proto__,x,1,', `,constructor,${'长'.repeat(1_000_000)},1,`]));
    const p = run(['sheet', 'import', 'proto.csv', '--out', 'proto.yaml'], tmp);
    assert.equal(p.status, 1);
    assert.match(p.stderr, /"__proto__" is not a clause id/);
    assert.match(p.stderr, /"constructor" is not a clause id/);
    // A megabyte in the id cell is named by its first 40 characters, not echoed whole.
    writeFileSync(path.join(tmp, 'hugeid.csv'), bodySheet([`,${'长'.repeat(1_000_000)},x,1,`]));
    const huge = run(['sheet', 'import', 'hugeid.csv', '--out', 'huge.yaml'], tmp);
    assert.equal(huge.status, 1);
    assert.match(huge.stderr, new RegExp(`^hugeid!B\\d+: "${'长'.repeat(40)}…" is not a clause id\n$`));
    writeFileSync(path.join(tmp, 'long.csv'), bodySheet() + ',5.1.1.1.1,x,1,\n'.repeat(30_000));
    const r = run(['sheet', 'import', 'long.csv', '--out', 'long.yaml'], tmp);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /More than 20000 rows/);
    assert.equal(existsSync(path.join(tmp, 'proto.yaml')) || existsSync(path.join(tmp, 'long.yaml')), false);
  });
});
