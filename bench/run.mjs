// `npm run bench` — how fast the engine is, side by side with what it cannot be faster than
// (reading + `yaml.parseDocument` of the same files) and with what a user would otherwise run
// (yaml-language-server validating the same files against our schema). A benchmark, not a test:
// it prints a table and writes it to BENCHMARKS.md. Every figure is a median of several runs
// taken in this one process, interleaved so that machine noise hits all columns alike.
//
// Options (environment): BENCH_SIZES=10,100 (default 10,100,1000), BENCH_NO_WRITE=1 (print only).
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fsp, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cli, engineFile, here, loadEngine, median, overlayFs, packOf, repo, runCli, slash, work } from './common.mjs';

const require = createRequire(import.meta.url);

const SIZES = (process.env.BENCH_SIZES ?? '10,100,1000').split(',').map(Number);
const RUNS = (n) => (n <= 10 ? 9 : n <= 100 ? 5 : 3);
const KEYSTROKES = 21;

// ---------------------------------------------------------------- the engine, bundled as the CLI bundles it
const E = await loadEngine();

// ---------------------------------------------------------------- helpers
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const now = () => performance.now();
const gc = globalThis.gc ?? (() => {});

/** Runs `fn` with at most `limit` in flight, like the engine's own reads. */
async function pool(items, limit, fn) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function host(root, fs = E.nodeFileSystem) {
  return { fs, clock: { today: () => '2026-10-15' }, lang: 'zh-CN', workspaceRoot: slash(root) };
}

/** The floor: read every evidence file and `parseDocument` its YAML (Markdown: its front matter). */
async function floor(files) {
  await pool(files, 16, async (f) => {
    const text = await fsp.readFile(f, 'utf8');
    if (f.endsWith('.md')) {
      const end = text.indexOf('\n---', 3);
      if (text.startsWith('---') && end > 0) E.parseDocument(text.slice(3, end));
    } else E.parseDocument(text);
  });
}

async function engineCheck(root) {
  const engine = new E.Engine(host(root));
  const r = await engine.checkPack(slash(root));
  if (!r.score) throw new Error('no score: ' + JSON.stringify(r.diagnostics.slice(0, 3)));
  return r;
}

/**
 * The same check with file analysis on worker threads (src/node/parallel.ts): files on the YAML fast path stay
 * on this thread, the others go to the workers (the CLI keeps its first 200 others here too; this analyzer is
 * started once and warmed like this thread, as in a long-lived process, so past the untimed first round every
 * declined file goes to a worker). A cold process, as the CLI, is measured apart (section 3).
 */
let analyzer;
async function parallelCheck(root) {
  analyzer ??= E.startParallelAnalyzer({ script: engineFile, inThreadFirst: 200 });
  const engine = new E.Engine(host(root), { analyzeText: analyzer.analyzeText });
  const r = await engine.checkPack(slash(root));
  if (!r.score) throw new Error('no score: ' + JSON.stringify(r.diagnostics.slice(0, 3)));
  return r;
}
const threads = os.availableParallelism();
const sameResult = (a, b) => JSON.stringify([a.diagnostics, a.score, a.entries]) === JSON.stringify([b.diagnostics, b.score, b.entries]);

