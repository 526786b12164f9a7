// Profiling harness: `node --cpu-prof --cpu-prof-dir=bench/.work/prof bench/profile.mjs check|keystroke [N]`
// (after one `npm run bench`, which builds bench/.work/engine.cjs and the packs). Prints timings only.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const E = createRequire(import.meta.url)(path.join(here, '.work', 'engine.cjs'));
const [mode = 'check', n = '1000'] = process.argv.slice(2);
const root = path.join(here, '.work', 'packs', `n${n}`).split(path.sep).join('/');
const overlay = new Map();
const fs = {
  readFile: (p) => (overlay.has(p) ? Promise.resolve(Buffer.from(overlay.get(p))) : E.nodeFileSystem.readFile(p)),
  stat: (p, l) => (overlay.has(p) ? Promise.resolve({ isFile: true, isDirectory: false, isSymbolicLink: false, size: Buffer.byteLength(overlay.get(p)) }) : E.nodeFileSystem.stat(p, l)),
  readDir: (p) => E.nodeFileSystem.readDir(p), realpath: (p) => E.nodeFileSystem.realpath(p),
};
const host = { fs, clock: { today: () => '2026-10-15' }, lang: 'zh-CN', workspaceRoot: root };
if (mode === 'check') {
  for (let i = 0; i < 4; i++) {
    const s = performance.now();
    const r = await new E.Engine(host).checkPack(root);
    console.log(`check ${(performance.now() - s).toFixed(1)} ms, ${r.files.length} files, ${r.diagnostics.length} diagnostics, score ${r.score.score}`);
  }
} else {
  const engine = new E.Engine(host);
  const r0 = await engine.checkPack(root);
  const file = r0.files[Math.floor(r0.files.length / 2)];
  const original = readFileSync(file, 'utf8');
  const at = original.indexOf('title: ') + 7;
  const times = [];
  for (let i = 0; i < 40; i++) {
    const text = original.slice(0, at) + 'x'.repeat(i + 1) + original.slice(at);
    overlay.set(file, text);
    let s = performance.now();
    engine.invalidate(file);
    const inv = performance.now() - s;
    await engine.checkPack(root);
    const all = performance.now() - s;
    s = performance.now(); E.parseDocument(text); const parse = performance.now() - s;
    times.push([inv, all, parse]);
  }
  const med = (k) => times.map((t) => t[k]).sort((a, b) => a - b)[times.length >> 1].toFixed(2);
  console.log(`keystroke: invalidate ${med(0)} ms, invalidate+checkPack ${med(1)} ms, parseDocument ${med(2)} ms`);
}
