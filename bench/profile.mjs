// Profiling harness: `node --cpu-prof --cpu-prof-dir=bench/.work/prof bench/profile.mjs check|keystroke [N]`
// (after one `npm run bench`, which builds bench/.work/engine.cjs and the packs). Prints timings only.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadEngine, overlayFs, slash, work } from './common.mjs';

const E = await loadEngine({ build: false });
const [mode = 'check', n = '1000'] = process.argv.slice(2);
const root = slash(path.join(work, 'packs', `n${n}`));
const overlay = new Map();
const fs = overlayFs(E, overlay);
const host = { fs, clock: { today: () => '2026-10-15' }, lang: 'zh-CN', workspaceRoot: root };
if (mode === 'check') {
  for (let i = 0; i < 4; i++) {
    const s = performance.now();
    const r = await new E.Engine(host).checkPack(root);
    console.log(
      `check ${(performance.now() - s).toFixed(1)} ms, ${r.files.length} files, ${r.diagnostics.length} diagnostics, score ${r.score.score}`,
    );
  }
} else if (mode === 'idle') {
  // The pack-wide part of a keystroke: a re-check with every file cached.
  const engine = new E.Engine(host);
  await engine.checkPack(root);
  const t = [];
  for (let i = 0; i < 60; i++) {
    const s = performance.now();
    await engine.checkPack(root);
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  console.log(`idle re-check: median ${t[30].toFixed(2)} ms, min ${t[0].toFixed(2)} ms`);
  // Its pieces, on the same data.
  const r = await engine.checkPack(root);
  const ctx = E.makeContext(r.standard, r.manifest, 'zh-CN', E.nodeFileSystem, root);
  let facts;
  // Per-file results as the engine caches them (grouped once; their leaf summaries are memoised like the engine's).
  const byFile = new Map(r.files.map((f) => [f, []]));
  for (const e of r.entries) byFile.get(e.file).push(e);
  const fileResults = r.files.map((f) => ({ file: f, entries: byFile.get(f), diagnostics: [], links: [] }));
  const parts = {
    'entries: flatMap': () => r.files.map((f) => r.entries.filter((e) => e.file === f)),
    mergeLeaves: () => {
      facts = E.mergeLeaves(r.standard.leaves, fileResults);
    },
    'pack rules': () => {
      for (const rule of E.PACK_RULES) rule.check(facts, ctx, () => {});
    },
    scorePack: () => E.scorePack('x', r.standard, r.manifest, facts, 'zh-CN'),
    sortDiagnostics: () => E.sortDiagnostics([...r.diagnostics]),
  };
  delete parts['entries: flatMap'];
  const tt = Object.fromEntries(Object.keys(parts).map((k) => [k, []]));
  for (let i = 0; i < 60; i++)
    for (const [k, fn] of Object.entries(parts)) {
      const s = performance.now();
      fn();
      tt[k].push(performance.now() - s);
    }
  for (const [k, xs] of Object.entries(tt)) {
    xs.sort((a, b) => a - b);
    console.log(k.padEnd(20), 'median', xs[30].toFixed(2), 'ms  min', xs[0].toFixed(2), 'ms');
  }
  console.log(
    `${r.entries.length} entries, ${r.entries.reduce((s, e) => s + e.evidence.length, 0)} evidence items, ${r.diagnostics.length} diagnostics`,
  );
} else if (mode === 'file') {
  // One file's analysis, piece by piece (median of 60 warm runs each).
  const engine = new E.Engine(host);
  const r0 = await engine.checkPack(root);
  const file = r0.files.find((f) => f.endsWith('.yaml'));
  const text = readFileSync(file, 'utf8');
  const ctx = E.makeContext(r0.standard, r0.manifest, 'zh-CN', E.nodeFileSystem, root);
  const src = E.parseYaml(text);
  const parts = {
    parseDocument: () => E.parseDocument(text),
    'parseYaml (+LineIndex, toJS)': () => E.parseYaml(text),
    'fastParseYaml (+LineIndex)': () => {
      if (!E.fastParseYaml(text, new E.LineIndex(text))) throw new Error('not on the fast path');
    },
    entriesFromYaml: () => E.entriesFromYaml(src, file),
    schemaDiagnostics: () => E.schemaDiagnostics('evidence', src, file, 'zh-CN'),
    'analyzeEvidenceText (shared ctx)': () => E.analyzeEvidenceText(text, file, ctx),
    'analyzeEvidenceText (new ctx)': () =>
      E.analyzeEvidenceText(text, file, E.makeContext(r0.standard, r0.manifest, 'zh-CN', E.nodeFileSystem, root)),
  };
  // Round robin, so that the machine's noise hits every part alike; the median and the minimum of each.
  const t = Object.fromEntries(Object.keys(parts).map((k) => [k, []]));
  for (let i = 0; i < 150; i++) {
    for (const [name, fn] of Object.entries(parts)) {
      const s = performance.now();
      await fn();
      t[name].push(performance.now() - s);
    }
  }
  for (const [name, xs] of Object.entries(t)) {
    xs.sort((a, b) => a - b);
    console.log(name.padEnd(36), 'median', xs[xs.length >> 1].toFixed(3), 'ms  min', xs[0].toFixed(3), 'ms');
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
    s = performance.now();
    E.parseDocument(text);
    const parse = performance.now() - s;
    times.push([inv, all, parse]);
  }
  const med = (k) => {
    const sorted = times.map((t) => t[k]).sort((a, b) => a - b);
    return sorted[sorted.length >> 1].toFixed(2);
  };
  console.log(`keystroke: invalidate ${med(0)} ms, invalidate+checkPack ${med(1)} ms, parseDocument ${med(2)} ms`);
}