// yaml-language-server's language service, in-process, serving our schema file.
const yls = require('yaml-language-server/lib/umd/languageservice/yamlLanguageService');
const { TextDocument } = require('vscode-languageserver-textdocument');
const ylsVersion = JSON.parse(readFileSync(require.resolve('yaml-language-server/package.json'), 'utf8')).version;
const schemaPath = path.join(repo, 'schemas', 'evidence.schema.json');
const schemaUri = pathToFileURL(schemaPath).href;
const ls = yls.getLanguageService({
  schemaRequestService: async (uri) => {
    if (uri === schemaUri) return readFileSync(schemaPath, 'utf8');
    throw new Error(`no schema at ${uri}`);
  },
  workspaceContext: { resolveRelativePath: (rel, res) => new URL(rel, res).href },
});
ls.configure({ validate: true, schemas: [{ uri: schemaUri, fileMatch: ['*.evidence.yaml'] }], yamlVersion: '1.2' });
let docVersion = 1;
// yaml-language-server's fileMatch globs never match a path inside a dot-folder such as bench/.work,
// so documents get a URI outside it (the URI only picks the schema; the text is read from disk).
const docUri = (f) => 'file:///evidence-pack-bench/' + slash(path.relative(work, f));
{
  // Make sure the baseline really applies our schema: a stray property must be reported.
  const probe = TextDocument.create(
    docUri(path.join(work, 'probe.evidence.yaml')),
    'yaml',
    1,
    'clauses:\n  - clause: "5.1.1.1"\n    bogus: 1\n',
  );
  const found = await ls.doValidation(probe, false);
  if (!found.some((d) => /bogus/.test(d.message)))
    throw new Error('yaml-language-server did not apply schemas/evidence.schema.json: ' + JSON.stringify(found));
}
/** yaml-language-server: read every evidence YAML file and run `doValidation` (a new version each run: no cached parse). */
async function ylsValidate(files) {
  let problems = 0;
  const yamlFiles = files.filter((f) => !f.endsWith('.md'));
  const version = ++docVersion;
  await pool(yamlFiles, 16, async (f) => {
    const doc = TextDocument.create(docUri(f), 'yaml', version, await fsp.readFile(f, 'utf8'));
    problems += (await ls.doValidation(doc, false)).length;
  });
  return problems;
}

// ---------------------------------------------------------------- 0. start-up: a cold `evidence-pack check` vs a bare `node -e 0`
// Measured first, while nothing else of this process is running. Interleaved, wall time of the process as a
// user waits for it. The CLI keeps V8's code cache in the user's cache folder (dist/cli.js): the first run after
// an install or upgrade writes it; the figure without it is measured in an empty cache folder every run.
const startup = {};
{
  const demo = path.join(repo, 'examples', 'demo-pack');
  const cacheHome = path.join(work, 'cache-home');
  const emptyHome = path.join(work, 'cache-empty');
  const run = (args, env = {}) => {
    const fullEnv = { ...process.env, ...env };
    for (const [k, v] of Object.entries(fullEnv)) if (v === undefined) delete fullEnv[k]; // unset, not "undefined"
    const s = now();
    const out = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: fullEnv });
    const t = now() - s;
    if (out.status !== 0 && out.status !== 1) throw new Error(`${args.join(' ')} exited ${out.status}: ${out.stderr}`);
    return t;
  };
  const check = ['check', demo];
  run([cli, ...check], { XDG_CACHE_HOME: cacheHome }); // writes the code cache
  // NODE_EXTRA_CA_CERTS (set on this machine) makes every Node process parse that certificate bundle before it
  // runs any JavaScript: ~400M instructions, several times what `node -e 0` costs without it. Both ratios are
  // measured, the second as on a machine without the variable.
  const plain = process.env.NODE_EXTRA_CA_CERTS ? { NODE_EXTRA_CA_CERTS: undefined } : undefined;
  const t = { bare: [], cached: [], first: [], loaded: [], plainBare: [], plainCached: [] };
  const N = 21;
  for (let i = 0; i < N; i++) {
    t.bare.push(run(['-e', '0']));
    t.cached.push(run([cli, ...check], { XDG_CACHE_HOME: cacheHome }));
    t.loaded.push(run([cli, '--version'], { XDG_CACHE_HOME: cacheHome })); // the engine loaded, no pack read
    rmSync(emptyHome, { recursive: true, force: true });
    t.first.push(run([cli, ...check], { XDG_CACHE_HOME: emptyHome }));
    if (plain) {
      t.plainBare.push(run(['-e', '0'], plain));
      t.plainCached.push(run([cli, ...check], { ...plain, XDG_CACHE_HOME: cacheHome }));
    }
  }
  Object.assign(startup, { runs: N, bare: median(t.bare), cached: median(t.cached), first: median(t.first), loaded: median(t.loaded) });
  if (plain) Object.assign(startup, { plainBare: median(t.plainBare), plainCached: median(t.plainCached) });
  console.log(
    `start-up: node -e 0 ${ms(startup.bare)} ms · evidence-pack check examples/demo-pack ${ms(startup.cached)} ms (${(startup.cached / startup.bare).toFixed(2)}×) · its first run, no code cache yet ${ms(startup.first)} ms (${(startup.first / startup.bare).toFixed(2)}×)` +
      (plain
        ? ` · without NODE_EXTRA_CA_CERTS: ${ms(startup.plainBare)} ms vs ${ms(startup.plainCached)} ms (${(startup.plainCached / startup.plainBare).toFixed(2)}×)`
        : ''),
  );
}

