// What the user reads in the status bar, the score panel and the language features, built from
// engine results without VS Code.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clause, ClauseEntry, PackResult, Score, Standard } from '../../src/core/types';
import { statusText, statusTooltip } from '../../src/extension/status/statusText';
import { buildPanelModel } from '../../src/extension/panel/panelModel';
import { exactDecimal, formatDecimal as formatNumber } from '../../src/present/numbers';
import { relativePath } from '../../src/core/paths';
import { contentSecurityPolicy, makeNonce, panelHtml } from '../../src/extension/panel/panelHtml';
import { parsePanelState, parseWebviewMessage } from '../../src/extension/panel/webviewMessages';
import {
  clauseDocumentation,
  clauseIdAt,
  completionContext,
  kindAt,
  kindDocumentation,
  completions,
  entrySymbols,
  findClauseDefinition,
  findLinks,
  lensTitle,
  rankEntryFiles,
  schemeItemAt,
  schemeItemDocumentation,
} from '../../src/extension/language/languageLogic';
import { overlayFileSystem, packForPath } from '../../src/extension/service/overlayFs';
import type { FileSystem } from '../../src/core/host';

const r0 = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function clause(id: string, zh: string, en: string, points: number, extra: Partial<Clause> = {}): Clause {
  return {
    id,
    title: { 'zh-CN': zh, en },
    points,
    pointsText: String(points),
    requires: [],
    sampled: false,
    excludable: false,
    children: [],
    order: 0,
    ...extra,
  };
}

function makeStandard(): Standard {
  const l1 = clause('5.1.1.1', '售后服务部门', 'After-sales service department', 3, {
    requires: ['document'],
    guidance: { 'zh-CN': '组织机构图', en: 'The org chart' },
  });
  const l2 = clause('5.1.2.2', '售后服务管理师', 'Service managers', 5, { requires: ['document', 'record'] });
  const l3 = clause('5.2.4', '维修', 'Repair <b>', 2, { requires: ['record'], excludable: true, sampled: true });
  const s1 = clause('5.1', '售后服务体系', 'After-sales service system', 8, { children: [l1, l2] });
  const s2 = clause('5.2', '商品服务', 'Commodity services', 2, { children: [l3] });
  const all = [s1, l1, l2, s2, l3];
  all.forEach((c, i) => {
    c.order = i;
  });
  return {
    id: 'gbt27922-2011',
    title: { 'zh-CN': 'GB/T 27922-2011 商品售后服务评价体系', en: 'GB/T 27922-2011' },
    weights: 'provisional',
    kinds: [
      { id: 'document', label: { 'zh-CN': '文件', en: 'Document' }, dated: false },
      { id: 'record', label: { 'zh-CN': '记录', en: 'Record' }, dated: true },
    ],
    rating: {
      scale: 100,
      rounding: 1,
      fail: { id: 'fail', label: { 'zh-CN': '不合格', en: 'Fail' } },
      bands: [
        { id: 'qualified', min: 70, stars: 0, label: { 'zh-CN': '达标级', en: 'Qualified' } },
        { id: 'three-star', min: 80, stars: 3, label: { 'zh-CN': '三星级', en: 'Three-star' } },
        { id: 'four-star', min: 90, stars: 4, label: { 'zh-CN': '四星级', en: 'Four-star' } },
      ],
      specialDeduction: { points: 1, failAt: 5 },
      specialBonus: { points: 1, max: 1 },
    },
    clauses: [s1, s2],
    byId: new Map(all.map((c) => [c.id, c])),
    leaves: [l1, l2, l3],
    prerequisites: [],
    dossier: [],
  };
}

