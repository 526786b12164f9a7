// The built command line (dist/cli.js) as a user runs it, for the tests under test/cli.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '../..');
export const CLI = path.join(REPO, 'dist/cli.js');

/** `evidence-pack ARGS` in a new process, in `cwd` (default the repository), LANG en unless `env` says otherwise. */
export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? REPO,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', ...opts.env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
