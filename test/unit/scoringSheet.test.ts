// Scoring sheets that refine the standard: rows below a leaf, the sheet's totals and weights, and
// the errors a hand-made sheet can have, each placed on the sheet's line.
import assert from 'node:assert/strict';
import { scoreJson } from '../../src/present/formats/json';
import { builtinStandard } from '../../src/core/standard/builtin';
import { codes, engineFor, LEAVES, manifest, memFs, metEntry, TEST_STANDARD } from './support/memFs';

const ROWS = `standard: test-std
body: 某认证有限公司
source: 商品售后服务认证评分表
version: "2025-02"
weights: official
rows:
  - {id: "1.2.1", parent: "1.2", title: {zh-CN: 投诉受理, en: Complaint intake}, points: 6}
  - {id: "1.2.2", parent: "1.2", title: 投诉回访, points: 4, requires: [document], sampled: false}
`;

const rowEntries = (ids: string[]) =>
  ids
    .map((id) =>
      id === '1.2.1' ? `  - clause: "1.2.1"\n    evidence:\n      - {kind: record, title: 投诉台账, date: 2026-09-01}\n` : metEntry(id),
    )
    .join('');
const OTHER_LEAVES = LEAVES.filter((l) => l !== '1.2');

async function check(sheet: string, evidence: string, extra = '') {
  const fs = memFs({
    '/ws/p/evidence-pack.yaml': manifest(`scoring: ./sheet.yaml\n${extra}`),
    '/ws/p/std.yaml': TEST_STANDARD,
    '/ws/p/sheet.yaml': sheet,
    '/ws/p/a.evidence.yaml': `clauses:\n${evidence}`,
  });
  return engineFor(fs).checkPack('/ws/p');
}