function makeScore(over: Partial<Score> = {}): Score {
  return {
    pack: 'demo',
    standard: {
      id: 'gbt27922-2011',
      weights: 'provisional',
      title: { 'zh-CN': 'GB/T 27922-2011 商品售后服务评价体系', en: 'GB/T 27922-2011' },
    },
    score: 87.5,
    exactScore: '87.5',
    base: 87.5,
    rating: { id: 'three-star', stars: 3, label: '三星级' },
    earned: 7,
    applicable: 8,
    specialDeductions: 0,
    specialBonus: 0,
    sections: [{ id: '5.1', earned: 7, applicable: 8 }],
    clauses: [
      { id: '5.1.1.1', state: 'met', points: 3, earned: 3, missingKinds: [], evidenceCount: 1, countingEvidence: 1, reason: 'ok' },
      {
        id: '5.1.2.2',
        state: 'incomplete',
        points: 5,
        earned: 0,
        missingKinds: ['record'],
        evidenceCount: 1,
        countingEvidence: 1,
        reason: '缺少',
      },
      { id: '5.2.4', state: 'excluded', points: 2, earned: 0, missingKinds: [], evidenceCount: 0, countingEvidence: 0, reason: '删减' },
    ],
    next: {
      id: 'four-star',
      min: 90,
      needed: 2.5,
      label: '四星级',
      stars: 4,
      suggestions: [{ clause: '5.1.2.2', gain: 62.5, missingKinds: ['record'], state: 'incomplete' }],
    },
    diagnostics: { error: 0, warning: 1, info: 0 },
    prerequisites: { total: 0, provided: 0, missing: [] },
    dossier: { total: 0, provided: 0, missing: [] },
    ...over,
  };
}

const entry = (c: string, file: string, line: number): ClauseEntry => ({
  clause: c,
  file,
  idRange: { start: { line, character: 12 }, end: { line, character: 12 + c.length + 2 } },
  range: { start: { line, character: 4 }, end: { line: line + 3, character: 0 } },
  evidence: [{ kind: 'document', kindId: 'document', range: r0, counts: true }],
});

function makeResult(score: Score | undefined = makeScore()): PackResult {
  return {
    root: '/ws/demo',
    standard: makeStandard(),
    score,
    diagnostics: [],
    files: ['/ws/demo/a.evidence.md', '/ws/demo/5.1.evidence.yaml', '/ws/demo/5.2.evidence.yaml'],
    entries: [
      entry('5.1.1.1', '/ws/demo/5.1.evidence.yaml', 2),
      entry('5.1.2.2', '/ws/demo/5.1.evidence.yaml', 8),
      entry('5.2.4', '/ws/demo/5.2.evidence.yaml', 2),
    ],
    manifest: {
      file: '/ws/demo/evidence-pack.yaml',
      root: '/ws/demo',
      standardRef: 'gbt27922-2011',
      standardRange: r0,
      assessmentDate: '2026-10-15',
      windowMonths: 12,
      outstanding: false,
      evidenceGlobs: [],
      specialDeductions: [{ id: 'SD-1', clause: '5.2.5', reason: '<img src=x onerror=alert(1)>', rectified: true, range: r0 }],
      specialBonuses: [],
    },
  };
}

describe('extension status bar text', () => {
  it('shows stars, the score with the standard rounding and the band, with the provisional mark', () => {
    assert.equal(statusText(makeResult(), 'zh-CN'), '★★★ 87.5 三星级 · 暂定');
    assert.equal(statusText(makeResult(), 'en'), '★★★ 87.5 Three-star · provisional');
  });

  it('shows the target band it holds the pack to, and says when target: names no band', () => {
    const withTarget = { ...makeResult(), target: makeStandard().rating.bands.find((b) => b.id === 'four-star') };
    withTarget.manifest = { ...withTarget.manifest!, target: '四星' };
    assert.equal(statusText(withTarget, 'zh-CN'), '★★★ 87.5 三星级 · 目标 四星级 · 暂定');
    assert.equal(statusText(withTarget, 'en'), '★★★ 87.5 Three-star · target Four-star · provisional');
    const typo = makeResult();
    typo.manifest = { ...typo.manifest!, target: '3star' };
    assert.equal(statusText(typo, 'zh-CN'), '★★★ 87.5 三星级 · $(warning) 目标等级无效 · 暂定');
  });

  it('has no stars part at zero stars; the provisional mark goes only with official weights, a scoring sheet alone keeps it', () => {
    const score = makeScore({ score: 75, rating: { id: 'qualified', stars: 0, label: '达标级' } });
    score.standard.scoringSource = '认证机构评分表';
    assert.equal(statusText(makeResult(score), 'zh-CN'), '75.0 达标级 · 暂定');
    score.standard.weights = 'official'; // an official sheet that gives every leaf its points
    assert.equal(statusText(makeResult(score), 'zh-CN'), '75.0 达标级');
    const official = makeScore({ score: 90, rating: { id: 'four-star', stars: 4, label: 'Four-star' } });
    official.standard.weights = 'official';
    assert.equal(statusText(makeResult(official), 'zh-CN'), '★★★★ 90.0 四星级');
  });

  it('marks a failing pack with ✗ and the fail label', () => {
    const score = makeScore({ score: 62, rating: { id: 'fail', stars: 0, label: '不合格' } });
    score.standard.weights = 'official';
    assert.equal(statusText(makeResult(score), 'zh-CN'), '✗ 62.0 不合格');
    assert.equal(statusText(makeResult(score), 'en'), '✗ 62.0 Fail');
  });

  it('explains in the tooltip which pack, the mark and the provisional weights', () => {
    const tip = statusTooltip(makeResult(), 'ws/demo', 'en');
    assert.match(tip, /ws\/demo/);
    assert.match(tip, /3 of 5 stars/);
    assert.match(tip, /provisional/);
  });
});