// ---------------------------------------------------------------- 1. whole pack: check vs floor vs yaml-language-server
const machine = {
  cpu: `${os.cpus()[0]?.model?.trim() ?? 'unknown'} × ${os.cpus().length}`,
  memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
  node: process.version,
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
};
console.log(`machine: ${machine.cpu}, ${machine.memory}, node ${machine.node}`);

// The packs of growing size, then the largest once more written so that the YAML fast path declines
// every file (notes in double quotes wrapped over two lines): what a pack outside the fast path costs (BENCH_NO_SLOW=1 skips it).
const big = Math.max(...SIZES);
const cases = [...SIZES.map((n) => ({ n, style: 'plain' })), ...(process.env.BENCH_NO_SLOW ? [] : [{ n: big, style: 'wrapped' }])];
const packs = {};
const rows = [];
for (const { n, style } of cases) {
  const { key, root, files } = packOf(E, n, style);
  const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
  packs[key] = { root, files };
  // Which YAML files the fast path (src/core/parse/fastYaml.ts) takes; the wrapped-notes pack must decline all.
  const yamlFiles = files.filter((f) => !f.endsWith('.md'));
  const fast = yamlFiles.filter((f) => {
    const t = readFileSync(f, 'utf8');
    return !!E.fastParseYaml(t, new E.LineIndex(t));
  }).length;
  if (style === 'wrapped' && fast > 0)
    throw new Error(`${key}: ${fast} files took the fast path; this pack must show the path outside it (change its style)`);
  // One untimed round warms up the JIT, ajv's compiled validators and the OS file cache.
  const r0 = await engineCheck(root);
  if (!sameResult(r0, await parallelCheck(root))) throw new Error(`n=${n}: the check with worker threads differs from the one without`);
  await floor(files);
  await ylsValidate(files);
  const ylsProblems = await ylsValidate(files);
  const measured = {
    floor: () => floor(files),
    check: () => engineCheck(root),
    par: () => parallelCheck(root),
    yls: () => ylsValidate(files),
  };
  const t = { floor: [], check: [], par: [], yls: [] };
  for (let i = 0; i < RUNS(n); i++) {
    // Interleaved, each after a GC, in this order every run.
    for (const [k, fn] of Object.entries(measured)) {
      gc();
      const s = now();
      await fn();
      t[k].push(now() - s);
    }
  }
  const row = {
    n,
    style,
    key,
    fast,
    yamlCount: yamlFiles.length,
    files: files.length,
    mb: bytes / 2 ** 20,
    floor: median(t.floor),
    check: median(t.check),
    par: median(t.par),
    yls: median(t.yls),
    diagnostics: r0.diagnostics.length,
    score: r0.score.score,
    ylsProblems,
  };
  rows.push(row);
  console.log(
    `${key} (fast path: ${fast}/${yamlFiles.length} YAML files): ${row.files} files ${row.mb.toFixed(1)} MB · floor ${ms(row.floor)} ms · check ${ms(row.check)} ms (${(row.check / row.floor).toFixed(2)}×) · check on ${threads} worker threads ${ms(row.par)} ms (${(row.par / row.floor).toFixed(2)}×) · yaml-language-server ${ms(row.yls)} ms (check/yls ${(row.check / row.yls).toFixed(2)}×) · ${row.diagnostics} diagnostics (yaml-language-server: ${row.ylsProblems}), score ${row.score}`,
  );
}

