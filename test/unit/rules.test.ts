// docs/scoring.md (diagnostic codes): each diagnostic rule on the exact text it is about.
import assert from 'node:assert/strict';
import { allMetExcept, checkTestPack, codes } from './support/memFs';

const one = (id: string, body: string) => allMetExcept([id], `  - clause: "${id}"\n${body}`);
const byCode = (r: { diagnostics: { code: string }[] }, code: string) =>
  r.diagnostics.filter((d) => d.code === code) as Awaited<ReturnType<typeof checkTestPack>>['diagnostics'];
const leaf = (r: Awaited<ReturnType<typeof checkTestPack>>, id: string) => r.score!.clauses.find((c) => c.id === id)!;

describe('rules (docs/scoring.md, diagnostic codes)', () => {
  it('yaml-syntax: an unclosed flow mapping is reported where it breaks, the rest of the pack still scores', async () => {
    const r = await checkTestPack({
      'a.evidence.yaml': allMetExcept(['2.5']),
      'b.evidence.yaml': 'clauses:\n  - clause: "2.4"\n    evidence: [{kind: document\n',
    });
    const d = byCode(r, 'yaml-syntax');
    assert.ok(d.length >= 1);
    assert.equal(d[0].file, '/ws/p/b.evidence.yaml');
    assert.ok(d[0].range.start.line >= 2);
    // What the parser recovered still merges (so a half-typed line does not blank the score); the error keeps CI red.
    assert.equal(r.score!.score, 90);
    assert.equal(r.score!.clauses.find((c) => c.id === '2.5')!.state, 'missing');
  });

  it('schema: an unknown status value is underlined on the value, in the chosen language', async () => {
    const text = one('2.5', '    status: done\n    evidence: [{kind: document, title: d}]\n');
    const r = await checkTestPack({ 'a.evidence.yaml': text }, { lang: 'zh-CN' });
    const d = byCode(r, 'schema')[0];
    const line = text.split('\n').indexOf('    status: done');
    assert.deepEqual(d.range, { start: { line, character: 12 }, end: { line, character: 16 } });
    assert.equal(r.diagnostics.filter((x) => x.code === 'schema').length, 1);
    assert.equal(d.message, '条款 2.5：“done”不是有效的状态；可写 符合、部分符合、不符合、删减（或 不适用）');
  });

  it('schema: an unexpected key is underlined on the key', async () => {
    const text = one('2.5', '    evidnce: []\n');
    const r = await checkTestPack({ 'a.evidence.yaml': text });
    const d = byCode(r, 'schema')[0];
    assert.equal(d.range.start.character, 4);
    assert.equal(d.range.end.character, 11);
    assert.match(d.message, /unexpected property "evidnce"/);
  });

  it('unknown-clause: on the id text; the entry does not score', async () => {
    const r = await checkTestPack({
      'a.evidence.yaml': allMetExcept([], '  - clause: "9.9"\n    evidence: [{kind: document, title: d}]\n'),
    });
    const d = byCode(r, 'unknown-clause')[0];
    assert.equal(d.clause, '9.9');
    assert.equal(d.range.end.character - d.range.start.character, 5); // "9.9" with its quotes
    assert.equal(r.score!.score, 100);
  });

  it('clause-not-leaf: evidence on a parent clause names its children', async () => {
    const r = await checkTestPack({ 'a.evidence.yaml': allMetExcept([], '  - clause: "1"\n    evidence: [{kind: document, title: d}]\n') });
    assert.match(byCode(r, 'clause-not-leaf')[0].message, /1\.1, 1\.2, 1\.3, 1\.4, 1\.10/);
  });

  it('unknown-kind: on the kind value; the item does not count', async () => {
    const r = await checkTestPack({ 'a.evidence.yaml': one('2.5', '    evidence: [{kind: photo, title: p}]\n') });
    const d = byCode(r, 'unknown-kind')[0];
    assert.deepEqual(d.data, { kind: 'photo' });
    assert.match(d.message, /document \(Document\), record \(Record\)/);
    assert.equal(leaf(r, '2.5').state, 'incomplete');
  });

  it('kinds may be written as their zh-CN or en label', async () => {
    const r = await checkTestPack({
      'a.evidence.yaml': allMetExcept(
        ['2.4', '2.5'],
        '  - clause: "2.4"\n    evidence: [{kind: 文件, title: d}]\n  - clause: "2.5"\n    evidence: [{kind: Document, title: d}]\n',
      ),
    });
    assert.deepEqual(codes(r), []);
    assert.equal(r.score!.score, 100);
  });

  describe('links', () => {
    it('broken-link: a missing attachment is an error on the file value and does not count', async () => {
      const text = one('2.5', '    evidence: [{kind: document, title: d, file: attachments/无.pdf}]\n');
      const r = await checkTestPack({ 'a.evidence.yaml': text });
      const d = byCode(r, 'broken-link')[0];
      const line = text.split('\n').findIndex((l) => l.includes('无.pdf'));
      const col = text.split('\n')[line].indexOf('attachments/');
      assert.deepEqual(d.range, { start: { line, character: col }, end: { line, character: col + 'attachments/无.pdf'.length } });
      assert.equal(leaf(r, '2.5').state, 'incomplete');
    });
    it('an empty file value is a broken link and does not count (it used to count as evidence)', async () => {
      const r = await checkTestPack({ 'a.evidence.yaml': one('2.5', '    evidence: [{kind: document, title: d, file: ""}]\n') });
      assert.ok(codes(r).includes('broken-link'));
      assert.equal(leaf(r, '2.5').state, 'incomplete');
      assert.equal(r.score!.score, 90);
    });
    it('an existing attachment counts', async () => {
      const r = await checkTestPack(
        { 'a.evidence.yaml': one('2.5', '    evidence: [{kind: document, title: d, file: att/x.pdf}]\n') },
        { more: { '/ws/p/att/x.pdf': '%PDF' } },
      );
      assert.deepEqual(codes(r), []);
    });
    for (const target of ['../../etc/passwd', '/etc/passwd', 'file:///ws/p/att/x.pdf']) {
      it(`outside-workspace: ${target} is reported and never read or stat'ed`, async () => {
        const r = await checkTestPack({ 'a.evidence.yaml': one('2.5', `    evidence: [{kind: document, title: d, file: "${target}"}]\n`) });
        assert.equal(byCode(r, 'outside-workspace').length, 1);
        assert.ok(!r.fs.reads.some((p) => p.startsWith('/etc')));
        assert.equal(leaf(r, '2.5').state, 'incomplete');
      });
    }
  });

  describe('dates (assessment 2026-10-15, 12-month window from 2025-10-15)', () => {
    const dated = (date: string) =>
      one('1.2', `    evidence: [{kind: record, title: r${date ? `, date: ${date}` : ''}}]\n`).replace(
        / {2}- clause: "1\.2"\n {4}evidence:\n {6}- \{kind: record, title: r, date: 2026-09-01\}\n/,
        '',
      );
    it('the first day of the window counts', async () => {
      const r = await checkTestPack({ 'a.evidence.yaml': dated('2025-10-15') });
      assert.deepEqual(codes(r), []);
    });
    it('stale-evidence: the day before the window is a warning and does not count', async () => {
      const r = await checkTestPack({ 'a.evidence.yaml': dated('2025-10-14') });
      assert.deepEqual(codes(r).sort(), ['missing-evidence', 'stale-evidence']);
      assert.equal(byCode(r, 'stale-evidence')[0].severity, 'warning');
    });
    it('the assessment date itself counts', async () => {
      const r = await checkTestPack({ 'a.evidence.yaml': dated('2026-10-15') });
      assert.deepEqual(codes(r), []);
    });
    it('future-evidence: after the assessment date is an error and does not count', async () => {
      const r = await checkTestPack({ 'a.evidence.yaml': dated('2026-10-16') });
      assert.equal(byCode(r, 'future-evidence')[0].severity, 'error');
      assert.equal(leaf(r, '1.2').state, 'incomplete');
    });
    it('undated-evidence: a dated kind without a date is a warning and does not count (deleting a date never raises a score)', async () => {
      const r = await checkTestPack({ 'a.evidence.yaml': dated('') });
      assert.deepEqual(codes(r).sort(), ['missing-evidence', 'undated-evidence']);
      assert.equal(byCode(r, 'undated-evidence')[0].severity, 'warning');
      assert.equal(leaf(r, '1.2').state, 'incomplete');
      const stale = await checkTestPack({ 'a.evidence.yaml': dated('2024-01-01') });
      assert.ok(r.score!.score <= stale.score!.score, 'an undated record scores no more than a stale one');
    });
    it('an impossible calendar date (2026-02-30) is one invalid-date error naming the accepted forms', async () => {
      const r = await checkTestPack({ 'a.evidence.yaml': dated('2026-02-30') }, { lang: 'zh-CN' });
      assert.deepEqual(
        codes(r).filter((c) => c !== 'missing-evidence'),
        ['invalid-date'],
      );
      assert.equal(
        byCode(r, 'invalid-date')[0].message,
        '“2026-02-30”不是有效日期；日期可写作 2026-10-15、2026/10/15、2026.10.15 或 2026年10月15日',
      );
    });
  });

  describe('Markdown evidence', () => {
    const md = [
      '---',
      'clauses:',
      '  - clause: "1.1"',
      '    evidence: [{kind: document, title: 手册}]',
      '---',
      '# 证据',
      '',
      '## 1.2 一二',
      '',
      '- 记录：[投诉台账](att/log.csv) 2026-09-30',
      '- [ ] 补充回访记录',
      '- 说明：这不是证据',
      '',
      '## 1.3 一三',
      '',
      '- document: [制度](att/missing.pdf)',
      '- 文件: [回访](att/log.csv)',
      '',
      '## 其他',
      '',
      '- document: [不在条款内](att/log.csv)',
      '',
    ].join('\n');
    it('reads front matter, clause sections, zh-CN labels with full-width colons, task items and links', async () => {
      const r = await checkTestPack(
        { 'a.evidence.yaml': allMetExcept(['1.1', '1.2', '1.3']), 'b.evidence.md': md },
        { more: { '/ws/p/att/log.csv': 'a,b' } },
      );
      assert.equal(leaf(r, '1.1').state, 'met');
      assert.equal(leaf(r, '1.2').state, 'met');
      assert.equal(leaf(r, '1.2').evidenceCount, 1);
      assert.equal(leaf(r, '1.3').state, 'met');
      assert.equal(leaf(r, '1.3').evidenceCount, 2);
      const action = byCode(r, 'open-action')[0];
      assert.equal(action.severity, 'info');
      assert.equal(action.clause, '1.2');
      assert.deepEqual(action.range.start, { line: 10, character: 2 });
      const broken = byCode(r, 'broken-link');
      assert.equal(broken.length, 1);
      assert.deepEqual(broken[0].range, { start: { line: 15, character: 17 }, end: { line: 15, character: 32 } });
    });
    it('a heading with an id that is not in the standard is unknown-clause on the id', async () => {
      const r = await checkTestPack({ 'a.evidence.yaml': allMetExcept([]), 'b.evidence.md': '## 1.9 不存在\n\n- document: [x](x.pdf)\n' });
      const d = byCode(r, 'unknown-clause')[0];
      assert.deepEqual(d.range, { start: { line: 0, character: 3 }, end: { line: 0, character: 6 } });
    });
    it('a leaf only in the body has no explicit status', async () => {
      const r = await checkTestPack(
        { 'a.evidence.yaml': allMetExcept(['2.5']), 'b.evidence.md': '## 2.5\n\n- 文件：[x](x.pdf)\n' },
        { more: { '/ws/p/x.pdf': '%PDF' } },
      );
      assert.equal(leaf(r, '2.5').state, 'met');
      assert.deepEqual(codes(r), []);
    });
  });

  describe('exact ranges', () => {
    it('CRLF line ends and a BOM do not shift columns; full-width text counts as UTF-16 units', async () => {
      const text =
        '\uFEFFclauses:\r\n  - clause: "2.5"\r\n    evidence:\r\n      - {kind: document, title: 售后服务手册（２０２６）, file: 缺失.pdf}\r\n';
      const r = await checkTestPack({ 'a.evidence.yaml': allMetExcept(['2.5']), 'b.evidence.yaml': text });
      const d = byCode(r, 'broken-link')[0];
      const line = '      - {kind: document, title: 售后服务手册（２０２６）, file: 缺失.pdf}';
      assert.deepEqual(d.range, {
        start: { line: 3, character: line.indexOf('缺失') },
        end: { line: 3, character: line.indexOf('缺失') + 6 },
      });
    });
    it('tabs before a comment and astral characters keep ranges exact', async () => {
      const text = 'clauses:\n  - clause: "2.5"\t# 🙂 注释\n    evidence: [{kind: 照片, title: "𠀀"}]\n';
      const r = await checkTestPack({ 'a.evidence.yaml': allMetExcept(['2.5']), 'b.evidence.yaml': text });
      const d = byCode(r, 'unknown-kind')[0];
      assert.deepEqual(d.range, { start: { line: 2, character: 22 }, end: { line: 2, character: 24 } });
    });
  });

  it('messages exist in zh-CN', async () => {
    const r = await checkTestPack({ 'a.evidence.yaml': one('2.5', '    evidence: [{kind: photo, title: p}]\n') }, { lang: 'zh-CN' });
    assert.match(byCode(r, 'unknown-kind')[0].message, /未知的证据类型“photo”/);
    assert.match(byCode(r, 'missing-evidence')[0].message, /条款 2\.5 缺少有效证据，类型：文件/);
    assert.equal(r.score!.rating.label, '四星级');
  });
});