describe('extension score panel model', () => {
  it('lists every leaf with its state, points, earned and missing kinds in the display language', () => {
    const m = buildPanelModel(makeResult(), { lang: 'zh-CN', packLabel: 'demo', canPickPack: false });
    const s = m.score!;
    assert.equal(s.total, '87.5');
    assert.equal(s.starsText, '★★★☆☆');
    assert.equal(s.starsLabel, '3 星');
    assert.equal(s.band, '三星级');
    assert.equal(s.provisional, true);
    assert.deepEqual(
      s.clauses.map((c) => [c.id, c.state, c.stateLabel, c.points, c.earned, c.missingKinds.join()]),
      [
        ['5.1.1.1', 'met', '符合', '3', '3', ''],
        ['5.1.2.2', 'incomplete', '缺少证据', '5', '0', '记录'],
        ['5.2.4', 'excluded', '删减', '2', '0', ''],
      ],
    );
    assert.equal(s.sections[0].title, '售后服务体系');
    assert.equal(s.sections[0].percent, 87.5);
  });

  it('gives the next band, the points needed and suggestions by gain', () => {
    const m = buildPanelModel(makeResult(), { lang: 'en', packLabel: 'demo', canPickPack: true });
    assert.equal(m.score!.next!.band, 'Four-star');
    assert.equal(m.score!.next!.needed, '2.5');
    assert.equal(m.score!.next!.neededText, '2.5 more points needed');
    assert.deepEqual(
      m.score!.next!.suggestions.map((x) => [x.clause, x.gain, x.missing]),
      [['5.1.2.2', '+62.5', 'Record']],
    );
    assert.equal(m.canPickPack, true);
    const top = buildPanelModel(makeResult(makeScore({ next: null })), { lang: 'en', packLabel: 'demo', canPickPack: false });
    assert.equal(top.score!.next, undefined);
  });

  it('shows the formula with the pack numbers', () => {
    const m = buildPanelModel(makeResult(), { lang: 'en', packLabel: 'demo', canPickPack: false });
    assert.equal(m.score!.why[1], '7 / 8 × 100 − 0 × 1 + 0 × 1 = 87.5 → 87.5');
    assert.ok(m.score!.why.some((l) => /Excluded clauses \(1\)/.test(l)));
  });

  it('keeps hostile workspace text as plain strings (the webview inserts it with textContent)', () => {
    const m = buildPanelModel(makeResult(), { lang: 'en', packLabel: 'demo', canPickPack: false });
    assert.equal(m.score!.deductions.items[0], 'SD-1 · 5.2.5 · <img src=x onerror=alert(1)>');
    assert.equal(m.score!.clauses[2].title, 'Repair <b>');
  });

  it('says why a pack cannot be scored', () => {
    const result = makeResult();
    delete result.score;
    const m = buildPanelModel(result, { lang: 'zh-CN', packLabel: 'demo', canPickPack: false });
    assert.equal(m.score, undefined);
    assert.match(m.problem!, /无法评分/);
  });

  it('formats numbers without float noise', () => {
    assert.equal(formatNumber(0.1 + 0.2), '0.3');
    assert.equal(formatNumber(40), '40');
    assert.equal(formatNumber(2.456, 2), '2.46');
    assert.equal(exactDecimal('1319/16'), '82.4375');
    assert.equal(exactDecimal('250/3'), '83.333333…');
    assert.equal(exactDecimal('87.5'), '87.5');
    assert.equal(exactDecimal('-1/2'), '-0.5');
  });
});

