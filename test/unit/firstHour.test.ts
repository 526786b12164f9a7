// A consultant's first hour: what a new user writes (labels, Chinese dates and statuses, a title above
// the leaves, anchors in a standard, old-Mac line breaks) is read as they mean it, and what they get
// wrong is one clear diagnostic on the right text.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeEvidenceText } from '../../src/core/analyze';
import { bandOf } from '../../src/core/bands';
import { makeContext } from '../../src/core/context';
import { LineIndex } from '../../src/core/text';
import { loadStandardText } from '../../src/core/standard/loadStandard';
import { builtinStandard } from '../../src/core/standard/builtin';
import { parseManifest } from '../../src/core/manifest';
import type { Diagnostic, Range } from '../../src/core/types';
import { allMetExcept, checkTestPack, codes, engineFor, memFs, TEST_STANDARD } from './support/memFs';

const FIXTURES = path.resolve(__dirname, '../fixtures/ranges');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
/** The text a range covers, with lines counted as VS Code counts them. */
function textAt(text: string, r: Range): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (r.start.line === r.end.line) return lines[r.start.line].slice(r.start.character, r.end.character);
  return [
    lines[r.start.line].slice(r.start.character),
    ...lines.slice(r.start.line + 1, r.end.line),
    lines[r.end.line].slice(0, r.end.character),
  ].join('\n');
}
/** A GB/T 27922 pack at /ws/p with the given files. */
async function checkGbtPack(files: Record<string, string>) {
  const all: Record<string, string> = { '/ws/p/evidence-pack.yaml': 'pack: 1\nstandard: gbt27922-2011\nassessment: {date: 2026-10-15}\n' };
  for (const [n, t] of Object.entries(files)) all[`/ws/p/${n}`] = t;
  return engineFor(memFs(all)).checkPack('/ws/p');
}
const leafState = (r: Awaited<ReturnType<typeof checkTestPack>>, id: string) => r.score!.clauses.find((c) => c.id === id)!.state;
const without = (skip: string, extra: string) => allMetExcept([skip], extra);

describe('first hour: the gate (target and --min-rating)', () => {
  it('a band is named by its id or any of its labels, in any case and spacing; 3star names none', () => {
    const rating = loadStandardText(TEST_STANDARD, '/std.yaml', 'en').standard!.rating;
    for (const w of ['three-star', '三星级', '三星', 'Three-star', 'three star', 'THREE-STAR', ' 三星级 '])
      assert.equal(bandOf(rating, w)?.id, 'three-star', w);
    for (const w of ['3star', 'three', '星级', '', 'fail']) assert.equal(bandOf(rating, w), undefined, w);
  });

  it('target: 三星级 is the three-star band (no diagnostic)', async () => {
    const r = await checkTestPack({ 'a.evidence.yaml': allMetExcept([]) }, { manifestExtra: 'target: 三星级\n' });
    assert.equal(r.target?.id, 'three-star');
    assert.deepEqual(codes(r), []);
  });

  it("target: 3star is manifest-invalid on the value, listing the bands by label in the user's language", async () => {
    const r = await checkTestPack({ 'a.evidence.yaml': allMetExcept([]) }, { manifestExtra: 'target: 3star   # typo\n', lang: 'zh-CN' });
    const d = r.diagnostics.filter((x) => x.code === 'manifest-invalid');
    assert.equal(d.length, 1);
    assert.equal(d[0].severity, 'error');
    assert.equal(textAt(new TextDecoder().decode(r.fs.files.get('/ws/p/evidence-pack.yaml')), d[0].range), '3star');
    assert.equal(d[0].message, 'target：“3star”不是标准中的评级；可写 达标级、三星级、四星级、五星级');
    assert.equal(r.target, undefined);
  });
});

