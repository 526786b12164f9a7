// Quick fixes planned for the engine's real diagnostics, applied to the files, then checked
// again with the engine: each fix does what its title says.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Engine } from '../../src/core/engine';
import { nodeFileSystem } from '../../src/node/nodeFs';
import type { DiagnosticCode, PackResult } from '../../src/core/types';
import { planQuickFixes, type FixPlan } from '../../src/extension/language/quickFixes';
import type { TextEdit } from '../../src/extension/language/textEdits';
import { planInit } from '../../src/core/init';
import { builtinStandard } from '../../src/core/standard/builtin';

/** Applies edits the way VS Code does: lines end at \r\n, \n or a lone \r. */
function apply(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index! + m[0].length);
  const off = (p: { line: number; character: number }) => starts[p.line] + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => off(b.range.start) - off(a.range.start)))
    out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}

describe('extension quick fixes on engine diagnostics', () => {
  let dir: string;
  let engine: Engine;
  const evidence = () => `${dir}/a.evidence.yaml`;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ep-ext-fix-')).replace(/\\/g, '/');
    writeFileSync(`${dir}/evidence-pack.yaml`, 'pack: 1\nstandard: gbt27922-2011\nassessment: {date: 2026-10-15}\n');
    writeFileSync(
      evidence(),
      [
        'clauses:',
        '  - clause: 5.10',
        '    evidence: []',
        '  - clause: "5.2.6"',
        '    status: excluded',
        '  - clause: "5.2.4"',
        '    evidence:',
        '      - kind: recrod',
        '        title: 维修工单',
        '',
      ].join('\n'),
    );
    engine = new Engine({ fs: nodeFileSystem, clock: { today: () => '2026-10-01' }, lang: 'en', workspaceRoot: dir });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function fixesFor(result: PackResult, code: DiagnosticCode, clause?: string): Promise<FixPlan[]> {
    const d = result.diagnostics.find((x) => x.code === code && (!clause || x.clause === clause));
    assert.ok(d, `a ${code} diagnostic`);
    return planQuickFixes({
      file: d.file,
      text: readFileSync(d.file, 'utf8'),
      diagnostic: d,
      result,
      lang: 'en',
      today: '2026-10-01',
      readText: async (f) => readFileSync(f, 'utf8'),
    });
  }

  async function applyPlan(plan: FixPlan): Promise<PackResult> {
    writeFileSync(plan.file, apply(readFileSync(plan.file, 'utf8'), plan.edits));
    engine.invalidate(plan.file);
    return engine.checkPack(dir);
  }

  it('unknown-clause: quotes an unquoted id, or replaces it with a close leaf id', async () => {
    const fixes = await fixesFor(await engine.checkPack(dir), 'unknown-clause');
    assert.equal(fixes[0].title, 'Quote the clause id: "5.10"');
    assert.ok(
      fixes.slice(1).every((f) => /^Change to clause 5\.1/.test(f.title)),
      JSON.stringify(fixes.map((f) => f.title)),
    );
    await applyPlan(fixes[0]);
    assert.match(readFileSync(evidence(), 'utf8'), /- clause: "5\.10"\n/);
    const replaced = await applyPlan(fixes[1]);
    assert.ok(!replaced.diagnostics.some((d) => d.code === 'unknown-clause'));
  });

  it('exclusion-needs-justification: adds an empty justification under the status', async () => {
    const [fix] = await fixesFor(await engine.checkPack(dir), 'exclusion-needs-justification');
    assert.equal(fix.title, 'Add a justification');
    assert.equal(fix.preferred, true);
    await applyPlan(fix);
    const entry = parse(readFileSync(evidence(), 'utf8')).clauses[1];
    assert.deepEqual(entry, { clause: '5.2.6', status: 'excluded', justification: '' });
  });

  it('unknown-kind: the preferred fix is the closest kind and clears the error', async () => {
    const fixes = await fixesFor(await engine.checkPack(dir), 'unknown-kind');
    const preferred = fixes.find((f) => f.preferred)!;
    assert.equal(preferred.title, 'Change the kind to "Record"');
    const after = await applyPlan(preferred);
    assert.ok(!after.diagnostics.some((d) => d.code === 'unknown-kind'));
    assert.match(readFileSync(evidence(), 'utf8'), /- kind: record\n {8}title: 维修工单/);
  });

  it('missing-evidence: stubs each missing kind, or all of them, in the entry; the score does not move', async () => {
    const before = await engine.checkPack(dir);
    const fixes = await fixesFor(before, 'missing-evidence', '5.2.4');
    const missing = before.score!.clauses.find((c) => c.id === '5.2.4')!.missingKinds;
    assert.ok(missing.length > 1);
    missing.forEach((k, i) => assert.match(fixes[i].title, new RegExp(`^Add a "${k}" evidence item$`, 'i')));
    const all = fixes.find((f) => f.preferred)!;
    assert.match(all.title, /every missing kind/);
    const after = await applyPlan(all);
    const kinds = after.entries.find((e) => e.clause === '5.2.4')!.evidence.map((e) => e.kind);
    assert.deepEqual(kinds, ['recrod', ...missing]);
    assert.equal(after.score!.score, before.score!.score);
  });

  it('on a file whose lines end in a lone CR, a fix edits the text its diagnostic is about', async () => {
    writeFileSync(evidence(), readFileSync(evidence(), 'utf8').replace(/\n/g, '\r'));
    const replace = (await fixesFor(await engine.checkPack(dir), 'unknown-kind')).find((f) => f.preferred)!;
    await applyPlan(replace);
    assert.match(readFileSync(evidence(), 'utf8'), /\r {6}- kind: record\r {8}title: 维修工单\r/);
    const [justify] = await fixesFor(await engine.checkPack(dir), 'exclusion-needs-justification');
    const after = await applyPlan(justify);
    assert.match(readFileSync(evidence(), 'utf8'), /\r {4}status: excluded\r {4}justification: ""\r/);
    assert.ok(!after.diagnostics.some((d) => d.code === 'yaml-syntax' || d.code === 'schema'));
  });

  it('missing-evidence in a Chinese Markdown file: a to-do in Chinese (label and ：), never a new error', async () => {
    const md = `${dir}/b.evidence.md`;
    writeFileSync(md, '# 5.3 顾客服务 — 海川家电\n\n## 5.3.2 投诉处理\n\n- 文件：[投诉处理程序](a.evidence.yaml)\n');
    const before = await engine.checkPack(dir);
    const errors = (r: PackResult) => r.diagnostics.filter((d) => d.severity === 'error').length;
    const d = before.diagnostics.find((x) => x.code === 'missing-evidence' && x.clause === '5.3.2')!;
    const fixes = await planQuickFixes({
      file: md,
      text: readFileSync(md, 'utf8'),
      diagnostic: d,
      result: before,
      lang: 'en',
      today: '2026-10-01',
      readText: async (f) => readFileSync(f, 'utf8'),
    });
    const after = await applyPlan(fixes[0]);
    assert.equal(
      readFileSync(md, 'utf8'),
      '# 5.3 顾客服务 — 海川家电\n\n## 5.3.2 投诉处理\n\n- 文件：[投诉处理程序](a.evidence.yaml)\n- [ ] 记录：（名称、链接、日期）\n',
    );
    assert.equal(errors(after), errors(before));
    assert.equal(after.score!.score, before.score!.score);
    assert.ok(after.diagnostics.some((x) => x.code === 'open-action' && x.file === md));
  });

  it('a new zh-CN pack (from init): every fix inserts Chinese words, never a kind id, and the kinds it writes are read as those kinds', async () => {
    rmSync(dir, { recursive: true, force: true });
    for (const f of planInit(builtinStandard('gbt27922-2011')!, 'gbt27922-2011', 'zh-CN', {
      date: '2026-10-15',
      organization: '海川家电',
    })) {
      const file = `${dir}/${f.path}`;
      mkdirSync(file.replace(/\/[^/]*$/, ''), { recursive: true });
      writeFileSync(file, f.text);
    }
    const before = await engine.checkPack(dir);
    const std = before.standard!;
    const ids = std.kinds.map((k) => k.id);
    const inserted: string[] = [];
    const plan = (r: PackResult, d: PackResult['diagnostics'][number]) =>
      planQuickFixes({
        file: d.file,
        text: readFileSync(d.file, 'utf8'),
        diagnostic: d,
        result: r,
        lang: 'zh-CN',
        today: '2026-10-01',
        readText: async (f) => readFileSync(f, 'utf8'),
      });
    for (const d of before.diagnostics.filter((x) => x.code === 'missing-evidence')) {
      for (const f of await plan(before, d)) {
        assert.doesNotMatch(f.title, new RegExp(`\\b(${ids.join('|')})\\b`), f.title);
        inserted.push(...f.edits.map((e) => e.newText));
      }
    }
    // apply the "all kinds" fix of three entries (each on a fresh check, as VS Code asks) and read them back
    const idOf = (w: string) => std.kinds.find((k) => k.id === w || k.label['zh-CN'] === w)?.id;
    let result = before;
    for (let stubbed = 0; stubbed < 3; stubbed++) {
      const d = result.diagnostics.find(
        (x) => x.code === 'missing-evidence' && result.entries.find((e) => e.clause === x.clause)?.evidence.length === 0,
      )!;
      const want = result.score!.clauses.find((c) => c.id === d.clause)!.missingKinds;
      result = await applyPlan((await plan(result, d)).find((f) => f.preferred)!);
      const entry = result.entries.find((e) => e.clause === d.clause)!;
      assert.ok(
        entry.evidence.every((e) => /[\u4e00-\u9fff]/.test(e.kind)),
        'written as Chinese labels',
      );
      assert.deepEqual(
        entry.evidence.map((e) => idOf(e.kind)),
        want,
        `${d.clause}: the labels written are read as the kinds`,
      );
      assert.ok(
        !result.diagnostics.some(
          (x) => x.file === d.file && (x.code === 'unknown-kind' || x.code === 'schema' || x.code === 'yaml-syntax'),
        ),
      );
    }
    assert.ok(inserted.length > 10);
    const kindValues = inserted.join('\n').match(/kind: \S+/g) ?? [];
    assert.ok(kindValues.length > 0);
    assert.deepEqual(
      kindValues.filter((v) => /[a-z]/.test(v.slice(6))),
      [],
      'kinds written as ids in a Chinese file',
    );
  });

  it('a file that writes kinds as ids keeps ids; a Chinese misspelling is replaced by the Chinese label', async () => {
    writeFileSync(evidence(), readFileSync(evidence(), 'utf8').replace('kind: recrod', 'kind: 纪录'));
    const [replace] = await fixesFor(await engine.checkPack(dir), 'unknown-kind');
    assert.equal(replace.title, 'Change the kind to "Record"');
    const after = await applyPlan(replace);
    assert.match(readFileSync(evidence(), 'utf8'), /- kind: 记录\n/);
    assert.ok(!after.diagnostics.some((d) => d.code === 'unknown-kind'));
  });

  it('missing-clause (on the manifest): adds the entry to an evidence file of the pack', async () => {
    const before = await engine.checkPack(dir);
    const d = before.diagnostics.find((x) => x.code === 'missing-clause' && x.clause === '5.1.2.2')!;
    assert.equal(d.file, `${dir}/evidence-pack.yaml`);
    const [fix] = await fixesFor(before, 'missing-clause', '5.1.2.2');
    assert.equal(fix.title, 'Add an entry for clause 5.1.2.2 to a.evidence.yaml');
    assert.equal(fix.file, evidence());
    const after = await applyPlan(fix);
    assert.equal(after.score!.clauses.find((c) => c.id === '5.1.2.2')!.state, 'incomplete');
    assert.ok(!after.diagnostics.some((x) => x.code === 'missing-clause' && x.clause === '5.1.2.2'));
  });
});
