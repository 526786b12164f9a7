// The web worker extension host (vscode.dev, code-server's browser host) reads a pack through
// vscode.workspace.fs: every stat, readFile and readDirectory is a round trip to the remote, and the first
// score waits on their number (BENCHMARKS.md, hosts). These cases count them on a generated pack, over the
// real disk as VS Code's disk provider answers (support/workspaceFsFake.ts), and check that the links the
// counts no longer stat are still judged as the Node host judges them. Counts, never durations.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Engine } from '../../src/core/engine';
import type { FileSystem } from '../../src/core/host';
import type { PackResult } from '../../src/core/types';
import { workspaceFileSystem } from '../../src/extension/service/workspaceFs';
import { nodeFileSystem } from '../../src/node/nodeFs';
import { fakeWorkspaceFs, type FakeUri } from './support/workspaceFsFake';

const CLIENTS = 3,
  FILES = 10,
  ITEMS = 4;
const CLAUSES = ['5.1.1.1', '5.1.1.2', '5.1.2.1', '5.1.2.2'];

interface Ws {
  root: string;
  /** <root>/audits/2026/pack: two folders below the workspace root, as packs in a repository are. */
  pack: string;
  outside: string;
  /** Every evidence file written. */
  evidence: string[];
  /** Every folder of the workspace, the root included. */
  folders: number;
}

const temps: string[] = [];
/**
 * A pack of CLIENTS × FILES evidence files, each with ITEMS items that link a file of their own
 * (attachments/c<client>/f<file>-<item>.pdf, 120 distinct targets), and one broken link per client.
 */
function generatedPack(): Ws {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ep-roundtrips-'))).replace(/\\/g, '/');
  temps.push(tmp);
  const root = `${tmp}/ws`,
    pack = `${root}/audits/2026/pack`,
    outside = `${tmp}/outside`;
  fs.mkdirSync(outside, { recursive: true });
  fs.writeFileSync(`${outside}/secret.pdf`, 'TOP SECRET\n');
  fs.mkdirSync(pack, { recursive: true });
  fs.writeFileSync(
    `${pack}/evidence-pack.yaml`,
    'pack: 1\nstandard: gbt27922-2011\norganization: {name: Test, type: production}\nassessment: {date: 2026-10-15, window_months: 12}\n',
  );
  const evidence: string[] = [];
  for (let c = 0; c < CLIENTS; c++) {
    fs.mkdirSync(`${pack}/client-${c}`, { recursive: true });
    fs.mkdirSync(`${pack}/attachments/c${c}`, { recursive: true });
    for (let f = 0; f < FILES; f++) {
      const lines = ['clauses:'];
      for (let i = 0; i < ITEMS; i++) {
        const target = c === 0 && f === 0 && i === 0 ? 'missing.pdf' : `f${f}-${i}.pdf`;
        if (target !== 'missing.pdf') fs.writeFileSync(`${pack}/attachments/c${c}/${target}`, `attachment ${c}-${f}-${i}\n`);
        lines.push(
          `  - clause: "${CLAUSES[i]}"`,
          '    evidence:',
          `      - {kind: document, title: t${i}, file: ../attachments/c${c}/${target}}`,
        );
      }
      const file = `${pack}/client-${c}/e${f}.evidence.yaml`;
      fs.writeFileSync(file, lines.join('\n') + '\n');
      evidence.push(file);
    }
    // One broken link per client: its folder exists, the file does not.
    const md = `${pack}/client-${c}/notes.evidence.md`;
    fs.writeFileSync(md, `## 5.1.1.1 notes\n\n- document: [gone](../attachments/c${c}/gone.pdf)\n`);
    evidence.push(md);
  }
  // ws, audits, 2026, pack, attachments, c0..c2, client-0..client-2
  return { root, pack, outside, evidence, folders: 5 + 2 * CLIENTS };
}

type Kind = 'stat' | 'readFile' | 'readDirectory';

/** The engine's FileSystem on a workspace.fs that counts its calls by kind. */
function countingHost(root: string): { fs: FileSystem; counts: Record<Kind, number> } {
  const counts: Record<Kind, number> = { stat: 0, readFile: 0, readDirectory: 0 };
  const api = {
    stat: (u: FakeUri) => (counts.stat++, fakeWorkspaceFs.stat(u)),
    readFile: (u: FakeUri) => (counts.readFile++, fakeWorkspaceFs.readFile(u)),
    readDirectory: (u: FakeUri) => (counts.readDirectory++, fakeWorkspaceFs.readDirectory(u)),
  };
  return { fs: workspaceFileSystem(api, (p) => ({ path: p }), root), counts };
}

function engine(fs: FileSystem, root: string): Engine {
  return new Engine({ fs, clock: { today: () => '2026-10-15' }, lang: 'en', workspaceRoot: root });
}

/** What a user sees of a check: the score and every diagnostic (code, file, line). */
function seen(r: PackResult): string[] {
  return [`score ${r.score?.score}`, ...r.diagnostics.map((d) => `${d.code} ${d.file}:${d.range.start.line}`)];
}

const linkProblems = (r: PackResult) =>
  r.diagnostics.filter((d) => d.code === 'broken-link' || d.code === 'outside-workspace').map((d) => `${d.code} ${d.message}`);

