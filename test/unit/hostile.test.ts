// Hostile packs: files a client or a colleague might send (by accident or not) must never crash
// the engine, hang it, make it read outside the workspace or reach Object.prototype. Each case
// runs the real Engine on the real disk (a temp copy of the demo pack) through a FileSystem that
// records every path it is asked about. The hang guard is mocha's timeout; no durations are asserted.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Engine } from '../../src/core/engine';
import { nodeFileSystem } from '../../src/node/nodeFs';
import { workspaceFsHost } from './support/workspaceFsFake';
import type { FileSystem } from '../../src/core/host';
import type { Diagnostic, DiagnosticCode, PackResult } from '../../src/core/types';
import { allMetExcept, engineFor, manifest, memFs, TEST_STANDARD } from './support/memFs';

const REPO = path.resolve(__dirname, '../..');
const HOSTILE = path.join(REPO, 'test/fixtures/hostile');
const DEMO = path.join(REPO, 'examples/demo-pack');
const TODAY = '2026-10-15';
const slash = (p: string) => p.replace(/\\/g, '/');
const inside = (root: string, p: string) => p === root || p.startsWith(root + '/');

// ------------------------------------------------------------------ workspace and recording fs

interface Ws {
  /** Workspace root (real path, forward slashes). */
  root: string;
  /** The demo pack copy: <root>/pack. */
  pack: string;
  /** A folder next to the workspace holding "secrets" nothing may read. */
  outside: string;
}

const temps: string[] = [];
function workspace(): Ws {
  const tmp = slash(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ep-hostile-'))));
  temps.push(tmp);
  const root = `${tmp}/ws`,
    outside = `${tmp}/outside`;
  fs.mkdirSync(outside, { recursive: true });
  for (const name of ['secret', 'secret.pdf', 'passwd', 'evidence-pack.yaml', 'std.yaml', 'x.evidence.yaml']) {
    fs.writeFileSync(`${outside}/${name}`, name.endsWith('.yaml') ? 'pack: 1\nstandard: gbt27922-2011\nclauses: []\n' : 'TOP SECRET\n');
  }
  fs.cpSync(DEMO, `${root}/pack`, { recursive: true });
  return { root, pack: `${root}/pack`, outside };
}

type Op = 'readFile' | 'stat' | 'lstat' | 'readDir' | 'realpath';
interface Recorder extends FileSystem {
  calls: { op: Op; path: string }[];
}

/** Wraps a FileSystem, recording every path it is asked about; `deny` makes reads of a path fail. */
function recording(base: FileSystem, deny: (p: string) => boolean = () => false): Recorder {
  const calls: Recorder['calls'] = [];
  return {
    calls,
    async readFile(p) {
      calls.push({ op: 'readFile', path: p });
      if (deny(p)) throw Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: 'EACCES' });
      return base.readFile(p);
    },
    async stat(p, lstat) {
      calls.push({ op: lstat ? 'lstat' : 'stat', path: p });
      return base.stat(p, lstat);
    },
    async readDir(p) {
      calls.push({ op: 'readDir', path: p });
      return base.readDir(p);
    },
    async realpath(p) {
      calls.push({ op: 'realpath', path: p });
      return base.realpath(p);
    },
  };
}

interface Run {
  result: PackResult;
  rec: Recorder;
  engine: Engine;
}

async function check(
  ws: Ws,
  opts: { root?: string; maxFileSize?: number; deny?: (p: string) => boolean; lang?: 'en' | 'zh-CN' } = {},
): Promise<Run> {
  const rec = recording(host.fs(ws.root), opts.deny);
  const engine = new Engine({
    fs: rec,
    clock: { today: () => TODAY },
    lang: opts.lang ?? 'en',
    workspaceRoot: ws.root,
    maxFileSize: opts.maxFileSize,
  });
  const result = await engine.checkPack(opts.root ?? ws.pack);
  assertNothingReadOutside(ws, rec);
  assertDiagnosticsWellFormed(result);
  return { result, rec, engine };
}

/**
 * No path outside the workspace is ever named to the file system, and nothing whose real path is
 * outside is read or listed. (Following an inside symlink with stat/realpath to learn that it
 * points out is the one look the engine may take.)
 */
function assertNothingReadOutside(ws: Ws, rec: Recorder): void {
  for (const c of rec.calls) {
    assert.ok(inside(ws.root, c.path), `${c.op} of a path outside the workspace: ${c.path}`);
    if (c.op === 'readFile' || c.op === 'readDir') {
      let real: string | undefined;
      try {
        real = slash(fs.realpathSync(c.path));
      } catch {
        real = undefined;
      }
      if (real !== undefined) assert.ok(inside(ws.root, real), `${c.op} of ${c.path} reads ${real}, outside the workspace`);
    }
  }
}

function assertDiagnosticsWellFormed(r: PackResult): void {
  for (const d of r.diagnostics) {
    assert.equal(typeof d.message, 'string');
    assert.ok(d.message.length > 0, `empty message for ${d.code}`);
    for (const p of [d.range.start, d.range.end])
      assert.ok(
        Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.character) && p.character >= 0,
        `bad range ${JSON.stringify(d.range)}`,
      );
  }
  if (r.score) assert.ok(r.score.score >= 0 && r.score.score <= 100, `score ${r.score.score}`);
}

function on(r: PackResult, file: string, code?: DiagnosticCode): Diagnostic[] {
  return r.diagnostics.filter((d) => d.file === file && (code === undefined || d.code === code));
}

/** The text a diagnostic's range covers, in the file as an editor shows it (BOM dropped, lines split at \n). */
function rangeText(file: string, d: Diagnostic): string {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split('\n');
  assert.equal(d.range.start.line, d.range.end.line, 'single-line range expected');
  return lines[d.range.start.line].slice(d.range.start.character, d.range.end.character);
}

/** What the clean demo pack scores; hostile additions must leave it (or the named clauses' rest) unchanged. */
let baseline: { score: number; clauses: Map<string, string> };
function assertRestScored(r: PackResult, except: string[] = []): void {
  assert.ok(r.score, 'the pack is still scored');
  for (const c of r.score.clauses) {
    if (except.includes(c.id)) continue;
    assert.equal(`${c.state} ${c.earned}`, baseline.clauses.get(c.id), `clause ${c.id} changed`);
  }
  if (except.length === 0) assert.equal(r.score.score, baseline.score);
}

