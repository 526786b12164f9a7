// Quick-fix edits: applied to real evidence texts, the result must still parse and hold the
// new entry / key / evidence item where a user expects it.
import { strict as assert } from 'node:assert';
import { parse } from 'yaml';
import {
  addEvidenceStubs,
  addJustification,
  addMarkdownClauseSection,
  addYamlClauseEntry,
  closest,
  quoteScalar,
  type TextEdit,
} from '../../src/extension/language/textEdits';
import type { Range } from '../../src/core/types';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../src/core/engine';
import { nodeFileSystem } from '../../src/node/nodeFs';

function offset(text: string, line: number, character: number): number {
  const lines = text.split('\n');
  let o = 0;
  for (let i = 0; i < line; i++) o += lines[i].length + 1;
  return o + character;
}

function apply(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort(
    (a, b) => offset(text, b.range.start.line, b.range.start.character) - offset(text, a.range.start.line, a.range.start.character),
  );
  let out = text;
  for (const e of sorted) {
    out =
      out.slice(0, offset(text, e.range.start.line, e.range.start.character)) +
      e.newText +
      out.slice(offset(text, e.range.end.line, e.range.end.character));
  }
  return out;
}

const range = (sl: number, sc: number, el: number, ec: number): Range => ({
  start: { line: sl, character: sc },
  end: { line: el, character: ec },
});

const yamlFile = `# 5.1 售后服务体系
clauses:
  - clause: "5.1.1.1"
    status: conforming
    evidence:
      - kind: document
        title: 组织机构图
        file: attachments/org-chart.md

  - clause: "5.1.1.2"
    evidence:
      - kind: record
        title: 巡检记录
        date: 2026-06-28
    notes: 备注

# trailing comment
`;