describe('web worker host: workspace.fs round trips of a check', function () {
  this.timeout(60000);
  after(() => {
    for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
  });

  it('the first check lists each folder once and stats only the files it reads and the links that are missing', async () => {
    const ws = generatedPack();
    const web = countingHost(ws.root);
    const e = engine(web.fs, ws.root);
    assert.deepEqual(await e.findPacks(ws.root), [ws.pack]);
    const result = await e.checkPack(ws.pack);

    const read = ws.evidence.length + 1; // and the manifest
    assert.deepEqual(web.counts, {
      readDirectory: ws.folders,
      readFile: read,
      // One size check per file read, one look per missing link. The 117 attachments that exist, three
      // folders below the workspace root, are known from the folder listings: no stat of their folders.
      stat: read + CLIENTS + 1,
    });

    // The same score and diagnostics as the Node host, which resolves every link with realpath.
    const node = engine(nodeFileSystem, ws.root);
    await node.findPacks(ws.root);
    assert.deepEqual(seen(result), seen(await node.checkPack(ws.pack)));
    assert.equal(result.diagnostics.filter((d) => d.code === 'broken-link').length, CLIENTS + 1);
  });

  it('a keystroke re-reads the one file it changed, and stats nothing else', async () => {
    const ws = generatedPack();
    const web = countingHost(ws.root);
    const e = engine(web.fs, ws.root);
    await e.findPacks(ws.root);
    const first = await e.checkPack(ws.pack);
    for (const k of Object.keys(web.counts) as Kind[]) web.counts[k] = 0;
    e.invalidate(ws.evidence[1]);
    assert.deepEqual(seen(await e.checkPack(ws.pack)), seen(first));
    assert.deepEqual(web.counts, { readDirectory: 0, readFile: 1, stat: 1 });
  });

  const HOSTS: { name: string; fs: (root: string) => FileSystem }[] = [
    { name: "Node's fs", fs: () => nodeFileSystem },
    { name: 'vscode.workspace.fs', fs: (root) => countingHost(root).fs },
  ];
  for (const host of HOSTS) {
    describe(`links that the folder listings answer stay right (${host.name})`, () => {
      it('a symlink out of the pack (file or folder) is outside-workspace, as before', async () => {
        const ws = generatedPack();
        fs.symlinkSync(`${ws.outside}/secret.pdf`, `${ws.pack}/attachments/c1/out.pdf`);
        fs.symlinkSync(ws.outside, `${ws.pack}/attachments/shared`);
        fs.writeFileSync(
          `${ws.pack}/client-1/escape.evidence.yaml`,
          [
            'clauses:',
            '  - clause: "5.1.1.1"',
            '    evidence:',
            '      - {kind: document, title: a, file: ../attachments/c1/out.pdf}',
            '      - {kind: document, title: b, file: ../attachments/shared/secret.pdf}',
            '',
          ].join('\n'),
        );
        const e = engine(host.fs(ws.root), ws.root);
        await e.findPacks(ws.root);
        const r = await e.checkPack(ws.pack);
        assert.deepEqual(
          r.diagnostics.filter((d) => d.file.endsWith('escape.evidence.yaml')).map((d) => d.code),
          ['outside-workspace', 'outside-workspace'],
        );
      });

      it('a folder replaced by a symlink out between two checks is outside-workspace on the next one', async () => {
        const ws = generatedPack();
        const e = engine(host.fs(ws.root), ws.root);
        await e.findPacks(ws.root);
        assert.equal((await e.checkPack(ws.pack)).diagnostics.filter((d) => d.code === 'outside-workspace').length, 0);
        const folder = `${ws.pack}/attachments/c2`;
        // Moved out of the workspace, a link left in its place: the same names now resolve outside.
        fs.renameSync(folder, `${ws.outside}/c2`);
        fs.symlinkSync(`${ws.outside}/c2`, folder);
        // What the file watcher reports.
        e.invalidate(folder, 'delete');
        e.invalidate(folder, 'create');
        const r = await e.checkPack(ws.pack);
        // Every link to a file in it now points out of the workspace.
        assert.equal(r.diagnostics.filter((d) => d.code === 'outside-workspace').length, FILES * ITEMS);
      });

      it('an attachment deleted or created between two checks is broken, or found, on the next one', async () => {
        const ws = generatedPack();
        const e = engine(host.fs(ws.root), ws.root);
        await e.findPacks(ws.root);
        const before = linkProblems(await e.checkPack(ws.pack));
        const gone = `${ws.pack}/attachments/c1/f3-2.pdf`,
          back = `${ws.pack}/attachments/c1/gone.pdf`;
        fs.rmSync(gone);
        e.invalidate(gone, 'delete');
        fs.writeFileSync(back, 'found again\n');
        e.invalidate(back, 'create');
        const after = linkProblems(await e.checkPack(ws.pack));
        assert.deepEqual(
          after.filter((p) => !before.includes(p)),
          ['broken-link File not found: ../attachments/c1/f3-2.pdf'],
        );
        assert.deepEqual(
          before.filter((p) => !after.includes(p)),
          ['broken-link File not found: ../attachments/c1/gone.pdf'],
        );
      });
    });
  }
});