describe('first hour: dates', () => {
  const record = (date: string) => without('1.2', `  - clause: "1.2"\n    evidence:\n      - {kind: record, title: r, date: ${date}}\n`);
  for (const date of [
    '2026-09-01',
    '"2026-09-01"',
    '2026/9/1',
    '2026/09/01',
    '2026.9.1',
    '2026年9月1日',
    '（2026年9月1日）',
    '【2026-09-01】',
    '"(2026/9/1)"',
  ]) {
    it(`YAML date: ${date} is 2026-09-01 and counts`, async () => {
      const r = await checkTestPack({ 'a.evidence.yaml': record(date) });
      assert.deepEqual(codes(r), []);
      assert.equal(leafState(r, '1.2'), 'met');
    });
  }
  for (const date of ['2026/13/1', '2026-02-30', '2026年2月30日', 'yesterday']) {
    it(`YAML date: ${date} is one invalid-date error on the date, naming the forms; the record does not count`, async () => {
      const text = record(date);
      const r = await checkTestPack({ 'a.evidence.yaml': text });
      const errors = r.diagnostics.filter((d) => d.severity === 'error');
      assert.deepEqual(
        errors.map((d) => d.code),
        ['invalid-date'],
      );
      assert.equal(textAt(text, errors[0].range), date);
      assert.equal(
        errors[0].message,
        `"${date}" is not a valid date; write a date as 2026-10-15, 2026/10/15, 2026.10.15 or 2026年10月15日`,
      );
      assert.equal(leafState(r, '1.2'), 'incomplete');
    });
  }

  const md = (item: string) => `## 1.2 一二\n\n- ${item}\n`;
  for (const tail of ['2026-09-01', '2026/9/1', '2026.09.01', '2026年9月1日', '（2026年9月1日）', '(2026-09-01)', '【2026/9/1】']) {
    it(`Markdown item 记录：…${tail} is dated 2026-09-01 and counts`, async () => {
      const r = await checkTestPack({ 'a.evidence.yaml': allMetExcept(['1.2']), 'b.evidence.md': md(`记录：投诉台账 ${tail}`) });
      assert.deepEqual(codes(r), []);
      assert.equal(leafState(r, '1.2'), 'met');
    });
  }
  it('a Markdown item ending 2026/13/1 is one invalid-date error on the date text', async () => {
    const text = md('记录：[投诉台账](a.evidence.yaml) 2026/13/1');
    const r = await checkTestPack({ 'a.evidence.yaml': allMetExcept(['1.2']), 'b.evidence.md': text }, { lang: 'zh-CN' });
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(
      errors.map((d) => d.code),
      ['invalid-date'],
    );
    assert.equal(textAt(text, errors[0].range), '2026/13/1');
    assert.doesNotMatch(errors[0].message, /\\d|\^|\$/); // never a regex
  });
  it('an undated Markdown record does not count (undated-evidence, a warning)', async () => {
    const r = await checkTestPack({ 'a.evidence.yaml': allMetExcept(['1.2']), 'b.evidence.md': md('记录：投诉台账') });
    assert.deepEqual(codes(r).sort(), ['missing-evidence', 'undated-evidence']);
    assert.equal(leafState(r, '1.2'), 'incomplete');
  });
  it('assessment.date may be written 2026年10月15日; 2026/2/30 there is one invalid-date error', async () => {
    const ok = parseManifest(
      'pack: 1\nstandard: gbt27922-2011\nassessment: {date: 2026年10月15日}\n',
      '/p/evidence-pack.yaml',
      '2000-01-01',
      'en',
    );
    assert.equal(ok.manifest!.assessmentDate, '2026-10-15');
    assert.deepEqual(ok.diagnostics, []);
    const bad = parseManifest(
      'pack: 1\nstandard: gbt27922-2011\nassessment: {date: 2026/2/30}\n',
      '/p/evidence-pack.yaml',
      '2000-01-01',
      'en',
    );
    assert.deepEqual(
      bad.diagnostics.map((d) => d.code),
      ['invalid-date'],
    );
  });
});

