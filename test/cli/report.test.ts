// The HTML report as the client reads it: everything from the cover to the last diagnostic, in either
// language, escaped, self-contained — and opened in a real Chromium, screenshotted and printed to A4.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderReport } from '../../src/present/formats/html';
import type { Lang, PackResult } from '../../src/core/types';
import { engineFor, memFs, TEST_KINDS, testRating } from '../unit/support/memFs';
import { DEMO, EVIDENCE_DIR, EVIDENCE_NAME, HOSTILE_ORG, REPO, SCRIPT_TITLE, checkDisk, checkHostile, runCli } from './formats.test';

const GENERATED = '2026-10-16T08:30:00.000Z';

/** A pack with only ASCII data, so that any CJK text in its English report can only be a fixed string. */
async function checkPlain(lang: Lang, evidenceExtra = ''): Promise<PackResult> {
  const std = `
id: plain-std
title: {zh-CN: 简单标准, en: Plain standard}
weights: official
${TEST_KINDS}
${testRating({ qualified: 50, 'three-star': 80, 'five-star': 95 })}
clauses:
  - id: "A"
    title: {zh-CN: 甲部分, en: Part A}
    children:
      - {id: "A.1", title: {zh-CN: 甲一, en: A one}, points: 30, requires: [document]}
      - {id: "A.2", title: {zh-CN: 甲二, en: A two}, points: 20, requires: [record], sampled: true}
  - id: "B"
    title: {zh-CN: 乙部分, en: Part B}
    children:
      - {id: "B.1", title: {zh-CN: 乙一, en: B one}, points: 30, requires: [document], excludable: true}
      - {id: "B.2", title: {zh-CN: 乙二, en: B two}, points: 20, requires: [document, record]}
`;
  const files = {
    '/ws/p/evidence-pack.yaml': `pack: 1
standard: ./std.yaml
organization: {name: Plain Appliances Ltd, type: sales-service}
assessment: {date: 2026-10-15, window_months: 12}
target: five-star
special_deductions:
  - {id: SD-1, clause: "A.1", reason: "Charged a call-out fee in warranty", rectified: false}
special_bonus: {reason: "Industry award 2026", evidence: docs/award.pdf}
`,
    '/ws/p/std.yaml': std,
    '/ws/p/docs/award.pdf': '%PDF',
    '/ws/p/docs/policy.pdf': '%PDF',
    '/ws/p/all.evidence.yaml': `clauses:
  - clause: "A.1"
    evidence:
      - {kind: document, title: Service policy, file: docs/policy.pdf}
  - clause: "A.2"
    status: partial
    samples: {size: 10, nonconforming: 3}
    notes: Three work orders lacked a signature
    evidence:
      - {kind: record, title: Work orders Q3, date: 2026-09-30}
  - clause: "B.2"
    evidence:
      - {kind: document, title: Complaint procedure, file: docs/missing.pdf}
      - {kind: record, title: Complaint log, date: 2024-01-05}
${evidenceExtra}`,
  };
  return engineFor(memFs(files), { lang }).checkPack('/ws/p');
}

const CJK = /[\u3000-\u303F\u3400-\u9FFF\uFF00-\uFFEF]/;