function put(file: string, content: string | Uint8Array): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}
function fixture(name: string): Buffer {
  return fs.readFileSync(path.join(HOSTILE, name));
}

const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();

// Every case runs on both ways the extension reads a workspace: Node's fs (the CLI, the desktop extension)
// and vscode.workspace.fs (the browser build; here over the disk as VS Code's disk provider answers).
const HOSTS: { name: string; fs: (root: string) => FileSystem }[] = [
  { name: "Node's fs", fs: () => nodeFileSystem },
  { name: 'vscode.workspace.fs', fs: workspaceFsHost },
];
let host = HOSTS[0];

for (const h of HOSTS)
  describe(`hostile packs (${h.name})`, function () {
    this.timeout(60000); // the hang guard: every case must finish, however slowly a slow CI runs it

    before(() => {
      host = h;
    });
    before(async () => {
      const { result } = await check(workspace());
      assert.ok(result.score);
      baseline = { score: result.score.score, clauses: new Map(result.score.clauses.map((c) => [c.id, `${c.state} ${c.earned}`])) };
    });
    afterEach(() => {
      assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), protoKeys, 'Object.prototype gained keys');
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.equal((Object.prototype as Record<string, unknown>).counts, undefined);
    });
    after(() => {
      for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
    });

    describe('resource limits', () => {
      it('an alias bomb is a yaml-syntax error on its file, and the rest of the pack is scored', async () => {
        const ws = workspace();
        const f = put(`${ws.pack}/bomb.evidence.yaml`, fixture('alias-bomb.evidence.yaml'));
        const { result } = await check(ws);
        const d = on(result, f, 'yaml-syntax');
        assert.equal(d.length, 1);
        assert.match(d[0].message, /alias/i);
        assertRestScored(result);
      });

      it('an alias bomb in Markdown front matter, the manifest or a standard file is an error on that file', async () => {
        const bomb = fixture('alias-bomb.evidence.yaml')
          .toString('utf8')
          .replace(/^clauses:.*$/m, 'x: [*h, *h, *h, *h, *h, *h, *h, *h, *h]');
        let ws = workspace();
        const md = put(`${ws.pack}/bomb.evidence.md`, `---\n${bomb}---\n\n## 5.1.1.1 x\n`);
        let r = (await check(ws)).result;
        assert.equal(on(r, md, 'yaml-syntax').length, 1);
        assert.ok(r.score);

        ws = workspace();
        const m = put(`${ws.pack}/evidence-pack.yaml`, fs.readFileSync(`${ws.pack}/evidence-pack.yaml`, 'utf8') + bomb);
        r = (await check(ws)).result;
        assert.equal(on(r, m, 'yaml-syntax').length, 1);

        ws = workspace();
        const std = put(`${ws.pack}/std.yaml`, fs.readFileSync(path.join(REPO, 'schemas/standards/gbt27922-2011.yaml'), 'utf8') + bomb);
        fs.writeFileSync(
          `${ws.pack}/evidence-pack.yaml`,
          fs.readFileSync(`${ws.pack}/evidence-pack.yaml`, 'utf8').replace('standard: gbt27922-2011', 'standard: ./std.yaml'),
        );
        r = (await check(ws)).result;
        assert.equal(on(r, std, 'yaml-syntax').length, 1);
        assert.equal(r.score, undefined, 'no score without a usable standard');
      });

      const deepYaml: [string, string][] = [
        ['flow sequences', '['.repeat(10000) + ']'.repeat(10000)],
        ['flow mappings', '{a: '.repeat(10000) + '1' + '}'.repeat(10000)],
        ['block sequences', '- '.repeat(10000) + 'x'],
        ['clauses nested in evidence', 'clauses:\n  - clause: "5.1.1.1"\n    evidence: ' + '['.repeat(10000) + ']'.repeat(10000)],
      ];
      for (const [what, body] of deepYaml) {
        it(`YAML nested 10,000 levels deep (${what}) is an error on its file, the rest is scored`, async () => {
          const ws = workspace();
          const f = put(`${ws.pack}/deep.evidence.yaml`, body.startsWith('clauses') ? body : `clauses: ${body}\n`);
          const { result } = await check(ws);
          const d = on(result, f).filter((x) => x.severity === 'error');
          assert.ok(d.length >= 1, 'an error on the deep file');
          assertRestScored(result, ['5.1.1.1']);
        });
      }

      it('a manifest or standard nested 10,000 levels deep is a clear error, never a throw', async () => {
        const deep = '['.repeat(10000) + ']'.repeat(10000);
        let ws = workspace();
        const m = put(`${ws.pack}/evidence-pack.yaml`, `pack: 1\nstandard: gbt27922-2011\nx: ${deep}\n`);
        let r = (await check(ws)).result;
        assert.ok(on(r, m).some((d) => d.severity === 'error'));

        ws = workspace();
        const std = put(`${ws.pack}/std.yaml`, `id: deep\nclauses: ${deep}\n`);
        fs.writeFileSync(`${ws.pack}/evidence-pack.yaml`, 'pack: 1\nstandard: ./std.yaml\n');
        r = (await check(ws)).result;
        assert.ok(on(r, std).some((d) => d.severity === 'error'));
        assert.equal(r.score, undefined);

        // Valid clause trees: 40 levels load and score; 60 levels (121 YAML levels) are refused with a
        // clear message, every time - before the limit, whether toJS, ajv or the tree walk overflowed
        // the stack depended on the JIT (the same file loaded once and failed the next time).
        const deepStandard = (levels: number) => {
          let clauses = '{id: "9", title: {en: leaf, zh-CN: 叶}, points: 100, requires: [document]}';
          for (let i = 0; i < levels; i++) clauses = `{id: "p${i}", title: {en: p, zh-CN: p}, children: [${clauses}]}`;
          return `id: deep\ntitle: {en: d, zh-CN: d}\nweights: official\nkinds: [{id: document, label: {en: Document, zh-CN: 文件}}]\nrating: {scale: 100, rounding: 1, fail: {id: fail, label: {en: Fail, zh-CN: 不合格}}, bands: [{id: ok, min: 50, stars: 0, label: {en: OK, zh-CN: 合格}}]}\nclauses: [${clauses}]\n`;
        };
        for (const levels of [40, 60, 500, 800, 3000]) {
          ws = workspace();
          const std2 = put(`${ws.pack}/std.yaml`, deepStandard(levels));
          fs.writeFileSync(`${ws.pack}/evidence-pack.yaml`, 'pack: 1\nstandard: ./std.yaml\n');
          put(`${ws.pack}/deep.evidence.yaml`, 'clauses:\n  - clause: "9"\n    evidence: [{kind: document, title: d}]\n');
          r = (await check(ws)).result;
          if (levels === 40) {
            assert.equal(r.score?.score, 100);
          } else {
            assert.equal(r.score, undefined);
            const d = on(r, std2, 'yaml-syntax');
            assert.ok(
              d.some((x) => /nested more than 100 levels deep/.test(x.message)),
              `${levels} levels: ${d.map((x) => x.message)}`,
            );
          }
        }
      });

      const deepMd: [string, string][] = [
        ['blockquotes', '> '.repeat(10000) + '## 5.1.1.1 deep\n'],
        ['bullet lists', '- '.repeat(10000) + 'record: [x](attachments/none.pdf)\n'],
        ['ordered lists', '1. '.repeat(10000) + 'x\n'],
        ['brackets and emphasis', '## 5.1.1.1 x\n\n- record: ' + '['.repeat(10000) + '*'.repeat(10000) + '_'.repeat(10000) + '\n'],
        ['indented lists', Array.from({ length: 2000 }, (_, i) => ' '.repeat(i * 2) + '- item').join('\n') + '\n'],
      ];
      for (const [what, body] of deepMd) {
        it(`Markdown nested 10,000 deep (${what}) does not crash or hang, the rest is scored`, async () => {
          const ws = workspace();
          put(`${ws.pack}/deep.evidence.md`, `# deep\n\n${body}`);
          const { result } = await check(ws);
          assertRestScored(result, ['5.1.1.1']);
        });
      }

      it('a 5 MB single-line file (Markdown and YAML) is checked without hanging', async () => {
        const ws = workspace();
        const n = 5 * 1024 * 1024;
        // Shapes that make naive regexes backtrack: an unclosed link full of spaces, an endless title.
        const md = put(
          `${ws.pack}/long.evidence.md`,
          '## 5.1.1.1 long\n\n- record: [a](' + ' '.repeat(n) + 'x\n- document: [t](' + ' '.repeat(1000) + '"'.repeat(1000) + '\n',
        );
        const yml = put(`${ws.pack}/long.evidence.yaml`, `clauses: [{clause: "5.1.1.1", notes: "${'x'.repeat(n)}"}]\n`);
        const { result } = await check(ws);
        for (const f of [md, yml]) assert.ok(result.files.includes(f));
        assert.equal(on(result, md).filter((d) => d.severity === 'error').length, 0);
        assertRestScored(result, ['5.1.1.1']);
      });

      it('2,000,000 list items without a colon (the YAML fast path) are read in linear time', async () => {
        const ws = workspace();
        // The fast path looked for `:` and closing quotes with indexOf, which searched past each line to the
        // end of the text: 800,000 such items took 41 s, this 20 MB file minutes (the size limit is raised
        // for it). One file stays on the fast path, the other is declined at its last line (an unclosed
        // quote) after reading all the others.
        const head = 'clauses:\n  - clause: "5.1.1.1"\n    evidence: []\n    notes:\n';
        const a = put(`${ws.pack}/items.evidence.yaml`, head + '      - x\n'.repeat(2000000));
        const b = put(`${ws.pack}/quote.evidence.yaml`, head + '      - 第几项\n'.repeat(20000) + '      - "unclosed\n');
        const { result } = await check(ws, { maxFileSize: 32 * 1024 * 1024 });
        const notes = on(result, a, 'schema');
        assert.equal(notes.length, 1);
        assert.match(notes[0].message, /notes/);
        assert.equal(notes[0].range.start.line, 4);
        assert.deepEqual(
          on(result, b).map((d) => d.code),
          ['yaml-syntax'],
        );
        assertRestScored(result, ['5.1.1.1']);
      });

      it('150,000 keys in one mapping are checked in linear time, duplicates still reported', async () => {
        const ws = workspace();
        // yaml's own uniqueKeys check was O(n²): 40,000 keys took 11 s, this file would take minutes.
        const keys = Array.from({ length: 150000 }, (_, i) => `    k${i}: ${i}\n`).join('');
        const f = put(`${ws.pack}/keys.evidence.yaml`, `clauses:\n  - clause: "5.1.1.1"\n${keys}    k7: again\n`);
        const { result } = await check(ws);
        const d = on(result, f, 'yaml-syntax');
        assert.equal(d.length, 1);
        assert.equal(d[0].range.start.line, 150002);
        assert.equal(rangeText(f, d[0]), 'k7');
        assert.match(d[0].message, /unique/);
        assertRestScored(result, ['5.1.1.1']);
      });

      it('100,000 unexpected keys in one entry and in the manifest: one schema error each, on its key, in linear time', async () => {
        const ws = workspace();
        // Each error's key was found by scanning its mapping: O(n²), 20,000 keys took 2 s.
        const n = 100000;
        const f = put(
          `${ws.pack}/extra.evidence.yaml`,
          'clauses:\n  - clause: "5.1.1.1"\n' + Array.from({ length: n }, (_, i) => `    x${i}: ${i}\n`).join(''),
        );
        const m = `${ws.pack}/evidence-pack.yaml`;
        fs.appendFileSync(m, Array.from({ length: n }, (_, i) => `y${i}: ${i}\n`).join(''));
        const { result } = await check(ws);
        const d = on(result, f, 'schema');
        assert.equal(d.length, n);
        assert.equal(rangeText(f, d[n - 1]), `x${n - 1}`);
        const dm = on(result, m, 'schema');
        assert.equal(dm.length, n);
        assert.equal(rangeText(m, dm[n - 1]), `y${n - 1}`);
        assertRestScored(result, ['5.1.1.1']);
      });

      it('a standard with 40,000 kinds and a file with 40,000 items: kinds are looked up, not scanned', async () => {
        // kinds.find per item (and per missing kind) was O(items × kinds): 20,000 of each took 16 s.
        const n = 40000;
        const kinds = Array.from({ length: n }, (_, i) => `  - {id: k${i}, label: {zh-CN: 类${i}, en: K${i}}, dated: true}`).join('\n');
        const std = `id: s\ntitle: {zh-CN: s, en: s}\nweights: official\nkinds:\n${kinds}\nrating: {scale: 100, rounding: 1, fail: {id: fail, label: {en: Fail, zh-CN: 不合格}}, bands: [{id: ok, min: 50, stars: 0, label: {en: OK, zh-CN: 合格}}]}\nclauses:\n  - {id: "1", title: {en: a, zh-CN: a}, points: 1, requires: [k${n - 1}]}\n  - {id: "2", title: {en: b, zh-CN: b}, points: 1, requires: [k${n - 2}]}\n`;
        const items = Array.from({ length: n }, (_, i) => `      - {kind: k${n - 1 - (i % 10)}, title: t, date: 2026-01-01}`).join('\n');
        const fs = memFs({
          '/ws/p/evidence-pack.yaml': 'pack: 1\nstandard: ./std.yaml\n',
          '/ws/p/std.yaml': std,
          '/ws/p/a.evidence.yaml': `clauses:\n  - clause: "1"\n    evidence:\n${items}\n  - clause: "2"\n`,
        });
        const r = await engineFor(fs).checkPack('/ws/p');
        assert.equal(r.score?.score, 50);
        assert.deepEqual(
          r.diagnostics.map((d) => `${d.code} ${d.clause}`),
          ['missing-evidence 2'],
        );
        assert.match(r.diagnostics[0].message, new RegExp(`K${n - 2}`));
      });

      it('a standard of 20,000 top-level clauses scores in linear time, and again from the cache', async () => {
        // Every section was summed over every leaf: O(sections × leaves), 87 s (152 s re-checking).
        const n = 20000;
        const clauses = Array.from({ length: n }, (_, i) => `  - {id: "c${i}", title: {en: a, zh-CN: a}, points: 1, requires: [d]}`).join(
          '\n',
        );
        const std = `id: s\ntitle: {zh-CN: s, en: s}\nweights: official\nkinds:\n  - {id: d, label: {zh-CN: 文件, en: Doc}}\nrating: {scale: 100, rounding: 1, fail: {id: fail, label: {en: Fail, zh-CN: 不合格}}, bands: [{id: ok, min: 50, stars: 0, label: {en: OK, zh-CN: 合格}}]}\nclauses:\n${clauses}\n`;
        const fs = memFs({
          '/ws/p/evidence-pack.yaml': 'pack: 1\nstandard: ./std.yaml\n',
          '/ws/p/std.yaml': std,
          '/ws/p/a.evidence.yaml': 'clauses:\n  - clause: "c1"\n    evidence: [{kind: d, title: t}]\n',
        });
        const engine = engineFor(fs);
        for (let run = 0; run < 2; run++) {
          const s = (await engine.checkPack('/ws/p')).score!;
          assert.equal(s.sections.length, n);
          assert.deepEqual(s.sections[1], { id: 'c1', earned: 1, applicable: 1 });
          assert.equal(s.earned, 1);
          assert.equal(s.applicable, n);
        }
      });

      it('a file with 140,000 problems reports them all and the pack is still scored', async () => {
        const ws = workspace();
        // `push(...list)` with this many items overflowed the stack and failed the whole pack.
        const f = put(`${ws.pack}/many.evidence.yaml`, 'clauses: [' + '{clause: "9"}, '.repeat(140000) + ']\n');
        const { result } = await check(ws);
        assert.equal(on(result, f, 'unknown-clause').length, 140000);
        assertRestScored(result);
      });

      it('40,000 distinct reference links in one paragraph are placed on their definitions in linear time', async () => {
        const ws = workspace();
        // Each target used to be searched through the paragraph and then the whole file: 57 s.
        const n = 40000;
        const defs = Array.from({ length: n }, (_, i) => `[r${i}]: attachments/none-${i}.pdf`).join('\n');
        const refs = Array.from({ length: n }, (_, i) => `[a][r${i}]`).join(' ');
        const f = put(`${ws.pack}/refs2.evidence.md`, `## 5.1.1.1 refs\n\n${refs}\n\n${defs}\n`);
        const { result } = await check(ws);
        const d = on(result, f, 'broken-link');
        assert.equal(d.length, n);
        assert.equal(d[d.length - 1].range.start.line, 4 + n - 1);
        assert.equal(rangeText(f, d[d.length - 1]), `attachments/none-${n - 1}.pdf`);
        assertRestScored(result, ['5.1.1.1']);
      });

      it('100,000 reference links to one definition do not rescan the file for each link', async () => {
        const ws = workspace();
        const f = put(`${ws.pack}/refs.evidence.md`, '## 5.1.1.1 refs\n\n' + '[a][r]\n'.repeat(100000) + '\n[r]: attachments/none.pdf\n');
        const { result } = await check(ws);
        const d = on(result, f, 'broken-link');
        assert.equal(d.length, 100000);
        assert.equal(rangeText(f, d[0]), 'attachments/none.pdf');
        assertRestScored(result, ['5.1.1.1']);
      });

      it('an evidence glob with many wildcards is refused on its node instead of backtracking for minutes', async () => {
        const ws = workspace();
        // picomatch turns `*a*a*a*a*a*a*b` into a backtracking regex: against this file name it took 98 s.
        put(`${ws.pack}/${'a'.repeat(120)}`, 'x');
        fs.mkdirSync(`${ws.pack}/${'a/'.repeat(60)}`, { recursive: true });
        put(`${ws.pack}/${'a/'.repeat(60)}c.md`, 'x');
        const m = `${ws.pack}/evidence-pack.yaml`;
        const bad = ['**/*a*a*a*a*a*a*b', '**/*a*/**/*a*/**/c', '**/a/**/a/**/a/**/a/**/b'];
        fs.writeFileSync(
          m,
          fs.readFileSync(m, 'utf8') +
            `evidence: [${bad.map((g) => JSON.stringify(g)).join(', ')}, "**/*.evidence.yaml", "**/*.evidence.md"]\n`,
        );
        const { result } = await check(ws);
        const d = on(result, m, 'schema');
        assert.deepEqual(
          d.map((x) => rangeText(m, x)),
          bad.map((g) => JSON.stringify(g)),
        );
        assertRestScored(result);
      });

      it('a file above the size limit is skipped with file-too-large, and the rest is still checked', async () => {
        const ws = workspace();
        const limit = Math.max(
          ...fs
            .readdirSync(ws.pack)
            .filter((n) => n.endsWith('.yaml') || n.endsWith('.md'))
            .map((n) => fs.statSync(`${ws.pack}/${n}`).size),
        );
        const big = put(
          `${ws.pack}/big.evidence.yaml`,
          'clauses:\n' + '  - clause: "5.1.1.1"\n    status: nonconforming\n'.repeat(Math.ceil((limit + 1) / 40)),
        );
        const { result, rec } = await check(ws, { maxFileSize: limit });
        const d = on(result, big, 'file-too-large');
        assert.equal(d.length, 1);
        assert.equal(d[0].severity, 'warning');
        assert.ok(!rec.calls.some((c) => c.op === 'readFile' && c.path === big), 'the big file is not read');
        assertRestScored(result); // its nonconforming status never counted

        // A manifest above the limit: the pack cannot be used, and says so.
        const r2 = (await check(ws, { maxFileSize: 100 })).result;
        assert.equal(on(r2, `${ws.pack}/evidence-pack.yaml`, 'manifest-invalid').length, 1);
        assert.equal(r2.score, undefined);
      });
    });

    describe('wrong content', () => {
      const cases: [string, string][] = [
        ['binary content', 'binary.evidence.yaml'],
        ['invalid UTF-8', 'invalid-utf8.evidence.yaml'],
        ['UTF-16 with a BOM', 'utf16-bom.evidence.yaml'],
      ];
      for (const [what, name] of cases) {
        it(`${what} named like evidence is file-unreadable on that file, the rest is scored`, async () => {
          const ws = workspace();
          const f = put(`${ws.pack}/${name}`, fixture(name));
          const { result } = await check(ws);
          const d = on(result, f, 'file-unreadable');
          assert.equal(d.length, 1);
          assert.equal(d[0].severity, 'error');
          assert.deepEqual(d[0].range.start, { line: 0, character: 0 });
          assertRestScored(result);
        });
      }

      it('random bytes named .evidence.md are an error on that file', async () => {
        const ws = workspace();
        const bytes = new Uint8Array(4096);
        let x = 12345;
        for (let i = 0; i < bytes.length; i++) {
          x = (x * 1103515245 + 12345) >>> 0;
          bytes[i] = x >>> 24;
        }
        const f = put(`${ws.pack}/noise.evidence.md`, bytes);
        const { result } = await check(ws);
        assert.equal(on(result, f, 'file-unreadable').length, 1);
        assertRestScored(result);
      });

      it('a mapping or sequence used as a YAML key is a schema error, and Node prints no warning', async () => {
        const ws = workspace();
        const f = put(
          `${ws.pack}/keys.evidence.yaml`,
          'clauses:\n  - ? {clause: "5.1.1.1"}\n    : x\n    ? [a, b]\n    : y\n    clause: "5.1.1.1"\n',
        );
        const warnings: string[] = [];
        const onWarning = (w: Error) => warnings.push(w.message);
        process.on('warning', onWarning);
        try {
          const { result } = await check(ws);
          await new Promise((resolve) => setImmediate(resolve));
          assert.ok(on(result, f, 'schema').length >= 1);
          assertRestScored(result, ['5.1.1.1']);
        } finally {
          process.off('warning', onWarning);
        }
        assert.deepEqual(warnings, []);
      });

      it('a manifest that is a directory is manifest-invalid, and a sibling pack is still scored', async () => {
        const ws = workspace();
        const bad = `${ws.root}/bad`;
        fs.mkdirSync(`${bad}/evidence-pack.yaml`, { recursive: true });
        put(`${bad}/x.evidence.yaml`, 'clauses: []\n');
        const { result } = await check(ws, { root: bad });
        assert.equal(on(result, `${bad}/evidence-pack.yaml`, 'manifest-invalid').length, 1);
        assert.equal(result.score, undefined);
        const engine = new Engine({ fs: host.fs(ws.root), clock: { today: () => TODAY }, lang: 'en', workspaceRoot: ws.root });
        assert.deepEqual(await engine.findPacks(ws.root), [ws.pack]);
        assert.equal((await engine.checkPack(ws.pack)).score?.score, baseline.score);
      });

      it('an unreadable manifest is manifest-invalid; an unreadable evidence file is file-unreadable', async () => {
        const ws = workspace();
        const manifest = `${ws.pack}/evidence-pack.yaml`;
        let r = (await check(ws, { deny: (p) => p === manifest })).result;
        const d = on(r, manifest, 'manifest-invalid');
        assert.equal(d.length, 1);
        assert.match(d[0].message, /EACCES/);
        assert.equal(r.score, undefined);

        const ev = `${ws.pack}/5.2-commodity.evidence.yaml`;
        r = (await check(ws, { deny: (p) => p === ev })).result;
        assert.equal(on(r, ev, 'file-unreadable').length, 1);
        assert.ok(r.score);
      });

      for (const id of ['no-such-standard', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
        it(`an unknown standard id "${id}" is manifest-invalid on the standard value`, async () => {
          const ws = workspace();
          const m = put(`${ws.pack}/evidence-pack.yaml`, `pack: 1\nstandard: ${id}\n`);
          const { result } = await check(ws);
          const d = on(result, m, 'manifest-invalid');
          assert.equal(d.length, 1);
          assert.equal(d[0].range.start.line, 1);
          assert.equal(rangeText(m, d[0]), id);
          assert.match(d[0].message, /gbt27922-2011/);
          assert.equal(result.score, undefined);
        });
      }
    });

    describe('prototype keys', () => {
      it('__proto__/constructor/prototype as keys and clause ids are unknown clauses, never merged, and change no result', async () => {
        const ws = workspace();
        const f = put(`${ws.pack}/proto.evidence.yaml`, fixture('proto-keys.evidence.yaml'));
        const { result } = await check(ws);
        const unknown = on(result, f, 'unknown-clause')
          .map((d) => d.clause)
          .sort();
        assert.deepEqual(unknown, ['__proto__', 'constructor', 'hasOwnProperty', 'prototype', 'toString']);
        for (const d of on(result, f, 'unknown-clause')) assert.equal(rangeText(f, d), d.clause);
        // The top-level `__proto__:` and `constructor:` keys are not part of an evidence file.
        const extra = on(result, f, 'schema').map((d) => rangeText(f, d));
        assert.ok(extra.includes('__proto__') && extra.includes('constructor'), `schema errors on the keys: ${extra}`);
        assertRestScored(result);
        assert.ok(!result.score!.clauses.some((c) => ['__proto__', 'constructor', 'prototype'].includes(c.id)));
      });

      it('a standard whose ids and keys are __proto__/constructor/prototype is plain data and scores exactly', async () => {
        const ws = workspace();
        for (const n of fs.readdirSync(ws.pack)) if (n.includes('.evidence.')) fs.rmSync(`${ws.pack}/${n}`);
        put(`${ws.pack}/std.yaml`, fixture('proto-standard.yaml'));
        const ev = put(`${ws.pack}/proto.evidence.yaml`, fixture('proto-pack.evidence.yaml'));
        put(`${ws.pack}/evidence-pack.yaml`, 'pack: 1\nstandard: ./std.yaml\nassessment: {date: 2026-10-15}\n');
        const { result } = await check(ws);
        const std = result.standard!;
        assert.ok(std, JSON.stringify(result.diagnostics.map((d) => d.message)));
        assert.equal(std.id, '__proto__');
        assert.deepEqual(
          std.leaves.map((c) => c.id),
          ['constructor', 'prototype', 'toString'],
        );
        assert.deepEqual(
          std.kinds.map((k) => k.id),
          ['constructor', 'valueOf'],
        );
        const s = result.score!;
        assert.deepEqual(
          s.clauses.map((c) => `${c.id} ${c.state} ${c.earned}`),
          ['constructor met 50', 'prototype met 25', 'toString met 25'],
        );
        assert.equal(s.score, 100);
        assert.equal(s.rating.id, '__proto__');
        // Evidence on the parent `__proto__` is reported like any parent, and `__proto__:` keys are schema errors.
        assert.equal(on(result, ev, 'clause-not-leaf').length, 1);
        assert.ok(on(result, ev, 'schema').length >= 2);
        assert.equal(({} as Record<string, unknown>).counts, undefined);
      });

      it('a standard with a top-level __proto__ key is a schema error on that key, never merged', async () => {
        const ws = workspace();
        const std = put(
          `${ws.pack}/std.yaml`,
          fixture('proto-standard.yaml').toString('utf8') + '__proto__: {polluted: yes, weights: official}\n',
        );
        put(`${ws.pack}/evidence-pack.yaml`, 'pack: 1\nstandard: ./std.yaml\n');
        const { result } = await check(ws);
        const d = on(result, std, 'schema');
        assert.equal(d.length, 1);
        assert.equal(rangeText(std, d[0]), '__proto__');
        assert.equal(result.score, undefined);
      });

      it('a scoring sheet keyed by __proto__ and constructor changes only real leaves', async () => {
        const ws = workspace();
        put(
          `${ws.pack}/sheet.yaml`,
          'standard: gbt27922-2011\nsource: test\npoints:\n  __proto__: 99\n  constructor: 99\n  "5.1.1.1": 1\n',
        );
        const m = `${ws.pack}/evidence-pack.yaml`;
        fs.writeFileSync(
          m,
          fs.readFileSync(m, 'utf8').replace('standard: gbt27922-2011', 'standard: gbt27922-2011\nscoring: ./sheet.yaml'),
        );
        const { result } = await check(ws);
        const unknown = on(result, `${ws.pack}/sheet.yaml`, 'unknown-clause')
          .map((d) => d.clause)
          .sort();
        assert.deepEqual(unknown, ['__proto__', 'constructor']);
        assert.ok(result.standard);
        assert.equal(result.standard.byId.get('5.1.1.1')?.points, 1);
      });
    });

    describe('paths', () => {
      it('file: values outside the workspace (.., absolute, file:, Windows, UNC) are outside-workspace and never touched', async () => {
        const ws = workspace();
        const f = put(`${ws.pack}/out.evidence.yaml`, fixture('outside-links.evidence.yaml'));
        const { result } = await check(ws);
        const d = on(result, f, 'outside-workspace');
        assert.equal(d.length, 9, d.map((x) => x.message).join('\n'));
        const lines = fs.readFileSync(f, 'utf8').split('\n');
        for (const x of d) assert.ok(lines[x.range.start.line].includes(rangeText(f, x)) && /file: /.test(lines[x.range.start.line]));
        assert.equal(on(result, f, 'broken-link').length, 0);
        assertRestScored(result, ['5.1.1.1']);
      });

      it('Markdown links and items outside the workspace are outside-workspace, on the link target', async () => {
        const ws = workspace();
        const f = put(`${ws.pack}/out.evidence.md`, fixture('outside-links.evidence.md'));
        const { result } = await check(ws);
        const d = on(result, f, 'outside-workspace');
        const texts = d.map((x) => rangeText(f, x));
        for (const t of [
          '../../secret',
          'file:///etc/passwd',
          '%2e%2e/%2e%2e/secret',
          '../../secret file.pdf',
          'file:///etc/shadow',
          '../../../etc/passwd.png',
          '/etc/passwd',
          'file:/etc/hosts',
          'file:///etc/hosts',
          'C:\\Windows\\x',
          '../../secret-ref',
        ]) {
          assert.ok(texts.includes(t), `outside-workspace on ${t} (got ${JSON.stringify(texts)})`);
        }
        assert.equal(on(result, f, 'broken-link').length, 0, JSON.stringify(on(result, f, 'broken-link')));
        assertRestScored(result, ['5.1.1.1']);
      });

      it('symlinks that point outside (file, folder, evidence file, attachment) are outside-workspace and not read', async () => {
        const ws = workspace();
        fs.symlinkSync(`${ws.outside}/secret.pdf`, `${ws.pack}/attachments/out.pdf`);
        fs.symlinkSync(ws.outside, `${ws.pack}/outdir`);
        fs.symlinkSync(`${ws.outside}/x.evidence.yaml`, `${ws.pack}/linked.evidence.yaml`);
        fs.symlinkSync(`${ws.pack}/attachments`, `${ws.pack}/indir`); // inside: fine
        const f = put(
          `${ws.pack}/links.evidence.yaml`,
          [
            'clauses:',
            '  - clause: "5.1.1.1"',
            '    evidence:',
            '      - {kind: document, title: a, file: attachments/out.pdf}',
            '      - {kind: document, title: b, file: outdir/secret.pdf}',
            '      - {kind: document, title: c, file: outdir/../outdir/passwd}',
            '      - {kind: document, title: d, file: indir/../attachments/../outdir/secret}',
            '',
          ].join('\n'),
        );
        const md = put(
          `${ws.pack}/links.evidence.md`,
          '## 5.1.1.2 x\n\n- document: [a](attachments/out.pdf)\n\nSee [b](outdir/secret) and [c](outdir/).\n',
        );
        const { result } = await check(ws);
        assert.deepEqual(
          on(result, f, 'outside-workspace').map((d) => rangeText(f, d)),
          ['attachments/out.pdf', 'outdir/secret.pdf', 'outdir/../outdir/passwd', 'indir/../attachments/../outdir/secret'],
        );
        assert.deepEqual(
          on(result, md, 'outside-workspace').map((d) => rangeText(md, d)),
          ['attachments/out.pdf', 'outdir/secret', 'outdir/'],
        );
        // The evidence file that is a link to outside is reported, not read.
        const linked = on(result, `${ws.pack}/linked.evidence.yaml`);
        assert.deepEqual(
          linked.map((d) => d.code),
          ['outside-workspace'],
        );
        assertRestScored(result, ['5.1.1.1', '5.1.1.2']);
      });

      it('a manifest, standard, scoring sheet or rectification that is a symlink out is outside-workspace, not read', async () => {
        let ws = workspace();
        const m = `${ws.pack}/evidence-pack.yaml`;
        const demoManifest = fs.readFileSync(m, 'utf8');
        fs.rmSync(m);
        fs.symlinkSync(`${ws.outside}/evidence-pack.yaml`, m);
        let r = (await check(ws)).result;
        assert.deepEqual(
          on(r, m).map((d) => d.code),
          ['manifest-invalid'],
        );
        assert.match(on(r, m)[0].message, /outside/i);
        assert.equal(r.score, undefined);

        ws = workspace();
        fs.symlinkSync(`${ws.outside}/std.yaml`, `${ws.pack}/std.yaml`);
        fs.symlinkSync(ws.outside, `${ws.pack}/outdir`);
        for (const ref of ['./std.yaml', 'outdir/std.yaml', '../../outside/std.yaml', 'file:///etc/passwd']) {
          fs.writeFileSync(`${ws.pack}/evidence-pack.yaml`, `pack: 1\nstandard: ${ref}\n`);
          r = (await check(ws)).result;
          const d = on(r, `${ws.pack}/evidence-pack.yaml`, 'outside-workspace');
          assert.equal(d.length, 1, `standard: ${ref} → ${JSON.stringify(r.diagnostics.map((x) => x.code))}`);
          assert.equal(r.score, undefined);
        }

        ws = workspace();
        fs.symlinkSync(`${ws.outside}/std.yaml`, `${ws.pack}/sheet.yaml`);
        fs.symlinkSync(`${ws.outside}/secret.pdf`, `${ws.pack}/attachments/fix.pdf`);
        fs.writeFileSync(
          `${ws.pack}/evidence-pack.yaml`,
          demoManifest
            .replace('standard: gbt27922-2011', 'standard: gbt27922-2011\nscoring: ./sheet.yaml')
            .replace('rectification: attachments/rectification-SD-1.md', 'rectification: attachments/fix.pdf'),
        );
        r = (await check(ws)).result;
        assert.equal(
          on(r, `${ws.pack}/evidence-pack.yaml`, 'outside-workspace').length,
          2,
          JSON.stringify(r.diagnostics.filter((d) => d.file.endsWith('evidence-pack.yaml'))),
        );
      });

      it('symlink loops of folders inside the pack do not hang discovery or checking', async () => {
        const ws = workspace();
        fs.symlinkSync('.', `${ws.pack}/loop`);
        fs.mkdirSync(`${ws.pack}/a/b`, { recursive: true });
        fs.symlinkSync('../../a', `${ws.pack}/a/b/up`);
        fs.symlinkSync(`${ws.pack}/a`, `${ws.pack}/a/self`);
        fs.symlinkSync('ping', `${ws.pack}/pong.evidence.yaml`);
        fs.symlinkSync('pong.evidence.yaml', `${ws.pack}/ping`);
        const rec = recording(host.fs(ws.root));
        const engine = new Engine({ fs: rec, clock: { today: () => TODAY }, lang: 'en', workspaceRoot: ws.root });
        assert.deepEqual(await engine.findPacks(ws.root), [ws.pack]);
        const result = await engine.checkPack(ws.pack);
        assertNothingReadOutside(ws, rec);
        assert.ok(!result.files.some((f) => f.includes('/loop/') || f.includes('/up/') || f.includes('/self/')));
        // A link loop named like evidence is an error on it, not a hang.
        assert.ok(on(result, `${ws.pack}/pong.evidence.yaml`).some((d) => d.severity === 'error'));
        assertRestScored(result);
      });
    });

    describe('text shapes', () => {
      it('clause ids in code blocks and comments do not open sections', async () => {
        const ws = workspace();
        const f = put(`${ws.pack}/code.evidence.md`, fixture('code-headings.evidence.md'));
        const { result } = await check(ws);
        const ids = result.entries.filter((e) => e.file === f).map((e) => e.clause);
        for (const id of ['5.1.2.2', '5.9.9', '5.1.3.1']) assert.ok(!ids.includes(id), `${id} opened a section`);
        assert.equal(on(result, f, 'broken-link').length, 0);
        assertRestScored(result, ['5.9.8']);
      });

      it('CRLF, a BOM, tabs and full-width text keep every range on the exact source text', async () => {
        const ws = workspace();
        const md = put(`${ws.pack}/crlf.evidence.md`, fixture('crlf-bom.evidence.md'));
        const yml = put(`${ws.pack}/crlf.evidence.yaml`, fixture('crlf-bom.evidence.yaml'));
        const { result } = await check(ws);
        const mdLinks = on(result, md, 'broken-link');
        assert.equal(mdLinks.length, 1);
        assert.equal(rangeText(md, mdLinks[0]), 'attachments/none-全角.pdf');
        assert.equal(on(result, md, 'open-action').length, 1);
        assert.ok(
          result.entries.some(
            (e) => e.file === md && e.clause === '5.1.4.1' && e.evidence.length === 1 && e.evidence[0].date === '2026-09-01',
          ),
        );
        const ymlLinks = on(result, yml, 'broken-link');
        assert.equal(ymlLinks.length, 1);
        assert.equal(rangeText(yml, ymlLinks[0]), 'attachments/none-全角.pdf');
        const unknown = on(result, yml, 'unknown-clause');
        assert.equal(unknown.length, 1);
        assert.equal(rangeText(yml, unknown[0]), '"５．１"');
        // Full-width digits never read as clause ids.
        assert.ok(!result.entries.some((e) => e.clause === '5.1' || (e.clause === '５．１' && e.file === md)));
        for (const d of [...on(result, md), ...on(result, yml)]) {
          const lines = fs
            .readFileSync(d.file, 'utf8')
            .replace(/^\uFEFF/, '')
            .split('\n');
          assert.ok(d.range.end.character <= lines[d.range.end.line].replace(/\r$/, '').length, `${d.code} ends past its line`);
        }
        assertRestScored(result, ['5.1.4.1', '5.1.4.2']);
      });
    });

    describe('edits while a check is running', () => {
      // The editor invalidates a file on every keystroke; a check already reading it must not cache
      // what it read before the change, or the next check serves stale diagnostics and a stale score.
      function setup() {
        const fs = memFs({
          '/ws/p/evidence-pack.yaml': manifest(),
          '/ws/p/std.yaml': TEST_STANDARD,
          '/ws/p/a.evidence.yaml': allMetExcept([]),
        });
        const engine = engineFor(fs);
        const read = fs.readFile.bind(fs);
        /** Runs `edit` once, the first time a check reads `file`: after its bytes are read, before they are used. */
        const whileReading = (file: string, edit: () => void) => {
          let typed = false;
          fs.readFile = async (p) => {
            const bytes = await read(p);
            if (p === file && !typed) {
              typed = true;
              edit();
            }
            return bytes;
          };
        };
        return { fs, engine, whileReading, readDir: fs.readDir.bind(fs) };
      }

      it('typing while the file is read: the next check sees the new text', async () => {
        const { fs, engine, whileReading } = setup();
        assert.equal((await engine.checkPack('/ws/p')).score?.score, 100);
        const file = '/ws/p/a.evidence.yaml';
        fs.write(file, allMetExcept(['2.1']));
        engine.invalidate(file);
        whileReading(file, () => {
          fs.write(file, allMetExcept(['2.1', '2.2']));
          engine.invalidate(file);
        });
        await engine.checkPack('/ws/p'); // overtaken: the extension drops this result
        const next = await engine.checkPack('/ws/p');
        assert.equal(next.score?.score, 80);
        assert.equal(next.diagnostics.filter((d) => d.code === 'missing-clause').length, 2);
      });

      it('thousands of other changes during a read (a build writing files) do not hide the edit', async () => {
        const { fs, engine, whileReading } = setup();
        await engine.checkPack('/ws/p');
        const file = '/ws/p/a.evidence.yaml';
        whileReading(file, () => {
          fs.write(file, allMetExcept(['2.1']));
          engine.invalidate(file);
          for (let i = 0; i < 6000; i++) engine.invalidate(`/ws/build/out${i}.js`);
        });
        engine.invalidate(file);
        await engine.checkPack('/ws/p');
        assert.equal((await engine.checkPack('/ws/p')).score?.score, 90);
      });

      it('editing the manifest while it is read: the next check uses the new manifest', async () => {
        const { fs, engine, whileReading } = setup();
        await engine.checkPack('/ws/p');
        const m = '/ws/p/evidence-pack.yaml';
        whileReading(m, () => {
          fs.write(m, manifest('special_deductions: [{id: X, clause: "2.1", reason: r, rectified: true}]\n'));
          engine.invalidate(m);
        });
        engine.invalidate(m);
        await engine.checkPack('/ws/p');
        assert.equal((await engine.checkPack('/ws/p')).score?.score, 99);
      });

      it('a file created while the pack is listed is found by the next check', async () => {
        const { fs, engine, readDir } = setup();
        await engine.checkPack('/ws/p');
        let created = false;
        fs.readDir = async (p) => {
          const list = await readDir(p);
          if (!created) {
            created = true;
            fs.write('/ws/p/b.evidence.yaml', 'clauses:\n  - clause: "2.1"\n    status: nonconforming\n');
            engine.invalidate('/ws/p/b.evidence.yaml', 'create');
          }
          return list;
        };
        engine.invalidate('/ws/p/old.evidence.yaml', 'delete');
        await engine.checkPack('/ws/p');
        const next = await engine.checkPack('/ws/p');
        assert.deepEqual(next.files, ['/ws/p/a.evidence.yaml', '/ws/p/b.evidence.yaml']);
        assert.equal(next.score?.score, 90);
      });
    });
  });