describe('first hour: a Markdown title above the leaves', () => {
  const pack = (md: string) => checkGbtPack({ 'a.evidence.md': md });
  it('# 5.3 顾客服务 — 海川家电 above ## 5.3.1 … is a title: no diagnostic on it', async () => {
    const r = await pack('# 5.3 顾客服务 — 海川家电\n\n说明：本文件汇总顾客服务的证据。\n\n## 5.3.1 顾客关系\n\n- 文件：顾客档案\n');
    assert.deepEqual(
      r.diagnostics.filter((d) => d.file.endsWith('.md')).map((d) => d.code),
      ['missing-evidence'],
    );
  });
  it('evidence directly under the parent heading (before its first child) stays clause-not-leaf', async () => {
    const r = await pack('# 5.3 顾客服务\n\n- 文件：服务手册\n\n## 5.3.1 顾客关系\n\n- 文件：顾客档案\n');
    assert.deepEqual(
      r.diagnostics.filter((d) => d.file.endsWith('.md')).map((d) => d.code),
      ['clause-not-leaf', 'missing-evidence'],
    );
  });
});

describe('first hour: statuses by label', () => {
  const entry = (id: string, status: string, extra = '') =>
    without(id, `  - clause: "${id}"\n    status: ${status}\n${extra}    evidence: [{kind: document, title: d}]\n`);
  for (const [word, state] of [
    ['不符合', 'nonconforming'],
    ['Non-conforming', 'nonconforming'],
    ['nonconforming', 'nonconforming'],
    ['符合', 'met'],
    ['Conforming', 'met'],
  ] as const) {
    it(`status: ${word} is ${state}`, async () => {
      const r = await checkTestPack({ 'a.evidence.yaml': entry('2.5', word) });
      assert.deepEqual(codes(r), []);
      assert.equal(leafState(r, '2.5'), state);
    });
  }
  for (const word of ['删减', '不适用', 'Excluded', 'not applicable']) {
    it(`status: ${word} excludes an excludable leaf`, async () => {
      const r = await checkTestPack({ 'a.evidence.yaml': entry('1.1', word, '    justification: 不涉及\n') });
      assert.deepEqual(codes(r), []);
      assert.equal(leafState(r, '1.1'), 'excluded');
    });
  }
  it('status: 部分符合 on a sampled leaf needs samples, like partial', async () => {
    const r = await checkTestPack({
      'a.evidence.yaml': without(
        '1.2',
        '  - clause: "1.2"\n    status: 部分符合\n    samples: {size: 10, nonconforming: 2}\n    evidence: [{kind: record, title: r, date: 2026-09-01}]\n',
      ),
    });
    assert.deepEqual(codes(r), []);
    assert.equal(leafState(r, '1.2'), 'partial');
  });
});

describe("first hour: schema errors in the user's words, one per fault", () => {
  it("a misspelt key in the second entry's first item: 第 2 个条款的第 1 项证据", async () => {
    const text =
      'clauses:\n  - clause: "2.4"\n    evidence: [{kind: document, title: d}]\n  - clause: "2.5"\n    evidence:\n      - {kind: document, flie: x.pdf}\n';
    const zh = await checkTestPack({ 'a.evidence.yaml': allMetExcept(['2.4', '2.5']), 'b.evidence.yaml': text }, { lang: 'zh-CN' });
    assert.deepEqual(
      zh.diagnostics.filter((d) => d.code === 'schema').map((d) => d.message),
      ['第 2 个条款的第 1 项证据：不允许的字段“flie”'],
    );
    const en = await checkTestPack({ 'a.evidence.yaml': allMetExcept(['2.4', '2.5']), 'b.evidence.yaml': text });
    assert.deepEqual(
      en.diagnostics.filter((d) => d.code === 'schema').map((d) => d.message),
      ['evidence item 1 of clause entry 2: unexpected property "flie"'],
    );
  });
  it('a wrong type names the type in words, not clauses.0.evidence', async () => {
    const r = await checkTestPack({ 'a.evidence.yaml': without('2.5', '  - clause: "2.5"\n    evidence: 见附件\n') }, { lang: 'zh-CN' });
    assert.deepEqual(
      r.diagnostics.filter((d) => d.code === 'schema').map((d) => d.message),
      ['第 10 个条款的 evidence：类型应为列表（- 项）'],
    );
  });
  it('a special bonus with a misspelt key is one error (not one per oneOf branch)', async () => {
    const r = await checkTestPack(
      { 'a.evidence.yaml': allMetExcept([]) },
      { manifestExtra: 'special_bonus: {reason: 获奖, evidnce: a.pdf}\n', lang: 'zh-CN' },
    );
    assert.deepEqual(
      r.diagnostics.filter((d) => d.code === 'schema').map((d) => d.message),
      ['special_bonus：不允许的字段“evidnce”'],
    );
  });
});