// ---------------------------------------------------------------- 2. keystroke latency on the largest pack
async function keystrokeOn(key) {
  const { root, files } = packs[key];
  const overlay = new Map();
  const fs = overlayFs(E, overlay);
  const engine = new E.Engine(host(root, fs));
  await engine.checkPack(slash(root));
  const file = slash(files[Math.floor(files.length / 2)]);
  const original = readFileSync(file, 'utf8');
  const marker = original.indexOf('title: ') + 'title: '.length;
  const t = { edit: [], parse: [], idle: [] };
  for (let i = 0; i < KEYSTROKES; i++) {
    // Type one more character into the first title, as an editor buffer would hold it.
    const text = original.slice(0, marker) + 'x'.repeat(i + 1) + original.slice(marker);
    overlay.set(file, text);
    // No forced GC here: after a forced full GC everything ran 3–4× slower for a while (parseDocument of
    // this file 16 ms instead of 3.8 ms), which measures V8 recovering, not a keystroke while typing.
    let s = now();
    engine.invalidate(file);
    const r = await engine.checkPack(slash(root));
    const edited = now() - s;
    if (!r.score || !r.files.includes(file)) throw new Error('keystroke: no score');
    s = now();
    E.parseDocument(text);
    const parsed = now() - s;
    s = now();
    await engine.checkPack(slash(root));
    const idle = now() - s;
    if (i > 0) {
      t.edit.push(edited);
      t.parse.push(parsed);
      t.idle.push(idle);
    }
  }
  const fast = !!E.fastParseYaml(original, new E.LineIndex(original));
  const k = { edit: median(t.edit), parse: median(t.parse), idle: median(t.idle), kb: Buffer.byteLength(original) / 1024, fast };
  console.log(
    `keystroke (${key}, edited file ${fast ? 'on' : 'off'} the fast path): edit→diagnostics+score ${ms(k.edit)} ms · parseDocument of that file alone ${ms(k.parse)} ms (${(k.edit / k.parse).toFixed(2)}×) · re-check with nothing changed ${ms(k.idle)} ms`,
  );
  return k;
}
const keystroke = await keystrokeOn(`n${big}`);
const slowKey = packs[`n${big}-wrapped`] ? `n${big}-wrapped` : undefined;
const keystrokeSlow = slowKey ? await keystrokeOn(slowKey) : undefined;

// ---------------------------------------------------------------- 3. CLI wall time and peak memory on the largest pack
let cliRow;
{
  const { root } = packs[`n${big}`];
  const walls = [],
    rss = [];
  for (let i = 0; i < 3; i++) {
    const out = runCli(['check', root, '--root', root, '--format', 'json']);
    walls.push(out.ms);
    if (out.rss !== undefined) rss.push(out.rss);
    if (out.status !== 0 && out.status !== 1) throw new Error(`cli exited ${out.status}: ${out.stderr}`);
  }
  cliRow = { wall: median(walls), rss: Math.max(...rss) };
  console.log(`CLI check (n=${big}): wall ${ms(cliRow.wall)} ms · peak RSS ${cliRow.rss.toFixed(0)} MB`);
  // The same check in a new process (cold JIT, as the CLI), on 1 thread and on worker threads, interleaved.
  const coldCheck = (key) => {
    const t = { one: [], par: [] };
    const outs = new Set();
    for (let i = 0; i < 3; i++) {
      for (const [k, th] of [
        ['one', 1],
        ['par', threads],
      ]) {
        const s = now();
        const out = spawnSync(process.execPath, [path.join(here, 'cold-check.cjs'), slash(packs[key].root), String(th)], {
          encoding: 'utf8',
        });
        if (out.status !== 0) throw new Error(`cold-check failed: ${out.stderr}`);
        t[k].push(now() - s);
        outs.add(out.stdout);
      }
    }
    if (outs.size !== 1) throw new Error(`cold check (${key}): worker threads and one thread disagree: ${[...outs].join(' / ')}`);
    return { one: median(t.one), par: median(t.par) };
  };
  const cold = coldCheck(`n${big}`);
  cliRow.coldOne = cold.one;
  cliRow.coldPar = cold.par;
  console.log(
    `new process, whole-pack check (n=${big}): 1 thread ${ms(cliRow.coldOne)} ms · ${threads} worker threads ${ms(cliRow.coldPar)} ms (${(cliRow.coldPar / cliRow.coldOne).toFixed(2)}×)`,
  );
  if (slowKey) {
    const slow = coldCheck(slowKey);
    cliRow.slowOne = slow.one;
    cliRow.slowPar = slow.par;
    console.log(
      `new process, whole-pack check (${slowKey}): 1 thread ${ms(cliRow.slowOne)} ms · ${threads} worker threads ${ms(cliRow.slowPar)} ms (${(cliRow.slowPar / cliRow.slowOne).toFixed(2)}×)`,
    );
  }
}