describe('extension score panel html and messages', () => {
  it('uses a strict CSP: only the nonce script, styles from the webview source, no inline or remote content', () => {
    const nonce = makeNonce((n) => new Uint8Array(n).map((_, i) => i * 7));
    assert.match(nonce, /^[A-Za-z0-9]{32}$/);
    const csp = contentSecurityPolicy('vscode-webview://abc', nonce);
    assert.ok(csp.startsWith("default-src 'none'"));
    assert.ok(csp.includes(`script-src 'nonce-${nonce}'`));
    assert.ok(!csp.includes('unsafe'));
    assert.ok(!csp.includes('data:'), 'no data: URLs');
    const html = panelHtml({
      cspSource: 'vscode-webview://abc',
      nonce,
      scriptUri: 'https://x/webview.js?"><script>',
      styleUri: 's.css',
      lang: 'zh-CN',
      title: '<t>',
      host: 'web',
    });
    assert.ok(html.includes(`<script nonce="${nonce}" src="https://x/webview.js?&quot;&gt;&lt;script&gt;"></script>`));
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.ok(html.includes('<title>&lt;t&gt;</title>'));
  });

  it('accepts only well-formed messages from the webview', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'reveal', clause: '5.1.2.2' }), { type: 'reveal', clause: '5.1.2.2' });
    assert.deepEqual(parseWebviewMessage({ type: 'ready', extra: 1 }), { type: 'ready' });
    for (const bad of [
      null,
      'reveal',
      [],
      { type: 'reveal' },
      { type: 'reveal', clause: 5 },
      { type: 'reveal', clause: '../../etc/passwd' },
      { type: 'reveal', clause: 'x'.repeat(100) },
      { type: 'openFile', path: '/etc/passwd' },
      { type: '__proto__' },
    ]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
    assert.deepEqual(parsePanelState({ pack: '/ws/demo' }, new Set(['/ws/demo'])), { pack: '/ws/demo' });
    assert.deepEqual(parsePanelState({ pack: '/elsewhere' }, new Set(['/ws/demo'])), {});
  });
});