describe('scoring sheets with rows (refining leaves)', () => {
  it('a leaf refined by rows becomes their parent; rows are leaves that inherit requires and sampled', async () => {
    const r = await check(ROWS, rowEntries([...OTHER_LEAVES, '1.2.1', '1.2.2']));
    assert.deepEqual(codes(r), []);
    const std = r.standard!;
    assert.deepEqual(
      std.byId.get('1.2')!.children.map((c) => c.id),
      ['1.2.1', '1.2.2'],
    );
    assert.deepEqual(std.leaves.map((l) => l.id).slice(0, 4), ['1.1', '1.2.1', '1.2.2', '1.3']);
    const intake = std.byId.get('1.2.1')!,
      followUp = std.byId.get('1.2.2')!;
    assert.deepEqual([intake.requires, intake.sampled], [['record'], true]); // inherited from 1.2
    assert.deepEqual([followUp.requires, followUp.sampled], [['document'], false]); // stated
    assert.deepEqual(followUp.title, { 'zh-CN': '投诉回访', en: '投诉回访' });
    assert.equal(std.byId.get('1.2')!.points, 10);
    assert.equal(r.score!.score, 100);
    // JSON lists the rows as leaves, in the standard's order, and not the refined parent.
    const json = scoreJson(r.score!) as { clauses: { id: string; points: number }[]; standard: { weights: string; sheet: unknown } };
    assert.deepEqual(json.clauses.map((c) => c.id).slice(0, 4), ['1.1', '1.2.1', '1.2.2', '1.3']);
    assert.equal(json.clauses.find((c) => c.id === '1.2')?.points, undefined);
    assert.deepEqual(json.standard.sheet, {
      body: '某认证有限公司',
      source: '商品售后服务认证评分表',
      version: '2025-02',
      weights: 'official',
      rows: 2,
    });
    assert.equal(r.score!.standard.scoringSource, '某认证有限公司 · 商品售后服务认证评分表 · 2025-02');
  });

  it('scores each row on its own: a missing row loses its points, a sampled row loses them in proportion', async () => {
    // 1.2.2 missing: 4 of 100 points lost → 96.
    assert.equal((await check(ROWS, rowEntries([...OTHER_LEAVES, '1.2.1']))).score!.score, 96);
    // 1.2.1 partial, 2 of 10 samples non-conforming: 6 × (1 − 2/10) = 4.8 → 100 − 1.2 = 98.8.
    const partial =
      '  - clause: "1.2.1"\n    status: partial\n    samples: {size: 10, nonconforming: 2}\n    evidence:\n      - {kind: record, title: 投诉台账, date: 2026-09-01}\n';
    const r = await check(ROWS, rowEntries([...OTHER_LEAVES, '1.2.2']) + partial);
    assert.equal(r.score!.clauses.find((c) => c.id === '1.2.1')!.earned, 4.8);
    assert.equal(r.score!.score, 98.8);
  });

  it('evidence on the refined parent is clause-not-leaf naming the rows', async () => {
    const r = await check(
      ROWS,
      rowEntries([...OTHER_LEAVES, '1.2.1', '1.2.2']) + '  - clause: "1.2"\n    evidence: [{kind: record, title: r, date: 2026-09-01}]\n',
    );
    const d = r.diagnostics.find((x) => x.code === 'clause-not-leaf')!;
    assert.equal(d.clause, '1.2');
    assert.match(d.message, /1\.2\.1, 1\.2\.2/);
  });

  it('rows that do not add up to the stated total are points-mismatch on the sheet, naming the rows', async () => {
    const sheet = ROWS.replace('rows:', 'points: {"1.2": 10}\nrows:').replace('points: 4,', 'points: 5,');
    const r = await check(sheet, '');
    const mismatches = r.diagnostics.filter((x) => x.code === 'points-mismatch');
    const onRefined = mismatches.find((d) => d.clause === '1.2')!;
    assert.equal(onRefined.file, '/ws/p/sheet.yaml');
    assert.equal(onRefined.range.start.line, 5); // the "1.2" key of points:
    assert.match(onRefined.message, /states 10 points but its sub-clauses sum to 11.*1\.2\.1, 1\.2\.2/);
    // The standard's own total of part 1 (50) breaks too, and says which of the sheet's points are under it.
    const onPart = mismatches.find((d) => d.clause === '1')!;
    assert.match(onPart.message, /states 50 points but its sub-clauses sum to 51.*1\.2\.1, 1\.2\.2/);
  });

  it('a row under an unknown parent, under a parent with sub-clauses, or repeated: an error on its line', async () => {
    const sheet = `standard: test-std
rows:
  - {id: "9.9.1", parent: "9.9", title: x, points: 1}
  - {id: "1.x", parent: "1", title: x, points: 1}
  - {id: "1.1", parent: "1.2", title: x, points: 1}
  - {id: "1.2.1", parent: "1.2", title: x, points: 5}
  - {id: "1.2.1", parent: "1.2", title: x, points: 5}
`;
    const r = await check(sheet, '');
    const on = (line: number) =>
      r.diagnostics.filter((d) => d.file === '/ws/p/sheet.yaml' && d.range.start.line === line).map((d) => d.code);
    assert.deepEqual(on(2), ['unknown-clause']);
    assert.deepEqual(on(3), ['standard-invalid']);
    assert.deepEqual(on(4), ['standard-invalid']);
    assert.deepEqual(on(6), ['standard-invalid']);
    const messages = r.diagnostics
      .filter((d) => d.file === '/ws/p/sheet.yaml')
      .map((d) => d.message)
      .join('\n');
    assert.match(messages, /parent 9\.9 is neither a clause of the standard nor a row/);
    assert.match(messages, /parent 1 already has sub-clauses/);
    assert.match(messages, /row 1\.1 is already a clause of the standard/);
    assert.match(messages, /row 1\.2\.1 appears twice/);
    // The good row still refines 1.2 (5 points where 10 were: part 1's total of 50 no longer holds).
    assert.deepEqual(
      r.standard!.byId.get('1.2')!.children.map((c) => c.id),
      ['1.2.1'],
    );
  });

  it('rows naming each other as parents are a cycle, reported once, and none of them is placed', async () => {
    const sheet = 'standard: test-std\nrows:\n  - {id: a, parent: b, title: x, points: 1}\n  - {id: b, parent: a, title: x, points: 1}\n';
    const r = await check(sheet, '');
    const cycles = r.diagnostics.filter((d) => /cycle|循环/.test(d.message));
    assert.equal(cycles.length, 1);
    assert.match(cycles[0].message, /a → b → a/);
    assert.equal(r.standard!.byId.has('a'), false);
  });

  it('rows that are all excludable under a clause that is not: an error on the first row, since a pack could exclude the clause through them', async () => {
    const sheet = (second: string) =>
      `standard: test-std\nrows:\n  - {id: "1.2.1", parent: "1.2", title: x, points: 6, excludable: true}\n  - {id: "1.2.2", parent: "1.2", title: x, points: 4${second}}\n`;
    const r = await check(sheet(', excludable: true'), '');
    const onSheet = r.diagnostics.filter((d) => d.file === '/ws/p/sheet.yaml');
    assert.deepEqual(
      onSheet.map((d) => [d.code, d.clause, d.range.start.line]),
      [['standard-invalid', '1.2', 2]],
    );
    assert.equal(
      onSheet[0].message,
      'Scoring sheet: every row under 1.2 is excludable (1.2.1, 1.2.2) but 1.2 is not: a pack could exclude the whole clause through its rows; mark at least one row excludable: false',
    );
    // One row that cannot be excluded keeps the clause in every pack: no error.
    assert.deepEqual(
      (await check(sheet(''), '')).diagnostics.filter((d) => d.file === '/ws/p/sheet.yaml'),
      [],
    );
    // Under a clause that may be excluded (1.1), rows may all be excludable.
    const underExcludable = 'standard: test-std\nrows:\n  - {id: "1.1.1", parent: "1.1", title: x, points: 10}\n';
    assert.deepEqual(
      (await check(underExcludable, '')).diagnostics.filter((d) => d.file === '/ws/p/sheet.yaml'),
      [],
    );
  });

  it('negative or non-numeric row points are schema errors on the value; the sheet is not applied', async () => {
    for (const bad of ['-3', 'abc']) {
      const r = await check(`standard: test-std\nrows:\n  - id: "1.2.1"\n    parent: "1.2"\n    title: x\n    points: ${bad}\n`, '');
      const d = r.diagnostics.find((x) => x.file === '/ws/p/sheet.yaml')!;
      assert.equal(d.code, 'schema');
      assert.equal(d.range.start.line, 5);
      assert.equal(r.standard!.byId.has('1.2.1'), false);
    }
  });

  it('rows may refine rows; a row with rows states the total they must add up to', async () => {
    const sheet =
      ROWS + '  - {id: "1.2.1.a", parent: "1.2.1", title: a, points: 3}\n  - {id: "1.2.1.b", parent: "1.2.1", title: b, points: 2}\n';
    const r = await check(sheet, '');
    const d = r.diagnostics.find((x) => x.code === 'points-mismatch' && x.clause === '1.2.1')!;
    assert.equal(d.range.start.line, 6);
    assert.match(d.message, /states 6 points but its sub-clauses sum to 5/);
    assert.deepEqual(r.standard!.leaves.map((l) => l.id).slice(1, 4), ['1.2.1.a', '1.2.1.b', '1.2.2']);
  });

  it('a chain of rows deeper than the bound is refused, never overflowing the stack', async () => {
    let sheet = 'standard: test-std\nrows:\n';
    let parent = '1.2';
    for (let i = 0; i < 20000; i++) {
      sheet += `  - {id: r${i}, parent: "${parent}", title: x, points: 0}\n`;
      parent = `r${i}`;
    }
    const r = await check(sheet, '');
    assert.ok(r.diagnostics.some((d) => /levels below a leaf/.test(d.message)));
    assert.ok(r.score);
  });

  it('`__proto__` and `constructor` as row ids are ordinary ids', async () => {
    const sheet =
      'standard: test-std\nrows:\n  - {id: __proto__, parent: "1.2", title: x, points: 6}\n  - {id: constructor, parent: "1.2", title: y, points: 4}\n';
    const r = await check(sheet, `  - clause: __proto__\n    evidence: [{kind: record, title: r, date: 2026-09-01}]\n`);
    assert.deepEqual(
      r.standard!.byId.get('1.2')!.children.map((c) => c.id),
      ['__proto__', 'constructor'],
    );
    assert.equal(r.score!.clauses.find((c) => c.id === '__proto__')!.state, 'met');
  });

  describe('weights: provisional while any leaf is', () => {
    it('a sheet without weights: official keeps the score provisional, even over an official standard', async () => {
      const r = await check('standard: test-std\npoints: {"1.1": 10}\n', '');
      assert.equal(r.score!.standard.weights, 'provisional');
      assert.equal(r.score!.standard.sheet!.weights, 'provisional');
    });
    it('an official sheet over an official standard stays official', async () => {
      assert.equal((await check(ROWS, '')).score!.standard.weights, 'official');
    });
    it('over the provisional built-in standard, an official sheet is official only when it gives every leaf its points', async () => {
      const builtin = builtinStandard('gbt27922-2011')!;
      const all = builtin.leaves.map((l) => `"${l.id}": ${l.points}`);
      const run = async (points: string[]) => {
        const fs = memFs({
          '/ws/p/evidence-pack.yaml': 'pack: 1\nstandard: gbt27922-2011\nscoring: ./sheet.yaml\n',
          '/ws/p/sheet.yaml': `standard: gbt27922-2011\nweights: official\npoints: {${points.join(', ')}}\n`,
        });
        return (await engineFor(fs).checkPack('/ws/p')).score!.standard.weights;
      };
      assert.equal(await run(all), 'official');
      assert.equal(await run(all.slice(1)), 'provisional');
    });
  });

  it('a custom standard without a sheet is unchanged (no sheet, its own weights)', async () => {
    const fs = memFs({ '/ws/p/evidence-pack.yaml': manifest(), '/ws/p/std.yaml': TEST_STANDARD });
    const r = await engineFor(fs).checkPack('/ws/p');
    assert.equal(r.score!.standard.weights, 'official');
    assert.equal(r.score!.standard.sheet, undefined);
    assert.equal(Object.hasOwn((scoreJson(r.score!) as { standard: object }).standard, 'sheet'), false);
  });
});