describe('first hour: YAML anchors and aliases', () => {
  const anchored = TEST_STANDARD.replace(
    '{id: "1.3", title: {zh-CN: 一三, en: One three}, points: 10, requires: [document]}',
    '{id: "1.3", title: {zh-CN: 一三, en: One three}, points: 10, requires: &docs [document]}',
  ).replace(
    '{id: "1.4", title: {zh-CN: 一四, en: One four}, points: 10, requires: [document]}',
    '{id: "1.4", title: {zh-CN: 一四, en: One four}, points: 10, requires: *docs}',
  );
  it('a standard with requires: &r … / requires: *r loads and scores like the same standard written out', async () => {
    assert.ok(anchored.includes('*docs'));
    const load = loadStandardText(anchored, '/std.yaml', 'en');
    assert.deepEqual(load.diagnostics, []);
    assert.deepEqual(load.standard!.byId.get('1.4')!.requires, ['document']);
    const r = await checkTestPack({ 'a.evidence.yaml': allMetExcept(['1.4']) }, { more: { '/ws/p/std.yaml': anchored } });
    assert.equal(r.score!.score, 90);
    assert.deepEqual(codes(r), ['missing-clause']);
  });
  it('evidence items and manifest values may be aliases', async () => {
    const evidence = 'clauses:\n  - clause: "2.4"\n    evidence: [&d {kind: document, title: d}]\n  - clause: "2.5"\n    evidence: [*d]\n';
    const r = await checkTestPack({ 'a.evidence.yaml': allMetExcept(['2.4', '2.5']), 'b.evidence.yaml': evidence });
    assert.equal(leafState(r, '2.5'), 'met');
    const m = parseManifest(
      'pack: 1\nstandard: &s gbt27922-2011\ntarget: &t 四星级\norganization: {name: *s}\n',
      '/p/evidence-pack.yaml',
      '2026-10-15',
      'en',
    );
    assert.equal(m.manifest!.target, '四星级');
    assert.equal(m.manifest!.organization!.name, 'gbt27922-2011');
  });
  it('an alias to a collection that contains it is a yaml-syntax error, not a hang or a crash', async () => {
    const load = loadStandardText(TEST_STANDARD.replace('clauses:', 'x: &loop [*loop]\nclauses:'), '/std.yaml', 'en');
    assert.equal(load.standard, undefined);
    assert.ok(load.diagnostics.length >= 1);
  });
});