describe('extension language features logic', () => {
  const standard = makeStandard();

  it('finds what the cursor completes after clause:, kind:, status:, file: and in Markdown', () => {
    assert.deepEqual(completionContext('  - clause: "5.1', false), { key: 'clause', start: 13, prefix: '5.1', quoted: true });
    assert.deepEqual(completionContext('  - clause: ', false), { key: 'clause', start: 12, prefix: '', quoted: false });
    assert.equal(completionContext('      - kind: rec', false)?.key, 'kind');
    assert.equal(completionContext('    status: ', false)?.key, 'status');
    assert.equal(completionContext('        file: attachments/', false)?.prefix, 'attachments/');
    assert.equal(completionContext('  - {id: SD-1, clause: "5.', false)?.key, 'clause');
    assert.equal(completionContext('    title: 5.1', false), undefined);
    assert.equal(completionContext('special_bonus: {reason: x, evidence: att', false)?.key, 'file');
    assert.equal(completionContext('    evidence:', false), undefined, 'a list key, not a file');
    assert.equal(completionContext('target: ', false)?.key, 'target');
    assert.equal(completionContext('  target: ', false), undefined);
    assert.deepEqual(completionContext('## 5.3', true), { key: 'clause', start: 3, prefix: '5.3', quoted: false, markdown: 'heading' });
    assert.equal(completionContext('- 记', true)?.key, 'kind');
    assert.equal(completionContext('- [ ] todo', true), undefined);
  });

  it('completes leaf clause ids with titles, quoted unless the user typed a quote', () => {
    const items = completions({ key: 'clause', start: 12, prefix: '', quoted: false }, standard, 'zh-CN');
    assert.deepEqual(
      items.map((i) => i.label),
      ['5.1.1.1', '5.1.2.2', '5.2.4'],
    );
    assert.equal(items[1].insertText, '"5.1.2.2"');
    assert.equal(items[1].detail, '售后服务管理师');
    assert.equal(completions({ key: 'clause', start: 13, prefix: '', quoted: true }, standard, 'en')[0].insertText, '5.1.1.1');
  });

  it('completes prerequisites and dossier items after the leaves, with their titles and guidance', () => {
    const withScheme = {
      ...standard,
      dossier: [
        {
          id: 'dossier.business-licence',
          group: 'dossier' as const,
          title: { 'zh-CN': '营业执照', en: 'Business licence' },
          guidance: { 'zh-CN': '营业执照副本', en: 'A copy of the licence' },
        },
      ],
    };
    const items = completions({ key: 'clause', start: 12, prefix: '', quoted: false }, withScheme, 'zh-CN');
    assert.deepEqual(
      items.map((i) => i.label),
      ['5.1.1.1', '5.1.2.2', '5.2.4', 'dossier.business-licence'],
    );
    assert.deepEqual(
      [items[3].insertText, items[3].detail, items[3].documentation],
      ['dossier.business-licence', '营业执照', '营业执照副本'],
    );
    assert.ok(items[3].sortText! > items[2].sortText!);
  });

  it('completes kinds by id and by their zh-CN / en labels, inserting the id', () => {
    const items = completions({ key: 'kind', start: 14, prefix: '', quoted: false }, standard, 'zh-CN');
    const byLabel = items.find((i) => i.label === '记录')!;
    assert.equal(byLabel.insertText, 'record');
    assert.ok(items.some((i) => i.label === 'Document' && i.insertText === 'document'));
    assert.equal(
      completions({ key: 'kind', start: 2, prefix: '', quoted: false, markdown: 'listItem' }, standard, 'en')[0].insertText,
      'document: ',
    );
    const bands = completions({ key: 'target', start: 8, prefix: '', quoted: false }, standard, 'zh-CN');
    assert.deepEqual(
      bands.map((b) => [b.label, b.detail]),
      [
        ['达标级', '达标级 / Qualified · ≥ 70'],
        ['qualified', '达标级 / Qualified · ≥ 70'],
        ['三星级', '三星级 / Three-star · ≥ 80 · ★★★'],
        ['three-star', '三星级 / Three-star · ≥ 80 · ★★★'],
        ['四星级', '四星级 / Four-star · ≥ 90 · ★★★★'],
        ['four-star', '四星级 / Four-star · ≥ 90 · ★★★★'],
      ],
    );
  });

  it("completes statuses by their label in the user's language first, then the other language and the id, as typed", () => {
    const zh = completions({ key: 'status', start: 0, prefix: '', quoted: false }, standard, 'zh-CN');
    assert.deepEqual(
      zh.map((i) => i.label),
      [
        '符合',
        'Conforming',
        'conforming',
        '部分符合',
        'Partially conforming',
        'partial',
        '不符合',
        'Non-conforming',
        'nonconforming',
        '删减',
        '不适用',
        'Excluded',
        'excluded',
      ],
    );
    assert.ok(zh.every((i) => i.insertText === i.label));
    assert.deepEqual(
      completions({ key: 'status', start: 0, prefix: '', quoted: false }, standard, 'en')
        .slice(0, 3)
        .map((i) => i.label),
      ['Conforming', '符合', 'conforming'],
    );
  });

  it('hovers a clause id with both titles, points, required kinds, guidance and the current state', () => {
    const md = clauseDocumentation(standard, '5.1.1.1', makeScore().clauses[0], 'zh-CN').replace(/\\(.)/g, '$1');
    for (const text of [
      '售后服务部门',
      'After-sales service department',
      '分值：3',
      'document (文件 / Document)',
      '组织机构图',
      'The org chart',
      '当前状态：符合',
    ]) {
      assert.ok(md.includes(text), `${text} in ${md}`);
    }
    assert.ok(clauseDocumentation(standard, '5.2.4', undefined, 'en').includes('Repair \\<b\\>'), 'titles are escaped');
  });

  it('hovers a prerequisite or dossier id with both titles, what it is, whether the pack provides it, and guidance', () => {
    const withScheme: Standard = {
      ...standard,
      prerequisites: [
        {
          id: 'prerequisite.certified-manager',
          group: 'prerequisite',
          title: { 'zh-CN': '售后服务管理师', en: 'Certified manager' },
          guidance: { 'zh-CN': '至少一名持证*管理师*', en: 'At least one certified manager' },
        },
      ],
      dossier: [{ id: 'dossier.business-licence', group: 'dossier', title: { 'zh-CN': '营业执照', en: 'Business licence' } }],
    };
    const line = '  - clause: dossier.business-licence  # 营业执照';
    assert.deepEqual(schemeItemAt(line, 20), { id: 'dossier.business-licence', start: 12, end: 36 });
    assert.equal(schemeItemAt(line, 5), undefined);
    assert.equal(schemeItemAt('  file: attachments/dossier.business-licence.pdf', 30), undefined, 'not inside a path');
    const progress = {
      prerequisites: { total: 1, provided: 0, missing: ['prerequisite.certified-manager'] },
      dossier: { total: 1, provided: 1, missing: [] },
    };
    const zh = schemeItemDocumentation(withScheme, 'prerequisite.certified-manager', progress, 'zh-CN')!;
    assert.equal(
      zh,
      [
        '**prerequisite.certified-manager 售后服务管理师**',
        'prerequisite.certified-manager Certified manager',
        '',
        '资格条件：受理申请前审查，不计分',
        '',
        '本证据包尚未提供',
        '',
        '---',
        '',
        '指引：',
        '',
        '至少一名持证\\*管理师\\*',
        '',
        'At least one certified manager',
      ].join('\n'),
    );
    const en = schemeItemDocumentation(withScheme, 'dossier.business-licence', progress, 'en')!;
    assert.match(
      en,
      /^\*\*dossier\.business-licence Business licence\*\*\ndossier\.business-licence 营业执照\n\nApplication dossier item \(申请材料\): handed in with the application; not scored\n\nProvided in this pack/,
    );
    assert.equal(schemeItemDocumentation(withScheme, 'dossier.no-such-item', progress, 'en'), undefined);
  });

  it('hovers an evidence kind written as id or label', () => {
    assert.deepEqual(kindAt('      - kind: record', 16), { value: 'record', start: 14, end: 20 });
    assert.deepEqual(kindAt('- 记录：[台账](a.csv)', 3), { value: '记录', start: 2, end: 4 });
    assert.equal(kindAt('        title: record', 17), undefined);
    const md = kindDocumentation(standard, '记录', 'en')!;
    assert.ok(md.startsWith('**record** — Record / 记录'), md);
    assert.match(md, /Dated kind/);
    assert.match(md, /Required by: 5\.1\.2\.2, 5\.2\.4/);
    assert.equal(kindDocumentation(standard, 'recrod', 'en'), undefined);
  });

  it('finds the clause id under the cursor but not inside dates or paths', () => {
    assert.deepEqual(clauseIdAt('  - clause: "5.1.2.2"', 15), { id: '5.1.2.2', start: 13, end: 20 });
    assert.equal(clauseIdAt('    date: 2026-09-10', 13), undefined);
    assert.equal(clauseIdAt('    file: a/5.1.pdf', 13), undefined);
  });

  it('finds a clause definition in the shipped standard file', () => {
    const text = readFileSync(join(__dirname, '../../schemas/standards/gbt27922-2011.yaml'), 'utf8');
    const r = findClauseDefinition(text, '5.1.2.2')!;
    const line = text.split('\n')[r.start.line];
    assert.equal(line.slice(r.start.character, r.end.character), '5.1.2.2');
    assert.match(line, /id:/);
    const r2 = findClauseDefinition(text, '5.1.2')!;
    assert.equal(text.split('\n')[r2.start.line].slice(r2.start.character, r2.end.character), '5.1.2');
    assert.equal(findClauseDefinition(text, '9.9'), undefined);
    assert.deepEqual(findClauseDefinition('  - {id: "1.1", title: x}', '1.1'), {
      start: { line: 0, character: 10 },
      end: { line: 0, character: 13 },
    });
  });

  it('links file: values and relative Markdown links, never URLs or absolute paths', () => {
    const yaml = [
      '        file: attachments/org-chart.md',
      '        file: "attachments/a b.pdf"',
      '        url: https://x',
      '        file: /etc/passwd',
      '    rectification: attachments/fix.md # done',
    ].join('\n');
    assert.deepEqual(
      findLinks(yaml, false).map((l) => [l.target, l.range.start.line, l.range.start.character]),
      [
        ['attachments/org-chart.md', 0, 14],
        ['attachments/a b.pdf', 1, 15],
        ['attachments/fix.md', 4, 19],
      ],
    );
    const md = '- 记录：[台账](attachments/complaints.csv) 2026-09-30 and [web](https://example.com) [x](#top)';
    assert.deepEqual(
      findLinks(md, true).map((l) => l.target),
      ['attachments/complaints.csv'],
    );
  });

  it('labels code lenses and outline symbols per clause entry', () => {
    const result = makeResult();
    const scores = new Map(result.score!.clauses.map((c) => [c.id, c]));
    assert.equal(lensTitle(result.entries[1], scores.get('5.1.2.2'), 'en'), '0 / 5 · 1 evidence · Missing evidence');
    assert.equal(lensTitle(result.entries[2], scores.get('5.2.4'), 'zh-CN'), '已删减 · 1 项证据');
    const symbols = entrySymbols(result.entries.slice(0, 2), result.standard, scores, 'zh-CN');
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail]),
      [
        ['5.1.1.1 售后服务部门', '符合'],
        ['5.1.2.2 售后服务管理师', '缺少证据'],
      ],
    );
  });

  it('adds a missing clause to the file that holds its section, YAML first', () => {
    const result = makeResult();
    assert.equal(rankEntryFiles(result.files, result.entries, '5.2.5')[0], '/ws/demo/5.2.evidence.yaml');
    assert.equal(rankEntryFiles(result.files, result.entries, '5.1.3.1')[0], '/ws/demo/5.1.evidence.yaml');
    assert.equal(rankEntryFiles(result.files, [], '5.3.2')[0], '/ws/demo/5.1.evidence.yaml');
  });
});

