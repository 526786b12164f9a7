// What the benchmarks share: where things are, the engine bundled as the CLI bundles it (bench/engine-entry.ts →
// bench/.work/engine.cjs), the generated packs (bench/gen.mjs), a file system that serves an editor's unsaved
// text, the median, and a CLI run measured for wall time and peak memory.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePack } from './gen.mjs';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.dirname(here);
export const work = path.join(here, '.work');
export const engineFile = path.join(work, 'engine.cjs');
export const cli = path.join(repo, 'dist', 'cli.js');
export const slash = (p) => p.split(path.sep).join('/');
const require = createRequire(import.meta.url);

/** The engine of bench/.work/engine.cjs; `build` bundles it first (bench/profile.mjs uses the last `npm run bench`'s). */
export async function loadEngine({ build: rebuild = true } = {}) {
  if (rebuild) {
    mkdirSync(work, { recursive: true });
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
  }
  return require(engineFile);
}

/** The generated pack of `n` evidence files (bench/gen.mjs) over the built-in standard's leaves, in
 *  bench/.work/packs/<key>: `n1000`, or `n1000-wrapped` for another style. */
export function packOf(E, n, style = 'plain') {
  const key = style === 'plain' ? `n${n}` : `n${n}-${style}`;
  const root = path.join(work, 'packs', key);
  return { key, root, files: generatePack(root, n, E.builtinStandard('gbt27922-2011').leaves, style) };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The engine's Node file system, but a path in `overlay` reads as its text there (an editor's unsaved buffer). */
export function overlayFs(E, overlay) {
  return {
    readFile: (p) => (overlay.has(p) ? Promise.resolve(Buffer.from(overlay.get(p), 'utf8')) : E.nodeFileSystem.readFile(p)),
    stat: (p, l) =>
      overlay.has(p)
        ? Promise.resolve({ isFile: true, isDirectory: false, isSymbolicLink: false, size: Buffer.byteLength(overlay.get(p)) })
        : E.nodeFileSystem.stat(p, l),
    readDir: (p) => E.nodeFileSystem.readDir(p),
    realpath: (p) => E.nodeFileSystem.realpath(p),
  };
}

/**
 * `node dist/cli.js ARGS` in a new process (what a user waits for): its exit status, stderr, wall time (ms) and
 * peak RSS (MB; from /usr/bin/time -v when present, else from process.resourceUsage().maxRSS at exit).
 */
export function runCli(args, env = {}) {
  const useTime = existsSync('/usr/bin/time');
  const options = { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20, env: { ...process.env, ...env } };
  const s = performance.now();
  const out = useTime
    ? spawnSync('/usr/bin/time', ['-v', process.execPath, cli, ...args], options)
    : spawnSync(
        process.execPath,
        [
          '-e',
          `process.argv.splice(1,0,${JSON.stringify(cli)});process.on('exit',()=>process.stderr.write('\\nMAXRSS '+process.resourceUsage().maxRSS+'\\n'));require(${JSON.stringify(cli)})`,
          ...args,
        ],
        options,
      );
  const ms = performance.now() - s;
  const kb = (useTime ? /Maximum resident set size \(kbytes\): (\d+)/ : /MAXRSS (\d+)/).exec(out.stderr)?.[1];
  return { status: out.status, stderr: out.stderr, ms, rss: kb ? Number(kb) / 1024 : undefined };
}
