// The engine around the rules: pack discovery, caching, bad input, standards and scoring sheets.
import assert from 'node:assert/strict';
import { allMetExcept, codes, engineFor, LEAVES, manifest, memFs, metEntry, TEST_STANDARD } from './support/memFs';

describe('engine', () => {
  describe('packs', () => {
    it('finds several packs and nested packs; each file belongs to the nearest manifest above it', async () => {
      const fs = memFs({
        '/ws/clients/a/evidence-pack.yaml': manifest(),
        '/ws/clients/a/std.yaml': TEST_STANDARD,
        '/ws/clients/a/x.evidence.yaml': allMetExcept(['2.5']),
        '/ws/clients/a/sub/evidence-pack.yaml': manifest(),
        '/ws/clients/a/sub/std.yaml': TEST_STANDARD,
        '/ws/clients/a/sub/y.evidence.yaml': allMetExcept([]),
        '/ws/clients/b/evidence-pack.yaml': manifest(),
        '/ws/clients/b/std.yaml': TEST_STANDARD,
        '/ws/node_modules/z/evidence-pack.yaml': manifest(),
      });
      const engine = engineFor(fs);
      assert.deepEqual(await engine.findPacks('/ws'), ['/ws/clients/a', '/ws/clients/a/sub', '/ws/clients/b']);
      const a = await engine.checkPack('/ws/clients/a');
      assert.deepEqual(a.files, ['/ws/clients/a/x.evidence.yaml']);
      assert.equal(a.score!.score, 90);
      assert.equal((await engine.checkPack('/ws/clients/a/sub')).score!.score, 100);
      assert.equal((await engine.checkPack('/ws/clients/b')).score!.score, 0);
      assert.equal(await engine.packOf('/ws/clients/a/sub/y.evidence.yaml'), '/ws/clients/a/sub');
      assert.deepEqual(await engine.findPacks('/ws/clients/a/sub/deeper'), ['/ws/clients/a/sub']);
    });

    it('honours the manifest evidence globs', async () => {
      const fs = memFs({
        '/ws/p/evidence-pack.yaml': manifest('evidence: ["proof/**/*.yaml"]\n'),
        '/ws/p/std.yaml': TEST_STANDARD,
        '/ws/p/proof/deep/a.yaml': allMetExcept([]),
        '/ws/p/ignored.evidence.yaml': 'not: [valid',
      });
      const r = await engineFor(fs).checkPack('/ws/p');
      assert.deepEqual(r.files, ['/ws/p/proof/deep/a.yaml']);
      assert.equal(r.score!.score, 100);
    });
  });

  describe('cache', () => {
    it('re-reads and re-parses only the file that changed', async () => {
      const fs = memFs({
        '/ws/p/evidence-pack.yaml': manifest(),
        '/ws/p/std.yaml': TEST_STANDARD,
        '/ws/p/a.evidence.yaml': allMetExcept(['2.5']),
        '/ws/p/b.evidence.yaml': 'clauses: []\n',
      });
      const engine = engineFor(fs);
      assert.equal((await engine.checkPack('/ws/p')).score!.score, 90);
      fs.reads.length = 0;
      fs.write('/ws/p/b.evidence.yaml', 'clauses:\n  - clause: "2.5"\n    evidence: [{kind: document, title: d}]\n');
      engine.invalidate('/ws/p/b.evidence.yaml');
      assert.equal((await engine.checkPack('/ws/p')).score!.score, 100);
      assert.deepEqual(fs.reads, ['/ws/p/b.evidence.yaml']);
    });

    it('an attachment that appears fixes the broken link of the file that points to it', async () => {
      const fs = memFs({
        '/ws/p/evidence-pack.yaml': manifest(),
        '/ws/p/std.yaml': TEST_STANDARD,
        '/ws/p/a.evidence.yaml': allMetExcept(['2.5'], '  - clause: "2.5"\n    evidence: [{kind: document, title: d, file: att/x.pdf}]\n'),
      });
      const engine = engineFor(fs);
      assert.deepEqual(codes(await engine.checkPack('/ws/p')).sort(), ['broken-link', 'missing-evidence']);
      fs.write('/ws/p/att/x.pdf', '%PDF');
      engine.invalidate('/ws/p/att/x.pdf', 'create');
      const r = await engine.checkPack('/ws/p');
      assert.deepEqual(codes(r), []);
      assert.equal(r.score!.score, 100);
    });

    it('a keystroke in one file looks up none of the attachments again; deleting their folder breaks the links', async () => {
      const linked = (id: string) => `  - clause: "${id}"\n    evidence: [{kind: document, title: d, file: att/${id}.pdf}]\n`;
      const fs = memFs({
        '/ws/p/evidence-pack.yaml': manifest(),
        '/ws/p/std.yaml': TEST_STANDARD,
        '/ws/p/a.evidence.yaml': allMetExcept(['2.4', '2.5'], linked('2.4')),
        '/ws/p/b.evidence.yaml': `clauses:\n${linked('2.5')}`,
        '/ws/p/att/2.4.pdf': '%PDF',
        '/ws/p/att/2.5.pdf': '%PDF',
      });
      const looked: string[] = [];
      const realpath = fs.realpath.bind(fs);
      fs.realpath = async (p) => {
        looked.push(p);
        return realpath(p);
      };
      const engine = engineFor(fs);
      assert.equal((await engine.checkPack('/ws/p')).score!.score, 100);
      looked.length = 0;
      // Typing in b (its link unchanged): the link state comes from the engine, not the disk.
      fs.write('/ws/p/b.evidence.yaml', `# edited\nclauses:\n${linked('2.5')}`);
      engine.invalidate('/ws/p/b.evidence.yaml');
      assert.equal((await engine.checkPack('/ws/p')).score!.score, 100);
      assert.deepEqual(
        looked.filter((p) => p.includes('/att/')),
        [],
      );
      // The folder goes: both files' links are looked up again and are broken.
      fs.remove('/ws/p/att/2.4.pdf');
      fs.remove('/ws/p/att/2.5.pdf');
      engine.invalidate('/ws/p/att', 'delete');
      const r = await engine.checkPack('/ws/p');
      assert.deepEqual(
        r.diagnostics.filter((d) => d.code === 'broken-link').map((d) => d.file),
        ['/ws/p/a.evidence.yaml', '/ws/p/b.evidence.yaml'],
      );
      assert.equal(r.score!.score, 80);
    });

    it('after every one of 60 random edits, the cached engine gives what a fresh engine gives (diagnostics, score, leaves)', async () => {
      // Edits that move the facts a merge keeps: statuses that win or conflict, exclusions, samples,
      // awarded points, evidence that counts or not, entries that come and go.
      const snippets = [
        ...LEAVES.map(metEntry),
        '  - clause: "1.1"\n    status: excluded\n    justification: n/a\n',
        '  - clause: "1.1"\n    status: excluded\n',
        '  - clause: "1.3"\n    status: nonconforming\n',
        '  - clause: "1.3"\n    status: partial\n    evidence: [{kind: document, title: p}]\n',
        '  - clause: "1.2"\n    status: partial\n    samples: {size: 10, nonconforming: 3}\n',
        '  - clause: "1.2"\n    samples: {size: 20, nonconforming: 1}\n    evidence: [{kind: record, title: r, date: 2020-01-01}]\n',
        '  - clause: "2.2"\n    awarded: 4\n    status: partial\n',
        '  - clause: "2.3"\n    evidence: [{kind: document, title: gone, file: att/none.pdf}]\n',
        '  - clause: "2.4"\n    status: conforming\n    evidence: [{kind: interview, title: k}]\n',
        '  - clause: "9.9"\n    evidence: [{kind: document, title: u}]\n',
      ];
      let seed = 12345;
      const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      const randomFile = () =>
        'clauses:\n' + Array.from({ length: Math.floor(rnd() * 6) }, () => snippets[Math.floor(rnd() * snippets.length)]).join('');
      const names = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => `/ws/p/${n}.evidence.yaml`);
      const fs = memFs({
        '/ws/p/evidence-pack.yaml': manifest(),
        '/ws/p/std.yaml': TEST_STANDARD,
        ...Object.fromEntries(names.map((n) => [n, randomFile()])),
      });
      const engine = engineFor(fs);
      await engine.checkPack('/ws/p');
      for (let step = 0; step < 60; step++) {
        const edited = names[Math.floor(rnd() * names.length)];
        fs.write(edited, randomFile());
        engine.invalidate(edited);
        if (rnd() < 0.2) {
          const other = names[Math.floor(rnd() * names.length)];
          fs.write(other, randomFile());
          engine.invalidate(other);
        }
        const cached = await engine.checkPack('/ws/p');
        const fresh = await engineFor(fs).checkPack('/ws/p');
        assert.deepEqual(cached.diagnostics, fresh.diagnostics, `step ${step}`);
        assert.deepEqual(cached.score, fresh.score, `step ${step}`);
        assert.deepEqual(cached.entries, fresh.entries, `step ${step}`);
      }
    });

    it('a new evidence file is found after a create event, and a deleted one is dropped', async () => {
      const fs = memFs({
        '/ws/p/evidence-pack.yaml': manifest(),
        '/ws/p/std.yaml': TEST_STANDARD,
        '/ws/p/a.evidence.yaml': allMetExcept(['2.5']),
      });
      const engine = engineFor(fs);
      await engine.checkPack('/ws/p');
      fs.write('/ws/p/n.evidence.yaml', 'clauses:\n  - clause: "2.5"\n    evidence: [{kind: document, title: d}]\n');
      engine.invalidate('/ws/p/n.evidence.yaml', 'create');
      assert.equal((await engine.checkPack('/ws/p')).score!.score, 100);
      fs.remove('/ws/p/n.evidence.yaml');
      engine.invalidate('/ws/p/n.evidence.yaml', 'delete');
      const r = await engine.checkPack('/ws/p');
      assert.equal(r.score!.score, 90);
      assert.ok(!r.diagnostics.some((d) => d.file === '/ws/p/n.evidence.yaml'));
    });

    it('a manifest change (assessment date) re-checks every file against the new window', async () => {
      const fs = memFs({
        '/ws/p/evidence-pack.yaml': manifest(),
        '/ws/p/std.yaml': TEST_STANDARD,
        '/ws/p/a.evidence.yaml': allMetExcept([]),
      });
      const engine = engineFor(fs);
      assert.equal((await engine.checkPack('/ws/p')).score!.score, 100);
      fs.write('/ws/p/evidence-pack.yaml', 'pack: 1\nstandard: ./std.yaml\nassessment: {date: 2028-01-01}\n');
      engine.invalidate('/ws/p/evidence-pack.yaml');
      const r = await engine.checkPack('/ws/p');
      assert.ok(codes(r).includes('stale-evidence'));
      assert.equal(r.score!.score, 90);
    });
  });

  describe('bad input never stops the pack', () => {
    const pack = (extra: Record<string, string | Uint8Array>) =>
      memFs({
        '/ws/p/evidence-pack.yaml': manifest(),
        '/ws/p/std.yaml': TEST_STANDARD,
        '/ws/p/good.evidence.yaml': allMetExcept(['2.5']),
        ...extra,
      });
    const cases: [string, string | Uint8Array, string][] = [
      ['an empty file', '', 'schema'],
      ['binary content', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0x1a]), 'file-unreadable'],
      ['invalid UTF-8', new Uint8Array([0x63, 0x6c, 0xff, 0xfe, 0x3a]), 'file-unreadable'],
      ['a list instead of a mapping', '- clause: "2.5"\n', 'schema'],
      ['wrong types', 'clauses:\n  - clause: "2.5"\n    evidence: yes\n', 'schema'],
    ];
    for (const [name, content, code] of cases) {
      it(`${name} → ${code} on that file, the rest still scored`, async () => {
        const r = await engineFor(pack({ '/ws/p/bad.evidence.yaml': content })).checkPack('/ws/p');
        const d = r.diagnostics.find((x) => x.file === '/ws/p/bad.evidence.yaml' && x.code === code);
        assert.ok(d, `${code} expected on bad.evidence.yaml`);
        assert.equal(d.severity, 'error');
        assert.equal(r.score!.score, 90);
      });
    }
    it('a file above the size limit is skipped with file-too-large', async () => {
      const r = await engineFor(pack({ '/ws/p/big.evidence.yaml': 'clauses: []\n' + '#'.repeat(8000) }), { maxFileSize: 4000 }).checkPack(
        '/ws/p',
      );
      assert.deepEqual(
        r.diagnostics.filter((d) => d.file.endsWith('big.evidence.yaml')).map((d) => [d.code, d.severity]),
        [['file-too-large', 'warning']],
      );
    });
    it('an unknown standard id is a manifest error on the standard value, and nothing is scored', async () => {
      const fs = memFs({ '/ws/p/evidence-pack.yaml': 'pack: 1\nstandard: gbt-9999\n' });
      const r = await engineFor(fs).checkPack('/ws/p');
      assert.equal(r.score, undefined);
      assert.equal(r.diagnostics[0].code, 'manifest-invalid');
      assert.deepEqual(r.diagnostics[0].range, { start: { line: 1, character: 10 }, end: { line: 1, character: 18 } });
      assert.match(r.diagnostics[0].message, /gbt27922-2011/);
    });
    it('a manifest that does not parse is yaml-syntax, not a crash', async () => {
      const fs = memFs({ '/ws/p/evidence-pack.yaml': 'pack: 1\nstandard: [\n' });
      const r = await engineFor(fs).checkPack('/ws/p');
      assert.equal(r.score, undefined);
      assert.ok(codes(r).includes('yaml-syntax'));
    });
    it('a manifest without standard says so', async () => {
      const r = await engineFor(memFs({ '/ws/p/evidence-pack.yaml': 'pack: 1\n' })).checkPack('/ws/p');
      assert.ok(codes(r).includes('schema'));
      assert.equal(r.score, undefined);
    });
  });

  describe('standards and scoring sheets', () => {
    it('the built-in gbt27922-2011 loads and scores an empty pack as missing everything', async () => {
      const r = await engineFor(memFs({ '/ws/p/evidence-pack.yaml': 'pack: 1\nstandard: gbt27922-2011\n' })).checkPack('/ws/p');
      assert.equal(r.score!.standard.weights, 'provisional');
      assert.equal(r.score!.score, 0);
      assert.equal(r.score!.rating.id, 'fail');
      assert.equal(r.score!.clauses.length, r.standard!.leaves.length);
      assert.ok(r.score!.clauses.every((c) => c.state === 'missing'));
      assert.deepEqual(
        r.score!.sections.map((s) => [s.id, s.applicable]),
        [
          ['5.1', 40],
          ['5.2', 35],
          ['5.3', 25],
        ],
      );
    });
    it('points-mismatch: a parent stating points that its leaves do not sum to', async () => {
      const std = TEST_STANDARD.replace(
        '    points: 50\n    children:\n      - {id: "1.1"',
        '    points: 45\n    children:\n      - {id: "1.1"',
      );
      const r = await engineFor(memFs({ '/ws/p/evidence-pack.yaml': manifest(), '/ws/p/std.yaml': std })).checkPack('/ws/p');
      const d = r.diagnostics.find((x) => x.code === 'points-mismatch')!;
      assert.equal(d.file, '/ws/p/std.yaml');
      assert.equal(d.clause, '1');
      assert.match(d.message, /states 45 points but its sub-clauses sum to 50/);
    });
    it('a scoring sheet replaces leaf points; totals that still hold are accepted', async () => {
      const sheet = 'standard: test-std\nsource: 某认证机构评分表 2026\npoints: {"1.1": 6, "1.2": 14}\n';
      const fs = memFs({
        '/ws/p/evidence-pack.yaml': manifest('scoring: ./sheet.yaml\n'),
        '/ws/p/std.yaml': TEST_STANDARD,
        '/ws/p/sheet.yaml': sheet,
        '/ws/p/a.evidence.yaml': allMetExcept(['1.2']),
      });
      const r = await engineFor(fs).checkPack('/ws/p');
      assert.deepEqual(
        codes(r).filter((c) => c !== 'missing-clause'),
        [],
      );
      assert.equal(r.score!.score, 86);
      assert.equal(r.score!.standard.scoringSource, '某认证机构评分表 2026');
    });
    it('a scoring sheet that breaks a total is points-mismatch on the sheet', async () => {
      const fs = memFs({
        '/ws/p/evidence-pack.yaml': manifest('scoring: ./sheet.yaml\n'),
        '/ws/p/std.yaml': TEST_STANDARD,
        '/ws/p/sheet.yaml': 'standard: test-std\nsource: x\npoints: {"1.1": 12}\n',
      });
      const r = await engineFor(fs).checkPack('/ws/p');
      const d = r.diagnostics.find((x) => x.code === 'points-mismatch')!;
      assert.equal(d.file, '/ws/p/sheet.yaml');
      assert.equal(d.range.start.line, 2);
    });
  });
});
