// docs/scoring.md, rule by rule, on a standard of ten 10-point leaves (score = 10 × leaves met).
import assert from 'node:assert/strict';
import { allMetExcept, checkTestPack, codes } from './support/memFs';

const sampled = (size: number, nc: number) =>
  `  - clause: "1.2"\n    status: partial\n    samples: {size: ${size}, nonconforming: ${nc}}\n    evidence:\n      - {kind: record, title: r, date: 2026-09-01}\n`;
const leaf = (r: Awaited<ReturnType<typeof checkTestPack>>, id: string) => r.score!.clauses.find((c) => c.id === id)!;

describe('scoring (docs/scoring.md)', () => {
  it('scores a complete pack 100 and five-star with no next band', async () => {
    const r = await checkTestPack({ 'a.evidence.yaml': allMetExcept([]) });
    assert.deepEqual(codes(r), []);
    assert.equal(r.score!.score, 100);
    assert.deepEqual(r.score!.rating, { id: 'five-star', stars: 5, label: 'Five-star' });
    assert.equal(r.score!.next, null);
  });

  describe('band boundaries (each min is inclusive)', () => {
    const cases: [string, string, number, string][] = [
      ['7 of 10 leaves met', allMetExcept(['2.3', '2.4', '2.5']), 70, 'qualified'],
      ['8 of 10', allMetExcept(['2.4', '2.5']), 80, 'three-star'],
      ['9 of 10', allMetExcept(['2.5']), 90, 'four-star'],
      ['9 + a half-sampled leaf = 95', allMetExcept(['1.2']) + sampled(2, 1), 95, 'five-star'],
      ['6 + 9.9 = 69.9 just below 70', allMetExcept(['1.2', '2.4', '2.5', '2.3']) + sampled(100, 1), 69.9, 'fail'],
    ];
    for (const [name, text, score, band] of cases) {
      it(`${name} → ${score} ${band}`, async () => {
        const r = await checkTestPack({ 'a.evidence.yaml': text }, { manifestExtra: '' });
        assert.equal(r.score!.score, score);
        assert.equal(r.score!.rating.id, band);
      });
    }
  });

  it('rounds half-up on the exact decimal value: 79.95 is 80.0 and three-star', async () => {
    // 7 leaves met + 10 × (1 − 1/200) = 79.95 exactly; in binary floating point this sum is 79.94999…
    const r = await checkTestPack({ 'a.evidence.yaml': allMetExcept(['1.2', '2.4', '2.5']) + sampled(200, 1) });
    assert.equal(r.score!.score, 80);
    assert.equal(r.score!.rating.id, 'three-star');
    assert.equal(r.score!.exactScore, '1599/20');
  });

  it('rounds 79.925 down to 79.9 (half-up applies to the first dropped digit only)', async () => {
    const r = await checkTestPack({ 'a.evidence.yaml': allMetExcept(['1.2', '2.4', '2.5']) + sampled(400, 3) });
    assert.equal(r.score!.score, 79.9);
    assert.equal(r.score!.rating.id, 'qualified');
    assert.equal(r.score!.next!.id, 'three-star');
    assert.equal(r.score!.next!.needed, 0.1);
  });

  it('a missing leaf scores 0 and gets missing-clause on the manifest standard value', async () => {
    const r = await checkTestPack({ 'a.evidence.yaml': allMetExcept(['2.5']) });
    assert.equal(leaf(r, '2.5').state, 'missing');
    const d = r.diagnostics.find((x) => x.code === 'missing-clause')!;
    assert.equal(d.clause, '2.5');
    assert.equal(d.file, '/ws/p/evidence-pack.yaml');
    assert.deepEqual(d.range, { start: { line: 1, character: 10 }, end: { line: 1, character: 20 } }); // `./std.yaml`
  });

  describe('exclusions', () => {
    it('an allowed, justified exclusion leaves the applicable total', async () => {
      const r = await checkTestPack({
        'a.evidence.yaml': allMetExcept(['1.1'], '  - clause: "1.1"\n    status: excluded\n    justification: 不生产需安装的商品\n'),
      });
      assert.equal(leaf(r, '1.1').state, 'excluded');
      assert.equal(r.score!.applicable, 90);
      assert.equal(r.score!.score, 100);
      assert.deepEqual(codes(r), []);
    });
    it('an exclusion without justification is an error and is scored as if it had no status', async () => {
      const r = await checkTestPack({ 'a.evidence.yaml': allMetExcept(['1.1'], '  - clause: "1.1"\n    status: excluded\n') });
      assert.ok(codes(r).includes('exclusion-needs-justification'));
      assert.equal(leaf(r, '1.1').state, 'incomplete');
      assert.equal(r.score!.applicable, 100);
      assert.equal(r.score!.score, 90);
    });
    it('excluding a clause that is not excludable is an error; the evidence still counts', async () => {
      const r = await checkTestPack({
        'a.evidence.yaml': allMetExcept(
          ['1.3'],
          '  - clause: "1.3"\n    status: excluded\n    justification: x\n    evidence: [{kind: document, title: d}]\n',
        ),
      });
      assert.ok(codes(r).includes('exclusion-not-allowed'));
      assert.equal(leaf(r, '1.3').state, 'met');
      assert.equal(r.score!.score, 100);
    });
  });

  it('non-conforming scores 0 even with all evidence', async () => {
    const r = await checkTestPack({
      'a.evidence.yaml': allMetExcept(
        ['1.3'],
        '  - clause: "1.3"\n    status: nonconforming\n    evidence: [{kind: document, title: d}]\n',
      ),
    });
    assert.equal(leaf(r, '1.3').state, 'nonconforming');
    assert.equal(r.score!.score, 90);
    assert.ok(!codes(r).includes('missing-evidence'));
  });

  describe('awarded points', () => {
    const awarded = (v: string) => allMetExcept(['1.3'], `  - clause: "1.3"\n    awarded: ${v}\n`);
    it("takes the assessor's points as partial, before the evidence requirement", async () => {
      const r = await checkTestPack({ 'a.evidence.yaml': awarded('2.5') });
      assert.equal(leaf(r, '1.3').state, 'partial');
      assert.equal(leaf(r, '1.3').earned, 2.5);
      assert.equal(r.score!.score, 92.5);
      assert.ok(!codes(r).includes('missing-evidence'));
    });
    it('full points awarded are met', async () => {
      const r = await checkTestPack({ 'a.evidence.yaml': awarded('10') });
      assert.equal(leaf(r, '1.3').state, 'met');
    });
    it('points above the leaf are clamped and reported on the value', async () => {
      const r = await checkTestPack({ 'a.evidence.yaml': awarded('12') });
      assert.equal(leaf(r, '1.3').earned, 10);
      const d = r.diagnostics.find((x) => x.code === 'awarded-out-of-range')!;
      assert.equal(d.severity, 'error');
      assert.match(d.message, /12 is outside 0\.\.10; counted as 10/);
    });
    it('negative points are clamped to 0', async () => {
      const r = await checkTestPack({ 'a.evidence.yaml': awarded('-1') });
      assert.equal(leaf(r, '1.3').earned, 0);
      assert.ok(codes(r).includes('awarded-out-of-range'));
    });
  });

  it('a required kind without counting evidence is incomplete with missing-evidence naming the kind', async () => {
    const r = await checkTestPack({
      'a.evidence.yaml': allMetExcept(['1.2'], '  - clause: "1.2"\n    evidence: [{kind: document, title: not a record}]\n'),
    });
    assert.equal(leaf(r, '1.2').state, 'incomplete');
    assert.deepEqual(leaf(r, '1.2').missingKinds, ['record']);
    const d = r.diagnostics.find((x) => x.code === 'missing-evidence')!;
    assert.equal(d.severity, 'warning');
    assert.deepEqual(d.data, { missingKinds: ['record'] });
    assert.match(d.message, /Record/);
  });

  describe('sampling', () => {
    it('partial with samples earns points × (1 − nonconforming / size)', async () => {
      const r = await checkTestPack({ 'a.evidence.yaml': allMetExcept(['1.2']) + sampled(20, 2) });
      assert.equal(leaf(r, '1.2').state, 'partial');
      assert.equal(leaf(r, '1.2').earned, 9);
      assert.equal(r.score!.score, 99);
    });
    it('partial without samples on a sampled leaf is partial-needs-samples (and scored by rule 7 until fixed, as docs/scoring.md says)', async () => {
      const text = allMetExcept(
        ['1.2'],
        '  - clause: "1.2"\n    status: partial\n    evidence: [{kind: record, title: r, date: 2026-01-01}]\n',
      );
      const r = await checkTestPack({ 'a.evidence.yaml': text });
      const d = r.diagnostics.find((x) => x.code === 'partial-needs-samples')!;
      assert.equal(d.range.start.line, text.split('\n').indexOf('    status: partial'));
      assert.equal(d.range.start.character, 12);
      assert.equal(leaf(r, '1.2').state, 'met');
    });
    for (const [size, nc] of [
      [0, 0],
      [10, 11],
      [10, -1],
    ]) {
      it(`samples {size: ${size}, nonconforming: ${nc}} are samples-invalid`, async () => {
        const r = await checkTestPack({ 'a.evidence.yaml': allMetExcept(['1.2']) + sampled(size, nc) });
        assert.ok(codes(r).includes('samples-invalid'));
        assert.ok(leaf(r, '1.2').earned >= 0 && leaf(r, '1.2').earned <= 10);
      });
    }
  });

  describe('special deductions and bonus', () => {
    it('each deduction costs its points after scaling; an unrectified one is a warning', async () => {
      const r = await checkTestPack(
        { 'a.evidence.yaml': allMetExcept(['2.5']) },
        {
          manifestExtra:
            'special_deductions:\n  - {id: SD-1, clause: "1.3", reason: 违规, rectified: true}\n  - {id: SD-2, reason: 违规, rectified: false}\n',
        },
      );
      assert.equal(r.score!.score, 88);
      assert.equal(r.score!.specialDeductions, 2);
      assert.deepEqual(
        r.diagnostics.filter((d) => d.code === 'unrectified-deduction').map((d) => d.range.start.line),
        [5],
      );
    });
    it('five deductions fail the pack whatever its score', async () => {
      const sd = Array.from({ length: 5 }, (_, i) => `  - {id: SD-${i}, reason: r, rectified: true}\n`).join('');
      const r = await checkTestPack({ 'a.evidence.yaml': allMetExcept([]) }, { manifestExtra: `special_deductions:\n${sd}` });
      assert.equal(r.score!.score, 95);
      assert.equal(r.score!.rating.id, 'fail');
      assert.ok(codes(r).includes('special-deductions-fail'));
    });
    it('a bonus adds its point, clamped to the scale; a second one is bonus-limit and not counted', async () => {
      const one = await checkTestPack(
        { 'a.evidence.yaml': allMetExcept(['2.5']) },
        { manifestExtra: 'special_bonus: {reason: 行业领先}\n' },
      );
      assert.equal(one.score!.score, 91);
      const full = await checkTestPack({ 'a.evidence.yaml': allMetExcept([]) }, { manifestExtra: 'special_bonus: {reason: 行业领先}\n' });
      assert.equal(full.score!.score, 100);
      const two = await checkTestPack(
        { 'a.evidence.yaml': allMetExcept(['2.5']) },
        { manifestExtra: 'special_bonus:\n  - {reason: a}\n  - {reason: b}\n' },
      );
      assert.equal(two.score!.score, 91);
      assert.equal(two.score!.specialBonus, 1);
      assert.ok(codes(two).includes('bonus-limit'));
    });
  });

  it('suggests the leaves with the largest gain first, ties in the standard order', async () => {
    const r = await checkTestPack({ 'a.evidence.yaml': allMetExcept(['1.2', '2.5', '1.10']) + sampled(4, 1) });
    assert.equal(r.score!.score, 77.5);
    assert.equal(r.score!.next!.id, 'three-star');
    assert.equal(r.score!.next!.needed, 2.5);
    assert.deepEqual(
      r.score!.next!.suggestions.map((s) => [s.clause, s.gain]),
      [
        ['1.10', 10],
        ['2.5', 10],
        ['1.2', 2.5],
      ],
    );
    assert.deepEqual(r.score!.next!.suggestions[0].missingKinds, ['document']);
  });

  it('sections sum earned and applicable per top-level clause', async () => {
    const r = await checkTestPack({
      'a.evidence.yaml': allMetExcept(['2.5', '1.1'], '  - clause: "1.1"\n    status: excluded\n    justification: n/a\n'),
    });
    assert.deepEqual(r.score!.sections, [
      { id: '1', earned: 40, applicable: 40 },
      { id: '2', earned: 40, applicable: 50 },
    ]);
  });

  it('merges entries across files: evidence adds up, the first status wins and a different one conflicts', async () => {
    const r = await checkTestPack({
      'a.evidence.yaml':
        allMetExcept(['1.3', '1.4']) + '  - clause: "1.3"\n    status: conforming\n  - clause: "1.4"\n    status: conforming\n',
      'b.evidence.yaml':
        'clauses:\n  - clause: "1.3"\n    evidence: [{kind: document, title: d}]\n  - clause: "1.4"\n    status: nonconforming\n    evidence: [{kind: document, title: d}]\n',
    });
    assert.equal(leaf(r, '1.3').state, 'met');
    assert.equal(leaf(r, '1.3').evidenceCount, 1);
    const d = r.diagnostics.find((x) => x.code === 'conflicting-status')!;
    assert.equal(d.file, '/ws/p/b.evidence.yaml');
    assert.equal(d.clause, '1.4');
    assert.equal(leaf(r, '1.4').state, 'met');
  });

  it('every entry with a status other than the first is a conflict, also several in one later file', async () => {
    const r = await checkTestPack({
      'a.evidence.yaml': allMetExcept(['1.3']) + '  - clause: "1.3"\n    status: conforming\n    evidence: [{kind: document, title: d}]\n',
      'b.evidence.yaml':
        'clauses:\n  - clause: "1.3"\n    status: nonconforming\n  - clause: "1.3"\n    status: conforming\n  - clause: "1.3"\n    status: nonconforming\n',
    });
    assert.deepEqual(
      r.diagnostics.filter((d) => d.code === 'conflicting-status').map((d) => [d.file, d.range.start.line]),
      [
        ['/ws/p/b.evidence.yaml', 2],
        ['/ws/p/b.evidence.yaml', 6],
      ],
    );
    assert.equal(leaf(r, '1.3').state, 'met');
  });

  it('reads an unquoted 1.10 as the id "1.10", never the number 1.1', async () => {
    const r = await checkTestPack({
      'a.evidence.yaml': allMetExcept(['1.10', '1.1'], '  - clause: 1.10\n    evidence: [{kind: document, title: d}]\n'),
    });
    assert.equal(leaf(r, '1.10').state, 'met');
    assert.equal(leaf(r, '1.1').state, 'missing');
  });
});