describe('extension host file system', () => {
  const disk: FileSystem = {
    readFile: async (p) => {
      if (p === '/ws/a.yaml') return new TextEncoder().encode('disk');
      throw new Error('ENOENT');
    },
    stat: async (p) => (p === '/ws/a.yaml' ? { isFile: true, isDirectory: false, isSymbolicLink: false, size: 4 } : undefined),
    readDir: async () => [],
    realpath: async (p) => (p === '/ws/a.yaml' ? p : undefined),
  };

  it('serves unsaved editor text before the disk', async () => {
    const fs = overlayFileSystem(disk, (p) => (p === '/ws/a.yaml' ? '未保存' : undefined));
    assert.equal(new TextDecoder().decode(await fs.readFile('/ws/a.yaml')), '未保存');
    assert.equal((await fs.stat('/ws/a.yaml'))?.size, 9, 'size in UTF-8 bytes of the buffer');
    const plain = overlayFileSystem(disk, () => undefined);
    assert.equal(new TextDecoder().decode(await plain.readFile('/ws/a.yaml')), 'disk');
    assert.equal(await plain.stat('/ws/b.yaml'), undefined);
  });

  it('maps a path to its nearest pack and makes relative paths', () => {
    const roots = ['/ws/a', '/ws/a/nested', '/ws/ab'];
    assert.equal(packForPath(roots, '/ws/a/nested/x.evidence.yaml'), '/ws/a/nested');
    assert.equal(packForPath(roots, '/ws/a/x.evidence.yaml'), '/ws/a');
    assert.equal(packForPath(roots, '/ws/abc/x'), undefined);
    assert.equal(relativePath('/ws/a/sub', '/ws/a/attachments/x.pdf'), '../attachments/x.pdf');
    assert.equal(relativePath('/ws/a', '/ws/a'), '.');
  });
});
