// Export time and peak memory of the deliverables (`report --out FILE.docx|.xlsx`) on the demo pack and a generated
// 1,000-file pack (bench/gen.mjs, the pack bench/run.mjs checks), each in a new process measured by /usr/bin/time -v.
// Usage: npm run build && node bench/deliverables.mjs   (BENCH_SIZE=1000, BENCH_FORMATS=docx,xlsx)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePack } from './gen.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.dirname(here);
const work = path.join(here, '.work');
mkdirSync(work, { recursive: true });
const n = Number(process.env.BENCH_SIZE ?? 1000);
const formats = (process.env.BENCH_FORMATS ?? 'docx').split(',');

const engineFile = path.join(work, 'engine.cjs');
await build({
  entryPoints: [path.join(here, 'engine-entry.ts')],
  outfile: engineFile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  loader: { '.yaml': 'text' },
  logLevel: 'warning',
});
const leaves = createRequire(import.meta.url)(engineFile).builtinStandard('gbt27922-2011').leaves;
const big = path.join(work, 'packs', `n${n}`);
generatePack(big, n, leaves);

/** Wall time and peak RSS of `evidence-pack ARGS` in a new process. */
function measure(args) {
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, path.join(repo, 'dist', 'cli.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0 && args[0] !== 'score') throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)/.exec(r.stderr)[1];
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)[1]);
  return `${wall} | ${(rss / 1024).toFixed(0)} MB`;
}

console.log('| pack | what | wall time | peak RSS | file size |');
console.log('|---|---|---|---|---|');
for (const [name, dir] of [
  ['demo pack', path.join(repo, 'examples', 'demo-pack')],
  [`${n}-file pack`, big],
]) {
  // The check alone (the part of an export that is not the exporter), for comparison.
  console.log(`| ${name} | \`score --format json\` | ${measure(['score', dir, '--format', 'json'])} | |`);
  for (const format of formats) {
    const out = path.join(work, `report-${path.basename(dir)}.${format}`);
    console.log(
      `| ${name} | \`report --out FILE.${format}\` | ${measure(['report', dir, '--out', out, '--lang', 'zh-CN'])} | ${(statSync(out).size / 1024).toFixed(0)} kB |`,
    );
  }
}