// ---------------------------------------------------------------- 4. extension bundle: size and load time
let ext;
{
  const bundle = path.join(repo, 'dist', 'extension.js');
  const stub = path.join(work, 'vscode-stub.cjs');
  writeFileSync(
    stub,
    `// Stands in for the vscode module: every property is another callable, constructible stub.
// The module object inherits from the stub, so esbuild's __toESM copy (which keeps the prototype) still finds every name.
const handler = { get: (t, k) => (k === 'then' || typeof k === 'symbol' ? undefined : k === '__esModule' ? false : stub), apply: () => stub, construct: () => stub };
const stub = new Proxy(function () {}, handler);
const vscode = Object.create(stub);
const Module = require('module');
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? vscode : load.call(this, request, ...rest); };
`,
  );
  const times = [];
  for (let i = 0; i < 7; i++) {
    const out = spawnSync(
      process.execPath,
      ['-r', stub, '-e', `const s=performance.now();require(${JSON.stringify(bundle)});process.stdout.write(String(performance.now()-s))`],
      { encoding: 'utf8' },
    );
    if (out.status !== 0) throw new Error(`loading the extension failed: ${out.stderr}`);
    times.push(Number(out.stdout));
  }
  // The Node entry is a few lines that require dist/browser.js, the extension itself: both are loaded.
  ext = { kb: (statSync(bundle).size + statSync(path.join(repo, 'dist', 'browser.js')).size) / 1024, load: median(times) };
  console.log(`extension: dist/extension.js + dist/browser.js ${ext.kb.toFixed(0)} KB · require ${ms(ext.load)} ms`);
}

