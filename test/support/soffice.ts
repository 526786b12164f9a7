// LibreOffice for the tests that open what the exporters write, as a user's spreadsheet or word processor
// would. Each run has its own profile folder: two soffice processes sharing a profile block each other.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function sofficePath(): string | undefined {
  for (const name of ['soffice', 'libreoffice']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return undefined;
}

/** Skips the suite where LibreOffice is missing on a developer's machine; in CI (CI=true) that is a failure. */
export function requireSoffice(ctx: Mocha.Context): string {
  const bin = sofficePath();
  if (!bin) {
    if (process.env.CI) throw new Error('LibreOffice (soffice) is not installed: scripts/setup-office.sh installs it');
    ctx.skip();
  }
  return bin!;
}

let runs = 0;

/**
 * Converts `files` with soffice into `outDir` (`to` e.g. "pdf", "csv", or a full filter string); `infilter`
 * says how to read them (e.g. "CSV:44,34,76,1": comma-separated, double quotes, UTF-8, from line 1).
 */
export function convert(bin: string, files: string[], to: string, outDir: string, infilter?: string): void {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), `ep-soffice-${process.pid}-${runs++}-`));
  try {
    execFileSync(
      bin,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        ...(infilter ? [`--infilter=${infilter}`] : []),
        '--convert-to',
        to,
        '--outdir',
        outDir,
        ...files,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

export function hasCommand(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
