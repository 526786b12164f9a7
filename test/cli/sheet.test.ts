// A pack scored with a certification body's sheet, as a user runs it: examples/certifier-sheet
// through the built dist/cli.js, to the figure computed by hand below.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { builtinStandard } from '../../src/core/standard/builtin';
import { applyScoringSheet } from '../../src/core/standard/scoringSheet';

const repo = path.resolve(__dirname, '../..');
const cli = path.join(repo, 'dist/cli.js');
const run = (args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], { cwd: repo, encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8' } });

describe("a pack scored with a body's sheet (examples/certifier-sheet)", function () {
  this.timeout(60000);
  before(function () {
    if (!existsSync(cli)) this.skip();
  });

  it('scores to the hand-computed figure, with the rows as leaves and the initial-certification cap', () => {
    const r = run(['score', 'examples/certifier-sheet', '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const [s] = JSON.parse(r.stdout);
    const leaf = (id: string) => s.clauses.find((c: { id: string }) => c.id === id);

    // The hand computation, step by step.
    // 1. The sheet refines 5.3.1 (12) into 5.3.1.1–5.3.1.3 (4 + 4 + 4) and 5.3.2 (13) into
    //    5.3.2.1–5.3.2.3 (4 + 5 + 4); 5.3 stays 25 and the total 100.
    assert.deepEqual(
      ['5.3.1.1', '5.3.1.2', '5.3.1.3', '5.3.2.1', '5.3.2.2', '5.3.2.3'].map((id) => leaf(id).points),
      [4, 4, 4, 4, 5, 4],
    );
    assert.equal(leaf('5.3.2'), undefined);
    // 2. Applicable = 100 − 4 (5.2.6 take-back excluded, with a justification) = 96.
    assert.equal(leaf('5.2.6').state, 'excluded');
    assert.equal(s.applicable, 96);
    // 3. Earned, 5.1: 3 + 3 + 3.6 (5.1.2.1: 4 × (1 − 2/20)) + 5 + 3 + 0 (5.1.3.2 no counting record) + 3 + 4 + 2
    //    + 2.5 + 0 (5.1.5.2 its record is stale) + 3 + 0 (5.1.7 missing) = 32.1
    assert.equal(leaf('5.1.2.1').earned, 3.6);
    assert.deepEqual(
      ['5.1.3.2', '5.1.5.2', '5.1.7'].map((id) => leaf(id).earned),
      [0, 0, 0],
    );
    //    5.2: 6 + 5 + 5 + 0 (5.2.4 its repair orders file is missing) + 7 = 23
    assert.equal(leaf('5.2.4').earned, 0);
    //    5.3 rows: 4 + 4 + 4 + 4 + 5 + 2.4 (5.3.2.3: 4 × (1 − 2/5)) = 23.4
    assert.equal(leaf('5.3.2.3').earned, 2.4);
    //    earned = 32.1 + 23 + 23.4 = 78.5
    assert.deepEqual(
      s.sections.map((x: { earned: number }) => x.earned),
      [32.1, 23, 23.4],
    );
    assert.equal(s.earned, 78.5);
    // 4. Base = 78.5 / 96 × 100 = 81.7708…; one special deduction (SD-1, own rules) − 1 = 80.7708…
    //    rounded half-up to one decimal: 80.8.
    assert.equal(s.specialDeductions, 1);
    assert.equal(s.score, 80.8);
    // 5. 80.8 reaches three-star (≥ 80), but this is an initial certification without outstanding
    //    results: the rating is capped at the lowest band, 达标级, and the uncapped rating is kept.
    assert.deepEqual(s.rating, { id: 'qualified', stars: 0, label: 'Qualified' });
    assert.deepEqual(s.uncappedRating, { id: 'three-star', stars: 3, label: 'Three-star' });
    // The sheet is named with the score; its figures are illustrative, so the weights stay provisional.
    assert.deepEqual(s.standard, {
      id: 'gbt27922-2011',
      weights: 'provisional',
      sheet: {
        body: '示例认证有限公司（虚构）',
        source: '商品售后服务认证评分表（示例）',
        version: '2025-02',
        weights: 'provisional',
        rows: 6,
      },
    });
    // Eligibility and dossier, apart from the score.
    assert.deepEqual(
      [s.prerequisites, s.dossier],
      [
        { total: 5, provided: 1 },
        { total: 14, provided: 2 },
      ],
    );
  });

  it('check says where the cap comes from and prints the sheet with the score', () => {
    const r = run(['check', 'examples/certifier-sheet']);
    assert.match(r.stdout, /info initial-cap Initial certification: the rating is capped at Qualified \(the score earns Three-star\)/);
    assert.match(
      r.stdout,
      /80\.8 Qualified \(provisional weights; scoring sheet: 示例认证有限公司（虚构） · 商品售后服务认证评分表（示例） · 2025-02\)/,
    );
  });

  it("the example's workbook in a body's layout imports to the example's sheet: the same leaves, points and sampling", () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'ep-example-sheet-'));
    try {
      const out = path.join(tmp, 'imported.yaml');
      const r = run(['sheet', 'import', 'examples/certifier-sheet/body-sheet-illustrative.xlsx', '--out', out]);
      assert.equal(r.status, 0, r.stderr);
      const leaves = (text: string) =>
        applyScoringSheet(builtinStandard('gbt27922-2011')!, text, 'sheet.yaml', 'en').standard!.leaves.map((l) => [
          l.id,
          l.points,
          l.sampled,
        ]);
      const imported = leaves(readFileSync(out, 'utf8'));
      assert.deepEqual(imported, leaves(readFileSync(path.join(repo, 'examples/certifier-sheet/scoring-sheet.yaml'), 'utf8')));
      assert.deepEqual(
        imported.filter(([id]) => String(id).startsWith('5.3.2')),
        [
          ['5.3.2.1', 4, false],
          ['5.3.2.2', 5, true],
          ['5.3.2.3', 4, true],
        ],
      );
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