// ---------------------------------------------------------------- the table, the ratios, BENCHMARKS.md
const last = rows.find((r) => r.n === big && r.style === 'plain');
const slowRow = rows.find((r) => r.style === 'wrapped');
const perFile = (r, k) => (r[k] / r.files) * 1000;
const targetsFor = (r, k) => [
  ['whole-pack check ÷ floor', r.check / r.floor, 1.5, `n=${r.n}, 1 thread`],
  ['whole-pack check ÷ floor', r.par / r.floor, 1.5, `n=${r.n}, ${threads} worker threads`],
  ['whole-pack check ÷ yaml-language-server', r.check / r.yls, 0.5, `n=${r.n}, 1 thread`],
  ['whole-pack check ÷ yaml-language-server', r.par / r.yls, 0.5, `n=${r.n}, ${threads} worker threads`],
  ['keystroke ÷ parsing the edited file alone', k.edit / k.parse, 1.3, `n=${r.n}`],
];
const targets = [...targetsFor(last, keystroke), ['CLI peak memory (MB)', cliRow.rss, 400, `n=${big}`]];
const startupLines = [
  '| measure | value |',
  '|---|---:|',
  `| \`node -e 0\` (median of ${startup.runs}) | ${ms(startup.bare)} ms |`,
  `| \`evidence-pack check examples/demo-pack\` (median of ${startup.runs}) | ${ms(startup.cached)} ms |`,
  `| the same, first run after an install (no code cache yet) | ${ms(startup.first)} ms |`,
  `| \`evidence-pack --version\`: the engine loaded, no pack read (median of ${startup.runs}) | ${ms(startup.loaded)} ms |`,
  ...(startup.plainBare
    ? [
        `| \`node -e 0\` without NODE_EXTRA_CA_CERTS | ${ms(startup.plainBare)} ms |`,
        `| \`evidence-pack check examples/demo-pack\` without NODE_EXTRA_CA_CERTS | ${ms(startup.plainCached)} ms |`,
      ]
    : []),
  '',
  '| target (issue 13) | measured | limit | met |',
  '|---|---:|---:|:---:|',
  `| cold \`check examples/demo-pack\` ÷ \`node -e 0\` (wall) | ${(startup.cached / startup.bare).toFixed(2)}× | ≤ 1.5× | ${startup.cached / startup.bare <= 1.5 ? 'yes' : '**no**'} |`,
  ...(startup.plainBare
    ? [
        `| the same, without NODE_EXTRA_CA_CERTS (as on most machines) | ${(startup.plainCached / startup.plainBare).toFixed(2)}× | ≤ 1.5× | ${startup.plainCached / startup.plainBare <= 1.5 ? 'yes' : '**no**'} |`,
      ]
    : []),
  `| the same, first run without the code cache | ${(startup.first / startup.bare).toFixed(2)}× | — | — |`,
  `| \`--version\` ÷ \`node -e 0\`: loading the engine alone | ${(startup.loaded / startup.bare).toFixed(2)}× | — | — |`,
];
const lines = [];
lines.push(
  `| pack | files | MB | YAML files on the fast path | floor: read + parseDocument | whole-pack check (1 thread) | ÷ floor | check on ${threads} worker threads | ÷ floor | yaml-language-server | 1 thread ÷ yls | ${threads} threads ÷ yls | 1 thread µs / file |`,
);
lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const name = r.style === 'plain' ? String(r.n) : `${r.n}, quoted notes wrapped over two lines`;
  lines.push(
    `| ${name} | ${r.files} | ${r.mb.toFixed(1)} | ${r.fast} / ${r.yamlCount} | ${ms(r.floor)} ms | ${ms(r.check)} ms | ${(r.check / r.floor).toFixed(2)}× | ${ms(r.par)} ms | ${(r.par / r.floor).toFixed(2)}× | ${ms(r.yls)} ms | ${(r.check / r.yls).toFixed(2)}× | ${(r.par / r.yls).toFixed(2)}× | ${perFile(r, 'check').toFixed(0)} |`,
  );
}
const table2 = [
  '| measure | value |',
  '|---|---:|',
  `| keystroke on the ${big}-file pack: edit → that file's diagnostics + pack score | ${ms(keystroke.edit)} ms |`,
  `| parseDocument of the edited file alone (${keystroke.kb.toFixed(1)} KB) | ${ms(keystroke.parse)} ms |`,
  `| keystroke ÷ parse alone | ${(keystroke.edit / keystroke.parse).toFixed(2)}× |`,
  `| re-check of the ${big}-file pack with nothing changed (the pack-wide part of a keystroke) | ${ms(keystroke.idle)} ms |`,
  `| CLI \`check --format json\`, ${big}-file pack: wall time (new process, median of 3) | ${ms(cliRow.wall)} ms |`,
  `| CLI peak memory (max RSS) | ${cliRow.rss.toFixed(0)} MB |`,
  `| whole-pack check of the ${big}-file pack in a new process, 1 thread (median of 3) | ${ms(cliRow.coldOne)} ms |`,
  `| the same on ${threads} worker threads (src/node/parallel.ts; the YAML files take the fast path and the Markdown ones are fewer than 200: no worker starts) | ${ms(cliRow.coldPar)} ms (${(cliRow.coldPar / cliRow.coldOne).toFixed(2)}×) |`,
  ...(keystrokeSlow
    ? [
        `| keystroke on the ${big}-file pack with quoted notes wrapped over two lines (the edited file declines the fast path) | ${ms(keystrokeSlow.edit)} ms |`,
        `| parseDocument of that file alone (${keystrokeSlow.kb.toFixed(1)} KB) | ${ms(keystrokeSlow.parse)} ms |`,
        `| keystroke ÷ parse alone, off the fast path | ${(keystrokeSlow.edit / keystrokeSlow.parse).toFixed(2)}× |`,
        `| whole-pack check of that pack in a new process, 1 thread (median of 3) | ${ms(cliRow.slowOne)} ms |`,
        `| the same on ${threads} worker threads (past the first 200, every file goes to a worker) | ${ms(cliRow.slowPar)} ms (${(cliRow.slowPar / cliRow.slowOne).toFixed(2)}×) |`,
      ]
    : []),
  `| \`dist/extension.js\` + the \`dist/browser.js\` it loads: size | ${ext.kb.toFixed(0)} KB |`,
  `| time to \`require\` it (stub \`vscode\`, new process, median of 7) | ${ms(ext.load)} ms |`,
];
const ratioRows = (list) =>
  list.map(
    ([name, v, limit, at]) =>
      `| ${name} (${at}) | ${name.includes('MB') ? v.toFixed(0) : v.toFixed(2) + '×'} | ≤ ${name.includes('MB') ? limit : limit + '×'} | ${v <= limit ? 'yes' : '**no**'} |`,
  );
