// `npm run bench:exports` — what a user waits for, and how much memory it takes, when exporting from the command
// line: `report` to .html, .xlsx, .csv and .docx and `bundle` to .zip, next to `check` alone, on examples/demo-pack
// and the generated 1,000-file pack of the other sections (bench/gen.mjs). Each run is a new `node dist/cli.js`
// process: wall time, median of RUNS, the commands interleaved run by run; peak RSS, the largest of the runs.
// Writes the table between the exports markers of BENCHMARKS.md (BENCH_NO_WRITE=1: print only).
// Options (environment): BENCH_RUNS=5, BENCH_SIZE=1000 (the generated pack), BENCH_NO_WRITE=1. Run `npm run build` first.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cli, loadEngine, median, packOf, repo, runCli, work } from './common.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZE = Number(process.env.BENCH_SIZE ?? 1000);
export const EXPORTS_START = '<!-- exports:start -->';
export const EXPORTS_END = '<!-- exports:end -->';

if (!existsSync(cli)) throw new Error('dist/cli.js is missing: npm run build first');
const out = path.join(work, 'exports');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const large = packOf(await loadEngine(), SIZE).root;

// Every report format the CLI may have; one it does not know exits 2 and is left out.
const formats = ['html', 'xlsx', 'csv', 'docx'];
const packs = [
  ['examples/demo-pack', path.join(repo, 'examples/demo-pack')],
  [`${SIZE.toLocaleString('en')}-file pack (bench/gen.mjs)`, large],
];
const rows = [];
for (const [label, dir] of packs) {
  const jobs = [
    ...formats.map((f) => [f, ['report', dir, '--out', path.join(out, `r.${f}`), '--root', dir]]),
    ['bundle', ['bundle', dir, '--out', path.join(out, 'b.zip'), '--root', dir]],
    ['check', ['check', dir, '--root', dir, '--format', 'json']],
  ];
  const times = new Map(jobs.map(([name]) => [name, []]));
  const rss = new Map(jobs.map(([name]) => [name, []]));
  const skipped = new Set();
  for (let i = 0; i < RUNS; i++) {
    for (const [name, args] of jobs) {
      if (skipped.has(name)) continue;
      const r = runCli(args, { LANG: 'en_US.UTF-8' });
      // check exits 1 on the generated pack's deliberate errors; a format the registry lacks exits 2
      if (r.status !== 0 && name !== 'check') {
        skipped.add(name);
        continue;
      }
      times.get(name).push(r.ms);
      if (r.rss !== undefined) rss.get(name).push(r.rss);
    }
  }
  const size = (f) => (existsSync(f) ? `${(statSync(f).size / 1024).toFixed(0)} KB` : '');
  for (const [name] of jobs) {
    if (skipped.has(name)) continue;
    const file = name === 'bundle' ? path.join(out, 'b.zip') : name === 'check' ? '' : path.join(out, `r.${name}`);
    const command = name === 'bundle' ? '`bundle` → .zip' : name === 'check' ? '`check` (for comparison)' : `\`report\` → .${name}`;
    const peak = rss.get(name).length ? `${Math.max(...rss.get(name)).toFixed(0)} MB` : '';
    rows.push(`| ${label} | ${command} | ${median(times.get(name)).toFixed(0)} ms | ${peak} | ${file ? size(file) : ''} |`);
  }
}

const machine = `${os.cpus()[0]?.model.trim() ?? 'unknown CPU'} × ${os.cpus().length}; ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM; Node ${process.version}; load average ${os.loadavg()[0].toFixed(1)}; ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`;
const table = [
  `Measured by \`npm run bench:exports\` (bench/exports.mjs): ${machine}. Each time is the median of ${RUNS} runs`,
  'of a new `node dist/cli.js` process (start-up, check, render, write), wall time; the peak RSS is the largest of them.',
  '',
  '| pack | command | time | peak RSS | output size |',
  '|---|---|---:|---:|---:|',
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
