// What the views show of a scoring sheet and of the scheme: the panel and the HTML report name the
// sheet, show a refined row as a leaf with its evidence and the clause it refines, show an initial
// certification's cap, group special deductions by ground, and show eligibility and the dossier
// apart from the score. Built from real engine results (no hand-made Score).
import assert from 'node:assert/strict';
import { renderReport } from '../../src/present/formats/html';
import { scoreLine } from '../../src/present/formats/text';
import { buildPanelModel } from '../../src/extension/panel/panelModel';
import { engineFor, memFs, TODAY } from './support/memFs';

const SHEET = `standard: gbt27922-2011
body: 示例认证有限公司
source: 商品售后服务认证评分表
version: "2025-02"
rows:
  - {id: "5.3.2.1", parent: "5.3.2", title: {zh-CN: 投诉受理, en: Complaint intake}, points: 8}
  - {id: "5.3.2.2", parent: "5.3.2", title: {zh-CN: 投诉回访, en: Complaint follow-up}, points: 5}
`;
const MANIFEST = `pack: 1
standard: gbt27922-2011
scoring: ./sheet.yaml
assessment: {date: ${TODAY}, kind: initial}
special_deductions:
  - {id: SD-1, reason: 超时维修, ground: own-rules, rectified: true}
  - {id: SD-2, reason: 虚假宣传, ground: law, rectified: true}
special_bonus: {reason: 行业领先, basis: 全国售后服务评价第一名}
`;
const EVIDENCE = `clauses:
  - clause: "5.3.2.1"
    evidence:
      - {kind: document, title: 投诉处理程序}
      - {kind: record, title: 投诉台账, date: 2026-05-01}
  - clause: dossier.business-licence
    evidence: [{kind: document, title: 营业执照}]
`;

async function result() {
  const fs = memFs({ '/ws/p/evidence-pack.yaml': MANIFEST, '/ws/p/sheet.yaml': SHEET, '/ws/p/a.evidence.yaml': EVIDENCE });
  return engineFor(fs, { lang: 'zh-CN' }).checkPack('/ws/p');
}

describe('views of sheets and the scheme', () => {
  it('the panel names the sheet, shows a refined row with its evidence and the clause it refines', async () => {
    const m = buildPanelModel(await result(), { lang: 'zh-CN', packLabel: 'p', canPickPack: false });
    assert.equal(m.score!.sheetText, '分值来自评分表：示例认证有限公司 · 商品售后服务认证评分表 · 2025-02');
    const row = m.score!.clauses.find((c) => c.id === '5.3.2.1')!;
    assert.equal(row.title, '投诉受理');
    assert.equal(row.refines, '细分自 5.3.2 投诉处理');
    assert.equal(row.evidence, '有效 2/2');
    assert.equal(row.points, '8');
    assert.equal(
      m.score!.clauses.some((c) => c.id === '5.3.2'),
      false,
    );
    assert.equal(m.strings.evidenceColumn, '证据');
    // The sheet is not marked official: the provisional notice stays, and says why.
    assert.match(m.score!.provisionalText, /评分表未标明为正式分值/);
  });

  it('the panel shows the initial-certification cap, deductions grouped by ground, the bonus basis, and the dossier apart from the score', async () => {
    const m = buildPanelModel(await result(), { lang: 'en', packLabel: 'p', canPickPack: false });
    assert.equal(m.score!.capText, ''); // the score is far below the second band: nothing capped
    assert.deepEqual(m.score!.deductions.items, [
      'Breach of law · SD-2 · 虚假宣传',
      "Breach of the company's own service rules · SD-1 · 超时维修",
    ]);
    assert.deepEqual(m.score!.bonus.items, ['行业领先 (basis: 全国售后服务评价第一名)']);
    assert.equal(m.score!.scheme!.prerequisites, 'Prerequisites: 0 of 5 shown');
    assert.equal(m.score!.scheme!.dossier, 'Application dossier: 1 of 14 items');
    assert.equal(
      m.score!.scheme!.missing.some((i) => i.id === 'dossier.business-licence'),
      false,
    );
    assert.ok(
      m.score!.scheme!.missing.some(
        (i) => i.id === 'prerequisite.legal-entity' && i.title === 'Independent legal entity operating lawfully',
      ),
    );
  });

  it('the HTML report names the sheet, lists the row, groups deductions and shows eligibility and dossier', async () => {
    const html = renderReport([await result()], { baseDir: '/ws', lang: 'zh-CN', generatedAt: '2026-10-15' });
    assert.match(html, /data-testid="sheet">分值来自评分表：示例认证有限公司 · 商品售后服务认证评分表 · 2025-02/);
    assert.match(html, /<strong>5\.3\.2\.1<\/strong> 投诉受理/);
    assert.ok(html.indexOf('data-ground="law"') < html.indexOf('data-ground="own-rules"'));
    assert.match(html, /加分依据：全国售后服务评价第一名/);
    assert.match(html, /资格条件：已提供 0\/5 项/);
    assert.match(html, /申请材料：已备齐 1\/14 项/);
    assert.match(html, /data-item="dossier.business-licence" data-provided="true"/);
    assert.match(html, /<dt>评价类型<\/dt><dd>初次认证<\/dd>/);
  });

  it('the CLI score line marks provisional weights and names the sheet', async () => {
    assert.match(
      scoreLine(await result(), '/ws', 'en'),
      /\(provisional weights; scoring sheet: 示例认证有限公司 · 商品售后服务认证评分表 · 2025-02\)/,
    );
  });
});