const ratioLines = ['| target (issue 5) | measured | limit | met |', '|---|---:|---:|:---:|', ...ratioRows(targets)];
const slowLines =
  slowRow && keystrokeSlow
    ? [
        '| the same targets, every YAML file off the fast path (quoted notes wrapped over two lines) | measured | limit | met |',
        '|---|---:|---:|:---:|',
        ...ratioRows(targetsFor(slowRow, keystrokeSlow)),
      ]
    : [];

console.log(
  '\n' +
    startupLines.join('\n') +
    '\n\n' +
    lines.join('\n') +
    '\n\n' +
    table2.join('\n') +
    '\n\n' +
    ratioLines.join('\n') +
    '\n\n' +
    slowLines.join('\n'),
);

// ---------------------------------------------------------------- 5. (opt-in) the extension in VS Code, both hosts
// BENCH_VSCODE=1 measures them (bench/vscode.mjs); otherwise the figures of the last such run are kept.
let hostsText;
{
  const { measureHosts, hostsSection, HOSTS_START, HOSTS_END } = await import('./vscode.mjs');
  if (process.env.BENCH_VSCODE === '1') {
    const rows = await measureHosts({ 'demo pack': path.join(repo, 'examples', 'demo-pack'), '1,000-file pack': packs[`n${big}`].root });
    hostsText = hostsSection(rows, `${machine.cpu}, ${machine.memory} RAM, Node ${machine.node}, ${machine.date}`);
    console.log('\n' + hostsText);
  } else {
    const old = existsSync(path.join(repo, 'BENCHMARKS.md')) ? readFileSync(path.join(repo, 'BENCHMARKS.md'), 'utf8') : '';
    const a = old.indexOf(HOSTS_START),
      b = old.indexOf(HOSTS_END);
    hostsText = a >= 0 && b > a ? old.slice(a + HOSTS_START.length, b).trim() : 'Not measured yet: `BENCH_VSCODE=1 npm run bench`.';
  }
}

// The deliverables' section is measured by bench/exports.mjs (npm run bench:exports): kept as it is.
const exportsText = (() => {
  const old = existsSync(path.join(repo, 'BENCHMARKS.md')) ? readFileSync(path.join(repo, 'BENCHMARKS.md'), 'utf8') : '';
  const a = old.indexOf('<!-- exports:start -->'),
    b = old.indexOf('<!-- exports:end -->');
  return a >= 0 && b > a ? old.slice(a + '<!-- exports:start -->'.length, b).trim() : 'Not measured yet: `npm run bench:exports`.';
})();

if (!process.env.BENCH_NO_WRITE && SIZES.length >= 3 && slowLines.length) {
  const doc = readFileSync(path.join(here, 'BENCHMARKS.template.md'), 'utf8')
    .replace(
      '{{machine}}',
      `${machine.cpu}; ${machine.memory} RAM; ${machine.os}; Node ${machine.node}; yaml-language-server ${ylsVersion}; measured ${machine.date}`,
    )
    .replace('{{startup}}', startupLines.join('\n'))
    .replace('{{hosts}}', hostsText)
    .replace('{{exports}}', exportsText)
    .replace('{{whole}}', lines.join('\n'))
    .replace('{{other}}', table2.join('\n'))
    .replace('{{ratios}}', ratioLines.join('\n'))
    .replace('{{slowRatios}}', slowLines.join('\n'));
  writeFileSync(path.join(repo, 'BENCHMARKS.md'), doc);
  console.log('\nwrote BENCHMARKS.md');
}