describe('report', () => {
  it('fills every part for the demo pack: cover, a chart per section, all clauses with evidence, deductions, gaps, diagnostics', async () => {
    const [result] = await checkDisk(DEMO, 'zh-CN');
    const score = result.score!;
    const html = renderReport([result], { baseDir: DEMO, lang: 'zh-CN', generatedAt: GENERATED });
    // Cover
    assert.ok(html.includes('<html lang="zh-CN">'));
    for (const text of [
      '证据包评价报告',
      '华澜电器有限公司',
      '生产型企业',
      'GB/T 27922-2011 商品售后服务评价体系',
      '2026-10-15',
      '四星级',
      `>${score.score.toFixed(1)}<`,
      `>${'★'.repeat(score.rating.stars)}${'☆'.repeat(5 - score.rating.stars)}<`,
      `>${score.rating.label}<`,
      '暂定分值',
      '2026-10-16 08:30 UTC',
    ]) {
      assert.ok(html.includes(text), `the cover shows ${text}`);
    }
    // A chart per section, plus the overview on the cover.
    assert.equal((html.match(/<svg /g) ?? []).length, score.sections.length + 1);
    for (const s of score.sections) assert.ok(html.includes(`data-section="${s.id}"`));
    // Every leaf of the standard, with the engine's state, in the standard's order.
    const rows = [...html.matchAll(/<tr class="clause" data-clause="([^"]+)" data-state="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(
      rows,
      score.clauses.map((c) => [c.id, c.state]),
    );
    // Evidence lists: each item's title, the file relative to the pack, and whether it counts.
    assert.ok(html.includes('2026 年第三季度维修工单（抽样 30 单）'));
    assert.ok(html.includes('attachments/repair-orders-2026Q3.xlsx'));
    assert.ok(html.includes('✗ 不计入'));
    // Special deductions and bonus.
    assert.ok(html.includes('SD-1') && html.includes('已整改') && html.includes('无特别加分项。'));
    // Gaps to the next band, ranked by gain.
    const gaps = html.slice(html.indexOf('class="gaps"'));
    const ranked = [...gaps.matchAll(/<tr data-clause="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(
      ranked,
      score.next!.suggestions.map((s) => s.clause),
    );
    const gains = score.next!.suggestions.map((s) => s.gain);
    assert.deepEqual(
      gains,
      [...gains].sort((a, b) => b - a),
    );
    assert.ok(html.includes(`再得 ${score.next!.needed.toFixed(1)} 分可达到四星级`));
    // Every diagnostic, located relative to the checked folder.
    assert.equal((html.match(/<tr data-code="/g) ?? []).length, result.diagnostics.length);
    for (const d of result.diagnostics) {
      const where = `${path.relative(DEMO, d.file).replace(/\\/g, '/')}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      assert.ok(html.includes(where), where);
    }
  });

  it('is self-contained and printable: no script, no external resource, A4 pages that keep a clause together', async () => {
    const results = await checkDisk(`${REPO}/examples`, 'en');
    const html = renderReport(results, { baseDir: `${REPO}/examples`, lang: 'en', generatedAt: GENERATED });
    assert.doesNotMatch(html, /https?:/i);
    assert.doesNotMatch(html, /<(script|link|img|iframe|object|embed)\b/i);
    assert.doesNotMatch(html, /\s(src|href)=|url\(|@import/i);
    assert.match(html, /@page \{ size: A4; margin: 15mm \}/);
    assert.match(html, /tr, \.clause[^{]*\{ break-inside: avoid \}/);
    assert.match(html, /\.part \+ \.part, \.part \+ \.pack, \.pack \+ \.pack \{ break-before: page \}/);
    // Three packs: a summary first, then each pack's parts.
    assert.ok(html.includes('Packs in this report'));
    assert.equal((html.match(/<article class="pack"/g) ?? []).length, 3);
    // The custom standard has official weights: the provisional notice is on the demo pack's cover only.
    const articles = html.split('<article class="pack" ').slice(1);
    const custom = articles.find((a) => a.startsWith('data-pack="custom-standard"'))!;
    const demo = articles.find((a) => a.startsWith('data-pack="demo-pack"'))!;
    assert.ok(!custom.includes('data-testid="provisional"'));
    assert.ok(demo.includes('data-testid="provisional"'));
  });

  it('is what `evidence-pack report DIR --out FILE.html` writes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-pack-report-cli-'));
    try {
      const out = path.join(dir, 'report.html');
      const run = await runCli(['report', 'examples/demo-pack', '--out', out, '--lang', 'en']);
      assert.equal(run.code, 0, run.err);
      const html = fs.readFileSync(out, 'utf8');
      const [result] = await checkDisk(DEMO, 'en');
      assert.ok(html.includes(`data-testid="score">${result.score!.score.toFixed(1)}<`));
      assert.ok(html.includes('Evidence Pack assessment report — 华澜电器有限公司'));
      assert.match(html, /Generated on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC by evidence-pack/);
      assert.equal((await runCli(['report', 'examples/demo-pack'])).code, 2, '--out is required');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows an evidence URL as text, never as a link or a resource to fetch', async () => {
    const result = await checkPlain(
      'en',
      `  - clause: "B.1"\n    evidence:\n      - {kind: document, title: Online policy, url: "https://example.com/policy?a=1&b=2"}\n`,
    );
    const html = renderReport([result], { baseDir: '/ws', lang: 'en', generatedAt: GENERATED });
    assert.deepEqual(html.match(/https?:[^<\s]*/g), ['https://example.com/policy?a=1&amp;b=2']);
    assert.doesNotMatch(html, /\s(src|href)=/i);
  });

  it('escapes every text from the workspace: a title <script>alert(1)</script> stays text', async () => {
    const { result } = await checkHostile('en');
    const html = renderReport([result], { baseDir: '/ws', lang: 'en', generatedAt: GENERATED });
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<img/i);
    assert.doesNotMatch(html, /<b>|<i>|<x>|<c>/);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(html.includes('ACME &lt;Corp&gt; &amp; &quot;Söhne&quot;'));
    assert.ok(html.includes(`${EVIDENCE_DIR}/${EVIDENCE_NAME}:`), 'diagnostics are located relative to the base folder');
    assert.ok(html.includes('>Qualified<'));
  });

  it('marks a failing pack on its cover with ✗ and the fail label', async () => {
    const result = await checkPlain('en');
    assert.equal(result.score!.rating.id, 'fail');
    const html = renderReport([result], { baseDir: '/ws', lang: 'en', generatedAt: GENERATED });
    assert.match(html, /<div class="result fail">/);
    assert.match(html, /data-testid="stars"[^>]*>✗</);
    assert.ok(html.includes('data-testid="band">Fail<'));
  });

  it('still reports a pack that cannot be scored: the cover says so and the diagnostics say why', async () => {
    const result = await engineFor(
      memFs({ '/ws/bad/evidence-pack.yaml': 'pack: 1\nstandard: no-such-standard\norganization: {name: Broken Ltd}\n' }),
      { lang: 'zh-CN' },
    ).checkPack('/ws/bad');
    assert.equal(result.score, undefined);
    const html = renderReport([result], { baseDir: '/ws', lang: 'zh-CN', generatedAt: GENERATED });
    assert.ok(html.includes('data-testid="band">无法评分<'));
    assert.ok(html.includes('Broken Ltd'));
    assert.ok(html.includes('no-such-standard'));
    assert.equal((html.match(/<tr data-code="/g) ?? []).length, result.diagnostics.length);
    assert.ok(!html.includes('class="part clauses-part"'), 'no clause table without a standard');
  });

  it('has every fixed string in both languages', async () => {
    const en = renderReport([await checkPlain('en')], { baseDir: '/ws', lang: 'en', generatedAt: GENERATED });
    const zh = renderReport([await checkPlain('zh-CN')], { baseDir: '/ws', lang: 'zh-CN', generatedAt: GENERATED });
    const cjk = CJK.exec(en);
    assert.equal(cjk, null, `English report with Chinese text near: ${cjk ? en.slice(cjk.index - 60, cjk.index + 20) : ''}`);
    for (const text of [
      'Evidence Pack assessment report',
      'Sales and service enterprise',
      'Clauses and evidence',
      'Not rectified',
      'Special bonus (+1, at most 1)',
      'Industry award 2026',
      'Gaps to the next rating',
      'Diagnostics',
      'How the score is computed',
      'samples: 3 of 10 non-conforming',
      'Notes: Three work orders lacked a signature',
    ]) {
      assert.ok(en.includes(text), text);
    }
    for (const text of [
      '证据包评价报告',
      '销售服务型企业',
      '条款与证据',
      '未整改',
      '特别加分项（+1 分，最多 1 项）',
      '距下一等级的差距',
      '诊断信息',
      '得分计算方法',
      '抽样：10 个中 3 个不合格',
      '备注',
      '部分符合',
      '缺少证据',
      '无条目',
    ]) {
      assert.ok(zh.includes(text), text);
    }
    const english = [
      'Clauses and evidence',
      'Diagnostics',
      'Score by section',
      'Assessment date',
      'Evidence window',
      'Gain',
      'Rectified',
      'points lost',
    ];
    for (const text of english) assert.ok(!zh.includes(text), `zh-CN report says "${text}"`);
  });
});

// ---------------------------------------------------------------- in a real browser

const CHROMIUM = '/usr/bin/chromium';

/** Runs in the page: one computed CSS property of an element (the test's tsconfig has no DOM types). */
function computedStyle(el: unknown, property: string): string {
  const view = globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> };
  return view.getComputedStyle(el)[property];
}

describe('report in Chromium', function () {
  this.timeout(120_000);
  // playwright-core is loaded lazily: it is only needed here.
  type Browser = import('playwright-core').Browser;
  let browser: Browser | undefined;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-pack-report-'));

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      // In CI the browser is installed by .ci/run (scripts/setup-vscode.sh): a skip there would hide a lost check.
      if (process.env.CI) throw new Error(`no Chromium at ${CHROMIUM}: .ci/run installs it before the tests`);
      console.log(`      skipped: no Chromium at ${CHROMIUM} to open the report in (apt-get install -y chromium)`);
      this.skip();
    }
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
  });
  after(async () => {
    await browser?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`shows the score, stars and band, keeps hostile text as text, fetches nothing, and prints to A4 (${lang})`, async () => {
      const [result] = await checkDisk(DEMO, lang);
      const { result: hostile } = await checkHostile(lang);
      const file = path.join(tmp, `report-${lang}.html`);
      fs.writeFileSync(file, renderReport([result, hostile], { baseDir: path.dirname(DEMO), lang, generatedAt: GENERATED }));

      const page = await browser!.newPage({ viewport: { width: 900, height: 1250 } });
      const requests: string[] = [];
      let dialogs = 0;
      page.on('request', (r) => requests.push(r.url()));
      page.on('dialog', async (d) => {
        dialogs++;
        await d.dismiss();
      });
      await page.goto('file://' + file.replace(/\\/g, '/'));

      const score = result.score!;
      const cover = page.locator('article.pack').first().locator('section.cover');
      assert.equal(await cover.getByTestId('score').innerText(), score.score.toFixed(1));
      assert.equal(await cover.getByTestId('band').innerText(), score.rating.label);
      assert.equal(await cover.getByTestId('stars').innerText(), '★★★☆☆');
      assert.equal(await cover.getByTestId('stars').getAttribute('aria-label'), lang === 'en' ? '3 stars' : '3 星');
      assert.ok(await cover.getByTestId('provisional').isVisible());
      const text = await page.locator('body').innerText();
      assert.ok(text.includes(lang === 'en' ? 'Gaps to the next rating' : '距下一等级的差距'));
      assert.ok(text.includes(SCRIPT_TITLE), 'the hostile title reads as text');
      assert.ok(text.includes(HOSTILE_ORG));
      assert.equal(await page.locator('script, img').count(), 0);
      assert.equal(dialogs, 0);
      assert.deepEqual(
        requests.filter((u) => !u.startsWith('file://')),
        [],
        'nothing outside the file is requested',
      );
      assert.ok(await page.locator('svg rect').first().isVisible(), 'the section charts render');

      await page.screenshot({ path: path.join(tmp, `report-${lang}.png`) });
      assert.ok(fs.statSync(path.join(tmp, `report-${lang}.png`)).size > 10_000);

      // Print: the rules that keep a clause on one page apply, and the PDF is A4.
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('tr.clause').first().evaluate(computedStyle, 'breakInside'), 'avoid');
      for (const part of ['clauses-part', 'special-part', 'gaps-part', 'diagnostics-part']) {
        assert.equal(await page.locator(`article.pack section.${part}`).first().evaluate(computedStyle, 'breakBefore'), 'page', part);
      }
      assert.equal(await page.locator('article.pack').nth(1).evaluate(computedStyle, 'breakBefore'), 'page', 'each pack starts a page');
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const raw = pdf.toString('latin1');
      assert.ok(raw.startsWith('%PDF-'));
      const boxes = [...raw.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)];
      assert.ok(boxes.length >= 6, `several pages (${boxes.length})`);
      for (const [, w, h] of boxes) {
        // A4 is 210 × 297 mm = 595.3 × 841.9 pt; Chromium rounds to whole device pixels.
        assert.ok(Math.abs(Number(w) - 595.3) < 1.5 && Math.abs(Number(h) - 841.9) < 1.5, `${w} × ${h}`);
      }

      // The picture in the README: `EP_UPDATE_DOCS_IMAGES=1 npx mocha test/cli/report.test.ts` refreshes it.
      if (process.env.EP_UPDATE_DOCS_IMAGES) {
        const single = path.join(tmp, `single-${lang}.html`);
        fs.writeFileSync(single, renderReport([result], { baseDir: DEMO, lang, generatedAt: GENERATED }));
        await page.emulateMedia({ media: 'screen' });
        await page.goto('file://' + single.replace(/\\/g, '/'));
        await page.screenshot({ path: `${REPO}/docs/images/${lang === 'en' ? 'report.png' : 'report.zh-CN.png'}` });
      }
      await page.close();
    });
  }
});