describe('extension quick-fix edits', () => {
  it('adds a clause entry at the end of the clauses list, quoted, naming the required kinds but adding no evidence', () => {
    const edit = addYamlClauseEntry(yamlFile, '5.10', '测试', [
      { id: 'document', dated: false },
      { id: 'record', dated: true },
    ]);
    const out = apply(yamlFile, [edit]);
    const doc = parse(out);
    assert.equal(doc.clauses.length, 3);
    const added = doc.clauses[2];
    assert.equal(added.clause, '5.10', 'the id must stay the string 5.10, never the number 5.1');
    // An entry is not evidence: adding one must not raise the score.
    assert.deepEqual(added.evidence, []);
    assert.match(out, /- clause: "5\.10" {2}# 测试\n {4}# requires: document, record\n {4}evidence: \[\]/);
    assert.equal(doc.clauses[1].notes, '备注', 'the previous entry is untouched');
  });

  it('adds a clauses list to a file that has none, and fills an empty flow list', () => {
    const empty = 'clauses: []\n';
    const doc = parse(apply(empty, [addYamlClauseEntry(empty, '5.2.4', '', [])]));
    assert.deepEqual(doc, { clauses: [{ clause: '5.2.4', evidence: [] }] });
    const none = '# nothing yet';
    const doc2 = parse(apply(none, [addYamlClauseEntry(none, '5.2.4', '维修', [{ id: 'record', dated: true }])]));
    assert.equal(doc2.clauses[0].clause, '5.2.4');
  });

  it('keeps a following top-level key outside the new entry', () => {
    const text = 'clauses:\n- clause: "5.1.1.1"\n  status: conforming\nextra: 1\n';
    const doc = parse(apply(text, [addYamlClauseEntry(text, '5.1.1.2', '', [])]));
    assert.deepEqual(
      doc.clauses.map((c: { clause: string }) => c.clause),
      ['5.1.1.1', '5.1.1.2'],
    );
    assert.equal(doc.extra, 1);
  });

  it('adds a Markdown section for a clause', () => {
    const md = '# 顾客服务\n\n## 5.3.1 顾客关系\n\n- 记录：[调查](a.md)\n';
    const out = apply(md, [addMarkdownClauseSection(md, '5.3.2', '投诉处理', [{ id: 'record', dated: true }], () => '记录')]);
    assert.match(out, /\n\n## 5\.3\.2 投诉处理\n\n- \[ \] 记录：（名称、链接、日期）\n$/);
  });

  it('adds justification: "" under an excluded status at the key indentation', () => {
    const text = 'clauses:\n  - clause: "5.2.6"\n    status: excluded\n    evidence: []\n';
    const edit = addJustification(text, 2)!;
    const doc = parse(apply(text, [edit]));
    assert.equal(doc.clauses[0].justification, '');
    assert.equal(doc.clauses[0].status, 'excluded');
    // From the `- clause:` line as well
    const doc2 = parse(apply(text, [addJustification(text, 1)!]));
    assert.equal(doc2.clauses[0].justification, '');
    assert.equal(addJustification('clauses: [{clause: "5.2.6", status: excluded}]', 0)?.newText.includes('justification'), true);
    assert.equal(addJustification('  - {clause: "5.2.6"}', 0), undefined, 'a flow mapping line gets no line-based edit');
  });

  it('quotes an unquoted clause id and leaves a quoted one alone', () => {
    const text = 'clauses:\n  - clause: 5.10\n';
    const edit = quoteScalar(text, range(1, 12, 1, 16))!;
    assert.equal(parse(apply(text, [edit])).clauses[0].clause, '5.10');
    assert.equal(quoteScalar('  - clause: "5.10"', range(0, 12, 0, 18)), undefined);
  });

  /** `text` with stubs of `kinds` added to the entry at `at` (dated 2026-11-28), each kind labelled `label(id)`. */
  const withStubs = (
    text: string,
    at: { idRange: Range; range: Range },
    kinds: { id: string; dated: boolean }[],
    label: (id: string) => string = (k) => k,
  ) => apply(text, addEvidenceStubs(text, at, kinds, '2026-11-28', label));

  it('adds evidence stubs to an entry with an evidence list, with `evidence: []`, and without evidence', () => {
    const entry = { idRange: range(9, 12, 9, 21), range: range(9, 4, 15, 0) };
    const doc = parse(withStubs(yamlFile, entry, [{ id: 'document', dated: false }]));
    assert.deepEqual(
      doc.clauses[1].evidence.map((e: { kind: string }) => e.kind),
      ['record', 'document'],
    );
    assert.equal(doc.clauses[1].notes, '备注');

    const flow = 'clauses:\n  - clause: "5.2.4"\n    evidence: []\n';
    const flowOut = withStubs(flow, { idRange: range(1, 12, 1, 19), range: range(1, 4, 3, 0) }, [{ id: 'record', dated: true }]);
    assert.ok(!flowOut.includes('evidence: \n'), 'no trailing space');
    const doc2 = parse(flowOut);
    assert.deepEqual(doc2.clauses[0].evidence, [{ kind: 'record', title: '', file: 'attachments/…', date: '2026-11-28' }]);

    const bare = 'clauses:\n  - clause: "5.2.4"\n    status: conforming\n  - clause: "5.2.5"\n';
    const doc3 = parse(withStubs(bare, { idRange: range(1, 12, 1, 19), range: range(1, 4, 3, 2) }, [{ id: 'document', dated: false }]));
    assert.deepEqual(doc3.clauses[0].evidence, [{ kind: 'document', title: '', file: 'attachments/…' }]);
    assert.equal(doc3.clauses[1].clause, '5.2.5');
  });

  it('adds a list item to a Markdown clause section', () => {
    const md = '## 5.3.2 投诉处理\n\n- 文件：[程序](a.md)\n\n## 5.3.1 顾客关系\n';
    const section = { idRange: range(0, 3, 0, 8), range: range(0, 0, 3, 0) };
    const out = withStubs(md, section, [{ id: 'record', dated: true }], () => '记录');
    assert.equal(out, '## 5.3.2 投诉处理\n\n- 文件：[程序](a.md)\n- [ ] 记录：（名称、链接、日期）\n\n## 5.3.1 顾客关系\n');
    const en = '## 5.3.2 Complaints\n\n- Document: [Procedure](a.md)\n';
    assert.equal(
      withStubs(en, section, [{ id: 'record', dated: true }], () => 'Record'),
      en + '- [ ] Record: (title, link, date)\n',
    );
  });

  it('suggests the closest kinds by id or label', () => {
    const kinds = [
      { id: 'document', l: ['文件', 'Document'] },
      { id: 'record', l: ['记录', 'Record'] },
    ];
    assert.deepEqual(
      closest('recrod', kinds, (k) => [k.id, ...k.l]).map((k) => k.id),
      ['record'],
    );
    assert.deepEqual(
      closest('Documnet', kinds, (k) => [k.id, ...k.l]).map((k) => k.id),
      ['document'],
    );
    assert.deepEqual(
      closest('zzzzzzzzzz', kinds, (k) => [k.id, ...k.l]),
      [],
    );
  });

  it('never raises the score of the demo pack: an added entry and its stubs are not evidence until filled in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ep-ext-edits-')).replace(/\\/g, '/');
    try {
      cpSync(join(__dirname, '../../examples/demo-pack'), dir, { recursive: true });
      const engine = new Engine({ fs: nodeFileSystem, clock: { today: () => '2026-10-01' }, lang: 'en', workspaceRoot: dir });
      const before = await engine.checkPack(dir);
      const missing = before.score!.clauses.find((c) => c.state === 'missing')!;
      const leaf = before.standard!.byId.get(missing.id)!;
      const file = `${dir}/5.1-system.evidence.yaml`;
      const kinds = leaf.requires.map((id) => ({ id, dated: before.standard!.kinds.find((k) => k.id === id)!.dated }));
      writeFileSync(file, apply(readFileSync(file, 'utf8'), [addYamlClauseEntry(readFileSync(file, 'utf8'), leaf.id, 'x', kinds)]));
      engine.invalidate(file);
      const added = await engine.checkPack(dir);
      assert.equal(added.score!.clauses.find((c) => c.id === leaf.id)!.state, 'incomplete');
      assert.equal(added.score!.score, before.score!.score);
      const entry = added.entries.find((e) => e.clause === leaf.id)!;
      const text = readFileSync(file, 'utf8');
      writeFileSync(
        file,
        apply(
          text,
          addEvidenceStubs(text, entry, kinds, '2026-10-01', (k) => k),
        ),
      );
      engine.invalidate(file);
      const stubbed = await engine.checkPack(dir);
      const evidence = stubbed.entries.find((e) => e.clause === leaf.id)!.evidence;
      assert.deepEqual(
        evidence.map((e) => e.kindId),
        leaf.requires,
        'one stub per required kind, in the entry',
      );
      assert.ok(evidence.every((e) => !e.counts));
      assert.equal(stubbed.score!.score, before.score!.score);
      assert.ok(
        stubbed.diagnostics.some((d) => d.code === 'broken-link' && d.file === file),
        'the placeholder asks to be filled in',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
