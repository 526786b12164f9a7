// The certification scheme around the score: the initial-certification cap, ratings reached by
// rounding, deduction grounds and bonus basis, per-kind windows, prerequisites and the dossier,
// and a system that has not run three months.
import assert from 'node:assert/strict';
import { scoreJson } from '../../src/present/formats/json';
import type { PackResult } from '../../src/core/types';
import { allMetExcept, codes, engineFor, LEAVES, memFs, metEntry, TEST_STANDARD, TODAY } from './support/memFs';
import { builtinStandard } from '../../src/core/standard/builtin';

async function pack(assessment: string, evidence: string, more: Record<string, string> = {}, lang: 'en' | 'zh-CN' = 'en') {
  const fs = memFs({
    '/ws/p/evidence-pack.yaml': `pack: 1\nstandard: ./std.yaml\nassessment: {date: ${TODAY}${assessment}}\n${more.manifest ?? ''}`,
    '/ws/p/std.yaml': more.std ?? TEST_STANDARD,
    '/ws/p/a.evidence.yaml': evidence,
  });
  return engineFor(fs, { lang }).checkPack('/ws/p');
}
const only = (r: PackResult, code: string) => r.diagnostics.filter((d) => d.code === code);

describe('the scheme around the score', () => {
  describe('initial certification (assessment.kind: initial)', () => {
    it('caps the rating at the lowest band and names the rating the score earns (initial-cap info)', async () => {
      const r = await pack(', kind: initial', allMetExcept([]));
      assert.equal(r.score!.score, 100);
      assert.equal(r.score!.rating.id, 'qualified');
      assert.equal(r.score!.uncappedRating!.id, 'five-star');
      const [d] = only(r, 'initial-cap');
      assert.equal(d.severity, 'info');
      assert.equal(d.range.start.line, 2); // on the assessment kind
      assert.match(d.message, /capped at Qualified \(the score earns Five-star\)/);
      const json = scoreJson(r.score!) as { rating: { id: string }; uncappedRating: { id: string } };
      assert.deepEqual([json.rating.id, json.uncappedRating.id], ['qualified', 'five-star']);
    });
    it('outstanding: true with a justification lifts the cap; without one the cap stays and says why', async () => {
      const lifted = await pack(', kind: initial, outstanding: true, justification: 全国售后服务十佳企业', allMetExcept([]));
      assert.equal(lifted.score!.rating.id, 'five-star');
      assert.deepEqual(only(lifted, 'initial-cap'), []);
      const bare = await pack(', kind: initial, outstanding: true', allMetExcept([]), {}, 'zh-CN');
      assert.equal(bare.score!.rating.id, 'qualified');
      assert.match(only(bare, 'initial-cap')[0].message, /须在 assessment.justification 中说明理由/);
    });
    it('surveillance, recertification and no kind at all leave the rating alone; a fail stays a fail', async () => {
      for (const kind of [', kind: surveillance', ', kind: recertification', '']) {
        const r = await pack(kind, allMetExcept([]));
        assert.equal(r.score!.rating.id, 'five-star', kind);
        assert.equal(r.score!.uncappedRating, undefined);
      }
      const failing = await pack(', kind: initial', allMetExcept(['1.1', '1.3', '1.4', '2.1']));
      assert.equal(failing.score!.rating.id, 'fail');
      assert.deepEqual(only(failing, 'initial-cap'), []);
    });
    it('at the lowest band already, nothing is capped', async () => {
      const r = await pack(', kind: initial', allMetExcept(['1.1', '1.3', '1.4']));
      assert.equal(r.score!.rating.id, 'qualified');
      assert.deepEqual(only(r, 'initial-cap'), []);
    });
  });

  it('a rating reached only by rounding is a rating-by-rounding info (79.95 → 80.0 three-star)', async () => {
    // 7 leaves met (70), 2.3 awarded 9.95, 2.4 and 2.5 non-conforming: 79.95 of 100.
    const evidence =
      allMetExcept(['2.3', '2.4', '2.5']) +
      '  - clause: "2.3"\n    awarded: 9.95\n    evidence: [{kind: document, title: d}]\n' +
      '  - clause: "2.4"\n    status: nonconforming\n  - clause: "2.5"\n    status: nonconforming\n';
    const r = await pack('', evidence);
    assert.equal(r.score!.exactScore, '1599/20');
    assert.equal(r.score!.score, 80);
    assert.equal(r.score!.rating.id, 'three-star');
    const [d] = only(r, 'rating-by-rounding');
    assert.match(d.message, /Three-star is reached only by rounding: 79\.95 is below 80 and rounds to 80\.0/);
    // Exactly 80 is no rounding.
    const exact = await pack('', allMetExcept(['2.4', '2.5']));
    assert.equal(exact.score!.score, 80);
    assert.deepEqual(only(exact, 'rating-by-rounding'), []);
  });

  it("reads each special deduction's ground and the bonus basis; an unknown ground is a schema error on it", async () => {
    const manifest =
      'special_deductions:\n  - {id: SD-1, reason: 超时维修, ground: own-rules, rectified: true}\n  - {id: SD-2, reason: x, ground: weather, rectified: true}\nspecial_bonus: {reason: 行业领先, basis: 全国售后服务评价第一名}\n';
    const r = await pack('', allMetExcept([]), { manifest });
    assert.deepEqual(
      r.manifest!.specialDeductions.map((d) => d.ground),
      ['own-rules', undefined],
    );
    assert.equal(r.manifest!.specialBonuses[0].basis, '全国售后服务评价第一名');
    const schema = r.diagnostics.filter((d) => d.code === 'schema');
    assert.equal(schema.length, 1);
    assert.equal(schema[0].range.start.line, 5);
  });

  it('a kind with its own window_months counts items older than the pack window (surveys: 36 months)', async () => {
    const std = TEST_STANDARD.replace(
      '  - {id: record, label: {zh-CN: 记录, en: Record}, dated: true}',
      '  - {id: record, label: {zh-CN: 记录, en: Record}, dated: true}\n  - {id: survey, label: {zh-CN: 顾客调查, en: Customer survey}, dated: true, window_months: 36}',
    ).replace('requires: [record], sampled: true', 'requires: [survey], sampled: true');
    const evidence =
      'clauses:\n' +
      LEAVES.filter((l) => l !== '1.2')
        .map(metEntry)
        .join('') +
      '  - clause: "1.2"\n    evidence:\n      - {kind: survey, title: 2024 满意度调查, date: 2024-06-01}\n      - {kind: record, title: 旧记录, date: 2024-06-01}\n';
    const r = await pack('', evidence, { std });
    assert.equal(r.score!.score, 100); // the survey counts: 28 months back is inside 36
    const stale = only(r, 'stale-evidence');
    assert.equal(stale.length, 1); // only the record, whose window is the pack's 12 months
    assert.match(stale[0].message, /before the assessment window starting 2025-10-15/);
  });

  describe('prerequisites and the application dossier (built-in standard)', () => {
    const builtin = async (evidence: string, date = TODAY) => {
      const fs = memFs({
        '/ws/p/evidence-pack.yaml': `pack: 1\nstandard: gbt27922-2011\nassessment: {date: ${date}}\n`,
        '/ws/p/a.evidence.yaml': evidence,
      });
      return engineFor(fs).checkPack('/ws/p');
    };
    it('entries name them like clauses; they are counted apart from the score and never change it', async () => {
      const without = await builtin('clauses: []\n');
      const r = await builtin(
        'clauses:\n  - clause: dossier.business-licence\n    evidence: [{kind: document, title: 营业执照副本}]\n' +
          '  - clause: prerequisite.certified-manager\n    evidence: [{kind: document, title: 管理师证书}]\n' +
          '  - clause: dossier.organisation-chart\n    evidence: []\n',
      );
      assert.equal(r.score!.score, without.score!.score);
      const json = scoreJson(r.score!) as { prerequisites: unknown; dossier: unknown };
      assert.deepEqual(json.prerequisites, { total: 5, provided: 1 });
      assert.deepEqual(json.dossier, { total: 14, provided: 1 }); // the chart has no evidence item
      assert.deepEqual(
        codes(r).filter((c) => c === 'unknown-clause'),
        [],
      );
      // One info per group (not one per item), counting and naming what is missing.
      const [prerequisites] = only(r, 'missing-prerequisite');
      assert.equal(only(r, 'missing-prerequisite').length, 1);
      assert.match(
        prerequisites.message,
        /^Prerequisites: 1 of 5 shown; not yet: Independent legal entity operating lawfully \(prerequisite\.legal-entity\), /,
      );
      assert.equal((prerequisites.data!.missing as string[]).length, 4);
      const dossier = only(r, 'missing-dossier-item');
      assert.equal(dossier.length, 1);
      assert.equal(dossier[0].severity, 'info');
      assert.match(
        dossier[0].message,
        /^Application dossier: 1 of 14 items ready; missing: .*Organisation chart \(dossier\.organisation-chart\).* — they do not change the score$/,
      );
      assert.doesNotMatch(dossier[0].message, /Business licence/);
      assert.equal((dossier[0].data!.missing as string[]).length, 13);
      // All provided: no info at all.
      const all = [...builtinStandard('gbt27922-2011')!.prerequisites, ...builtinStandard('gbt27922-2011')!.dossier]
        .map((i) => `  - clause: ${i.id}\n    evidence: [{kind: document, title: x}]\n`)
        .join('');
      const full = await builtin(`clauses:\n${all}`);
      assert.deepEqual([only(full, 'missing-prerequisite'), only(full, 'missing-dossier-item')], [[], []]);
    });
    it('an id that is not an item of the standard is unknown-clause', async () => {
      const r = await builtin('clauses:\n  - clause: dossier.nope\n    evidence: [{kind: document, title: x}]\n');
      assert.deepEqual(
        only(r, 'unknown-clause').map((d) => d.clause),
        ['dossier.nope'],
      );
    });
    it('warns when the earliest dated record is less than 3 months before the assessment (体系运行不足三个月)', async () => {
      const rec = (date: string) => `clauses:\n  - clause: "5.3.2"\n    evidence: [{kind: record, title: 投诉台账, date: ${date}}]\n`;
      const young = await builtin(rec('2026-08-01'));
      const [d] = only(young, 'short-operation');
      assert.equal(d.severity, 'warning');
      assert.match(d.message, /earliest dated record is 2026-08-01, less than 3 months before the assessment date 2026-10-15/);
      assert.deepEqual(only(await builtin(rec('2026-07-15')), 'short-operation'), []); // exactly 3 months
      assert.deepEqual(only(await builtin('clauses: []\n'), 'short-operation'), []); // nothing dated: nothing to say
    });
  });
});
