// `npm run bench:exports` — how long the deliverables take from the command line: `report` to .html, .xlsx
// and .csv (and .docx once the registry has it) and `bundle` to .zip, for examples/demo-pack and a generated
// 1,000-file pack (bench/gen.mjs), each a new `node dist/cli.js` process (what a user waits for), wall time,
// median of RUNS, the formats interleaved run by run. Writes the table between the exports markers of
// BENCHMARKS.md (BENCH_NO_WRITE=1: print only). Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePack } from './gen.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const work = path.join(here, '.work');
const cli = path.join(repo, 'dist/cli.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
export const EXPORTS_START = '<!-- exports:start -->';
export const EXPORTS_END = '<!-- exports:end -->';

if (!existsSync(cli)) throw new Error('dist/cli.js is missing: npm run build first');
mkdirSync(work, { recursive: true });
const out = path.join(work, 'exports');
rmSync(out, { recursive: true, force: true });
mkdirSync(out);

// The 1,000-file pack the other benchmarks use, over the leaves of the built-in standard.
const require = createRequire(import.meta.url);
const standard = require('yaml').parse(readFileSync(path.join(repo, 'schemas/standards/gbt27922-2011.yaml'), 'utf8'));
const leavesOf = (clauses) =>
  clauses.flatMap((c) => (c.children ? leavesOf(c.children) : [{ id: String(c.id), requires: c.requires ?? [], sampled: !!c.sampled }]));
const leaves = leavesOf(standard.clauses);
const large = path.join(work, 'pack-1000');
generatePack(large, 1000, leaves);

// Every report format the CLI may have; one it does not know (docx before it lands) exits 2 and is left out.
const formats = ['html', 'xlsx', 'csv', 'docx'];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function run(args) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
  const ms = performance.now() - t;
  return { ok: r.status === 0, ms, err: r.stderr };
}

const packs = [
  ['examples/demo-pack', path.join(repo, 'examples/demo-pack')],
  ['1,000-file pack (bench/gen.mjs)', large],
];
const rows = [];
for (const [label, dir] of packs) {
  const jobs = [
    ...formats.map((f) => [f, ['report', dir, '--out', path.join(out, `r.${f}`), '--root', dir]]),
    ['bundle', ['bundle', dir, '--out', path.join(out, 'b.zip'), '--root', dir]],
    ['check', ['check', dir, '--root', dir, '--format', 'json']],
  ];
  const times = new Map(jobs.map(([name]) => [name, []]));
  const skipped = new Set();
  for (let i = 0; i < RUNS; i++) {
    for (const [name, args] of jobs) {
      if (skipped.has(name)) continue;
      const r = run(args);
      // check exits 1 on the generated pack's deliberate errors; a format the registry lacks exits 2
      if (!r.ok && name !== 'check') {
        skipped.add(name);
        continue;
      }
      times.get(name).push(r.ms);
    }
  }
  const size = (f) => (existsSync(f) ? `${(statSync(f).size / 1024).toFixed(0)} KB` : '');
  for (const [name] of jobs) {
    if (skipped.has(name)) continue;
    const file = name === 'bundle' ? path.join(out, 'b.zip') : name === 'check' ? '' : path.join(out, `r.${name}`);
    rows.push(
      `| ${label} | ${name === 'bundle' ? '`bundle` → .zip' : name === 'check' ? '`check` (for comparison)' : `\`report\` → .${name}`} | ${median(times.get(name)).toFixed(0)} ms | ${file ? size(file) : ''} |`,
    );
  }
}

const machine = `${os.cpus()[0]?.model.trim() ?? 'unknown CPU'} × ${os.cpus().length}; ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM; Node ${process.version}; load average ${os.loadavg()[0].toFixed(1)}; ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`;
const table = [
  `Measured by \`npm run bench:exports\` (bench/exports.mjs): ${machine}. Each figure is the median of ${RUNS} runs`,
  'of a new `node dist/cli.js` process (start-up, check, render, write), wall time.',
  '',
  '| pack | command | time | output size |',
  '|---|---|---:|---:|',
  ...rows,
].join('\n');
console.log(table);

if (!process.env.BENCH_NO_WRITE) {
  const file = path.join(repo, 'BENCHMARKS.md');
  const doc = readFileSync(file, 'utf8');
  const a = doc.indexOf(EXPORTS_START),
    b = doc.indexOf(EXPORTS_END);
  if (a < 0 || b < a) throw new Error(`BENCHMARKS.md has no ${EXPORTS_START} … ${EXPORTS_END} section`);
  writeFileSync(file, doc.slice(0, a + EXPORTS_START.length) + '\n' + table + '\n' + doc.slice(b));
  console.log('\nwrote the exports section of BENCHMARKS.md');
}