describe('first hour: ranges as VS Code counts lines (reproducers in test/fixtures/ranges)', () => {
  const analyze = async (file: string, text: string, lang: 'en' | 'zh-CN' = 'en') => {
    const standard = builtinStandard('gbt27922-2011')!;
    const manifest = parseManifest(
      'pack: 1\nstandard: gbt27922-2011\nassessment: {date: 2026-10-15}\n',
      '/ws/p/evidence-pack.yaml',
      '2026-10-15',
      lang,
    ).manifest!;
    return analyzeEvidenceText(text, file, makeContext(standard, manifest, lang, memFs({ '/ws/p/evidence-pack.yaml': '' }), '/ws'));
  };
  const assertWhole = (text: string, ds: Diagnostic[]) => {
    const lines = text.split(/\r\n|\r|\n/);
    for (const d of ds) {
      for (const p of [d.range.start, d.range.end]) {
        assert.ok(p.line < lines.length && p.character <= lines[p.line].length, `${d.code} at ${p.line}:${p.character} is off the text`);
        const c = lines[p.line].charCodeAt(p.character);
        assert.ok(!(c >= 0xdc00 && c <= 0xdfff), `${d.code} at ${p.line}:${p.character} splits a surrogate pair`);
      }
    }
  };

  it('lone CR in YAML: the broken link is underlined on its target, on the line VS Code shows', async () => {
    const text = fixture('lone-cr-yaml/b.evidence.yaml');
    assert.ok(/\r(?!\n)/.test(text));
    const r = await analyze('/ws/p/b.evidence.yaml', text);
    assert.deepEqual(
      r.diagnostics.map((d) => d.code),
      ['broken-link'],
    );
    assert.equal(r.diagnostics[0].range.start.line, 6);
    assert.equal(textAt(text, r.diagnostics[0].range), 'attachments/nope.md');
    assertWhole(text, r.diagnostics);
  });
  it('lone CR in Markdown: the section and item ranges sit on their own lines', async () => {
    const text = fixture('lone-cr-md/a.evidence.md');
    const r = await analyze('/ws/p/a.evidence.md', text);
    const link = r.diagnostics.find((d) => d.code === 'broken-link')!;
    assert.equal(textAt(text, link.range), 'attachments/x.md');
    const item = r.entries[0].evidence[0];
    assert.equal(textAt(text, item.dateRange!), '2026-08-01');
    assert.equal(textAt(text, r.entries[0].idRange), '5.3.1');
    assertWhole(text, r.diagnostics);
    const one = fixture('md-lone-cr.evidence.md');
    const r2 = await analyze('/ws/p/x.evidence.md', one);
    assert.equal(textAt(one, r2.entries[0].evidence[0].dateRange!), '2026-08-01');
  });
  it('a syntax error after an emoji never splits its surrogate pair (YAML and front matter)', async () => {
    for (const name of ['surrogate-split/s.evidence.yaml', 'surrogate-split/s2.evidence.md']) {
      const text = fixture(name);
      const r = await analyze(`/ws/p/${path.basename(name)}`, text);
      assert.ok(r.diagnostics.length > 0, name);
      assertWhole(text, r.diagnostics);
    }
  });
  it('a NUL in a Markdown item does not shift its ranges', async () => {
    const control = await analyze('/ws/p/c.evidence.md', fixture('md-control.evidence.md'));
    const nulText = fixture('md-nul.evidence.md');
    const nul = await analyze('/ws/p/n.evidence.md', nulText);
    const [c, n] = [control.entries[0].evidence, nul.entries[0].evidence];
    assert.equal(textAt(nulText, n[0].dateRange!), '2026-08-01');
    assert.equal(n[0].range.start.character, c[0].range.start.character);
    assert.equal(n[0].range.end.character, c[0].range.end.character + 1);
    assert.equal(textAt(nulText, n[1].fileRange!), 'b.md');
  });
  it('LineIndex counts \\r\\n, \\n and a lone \\r as one line break each', () => {
    const li = new LineIndex('a\rb\r\nc\nd');
    assert.equal(li.lineCount, 4);
    assert.deepEqual(
      ['a', 'b', 'c', 'd'],
      [0, 1, 2, 3].map((l) => li.lineText(l)),
    );
    assert.deepEqual(li.position(2), { line: 1, character: 0 });
    assert.deepEqual(li.position(4), { line: 1, character: 1 }); // the \n of \r\n: end of the line's text
  });
});
