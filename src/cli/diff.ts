// `evidence-pack score --diff REV`: how the working tree's score compares with the packs as committed at a
// git revision — what a pull request changes. The old tree is read with git itself (ls-tree + cat-file) into
// a temporary folder and checked there with the same engine, so both sides are scored by the same rules.
import type * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isInside, relativePath, toSlash } from '../core/paths';
import type { Lang, PackResult, Score, Standard } from '../core/types';
import { t } from '../present/catalogue';
import { formatPoints, formatScore, formatScoreDelta } from '../present/numbers';
import { bandLabel, packLabel, paren, stateLabel } from '../present/vocabulary';

export interface ScoreDiff {
  pack: string;
  before?: Score;
  after?: Score;
  text: string;
}

/** Blobs above this size outside of text files are attachments: the engine only needs to know they exist
 *  (and how big they are), so they are materialised as sparse files of the same size, not read. */
const ATTACHMENT_THRESHOLD = 1024 * 1024;
const TEXT_FILE = /\.(ya?ml|json|md|markdown|txt)$/i;

export class DiffError extends Error {}

interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

function git(cwd: string, args: string[], input?: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    // child_process is loaded here, by `score --diff` only: a plain check does not pay for it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the lazy load is the point
    const { spawn } = require('node:child_process') as typeof childProcess;
    const child = spawn('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8').trim() }),
    );
    child.stdin.on('error', () => {
      /* git may exit before reading all of its input */
    });
    child.stdin.end(input ?? '');
  });
}

async function gitOk(cwd: string, args: string[], lang: Lang, input?: string): Promise<Buffer> {
  const r = await git(cwd, args, input);
  if (r.code !== 0) throw new DiffError(t(lang, 'diff.gitFailed', { args: args.join(' '), detail: r.stderr || `exit ${r.code}` }));
  return r.stdout;
}

interface TreeEntry {
  mode: string;
  type: string;
  sha: string;
  size: number;
  path: string;
}

/** Writes the tree of `commit` (the whole repository: a pack may link anywhere inside its workspace)
 *  into `target`. */
async function materialise(top: string, commit: string, target: string, lang: Lang): Promise<void> {
  const listing = await gitOk(top, ['ls-tree', '-r', '-z', '--long', '--full-tree', commit], lang);
  const entries: TreeEntry[] = [];
  for (const record of listing.toString('utf8').split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    const [mode, type, sha, size] = record.slice(0, tab).trim().split(/\s+/);
    entries.push({ mode, type, sha, size: Number(size), path: record.slice(tab + 1) });
  }
  const toRead: TreeEntry[] = [];
  for (const entry of entries) {
    if (entry.type !== 'blob' || entry.mode === '120000') continue; // submodules, symlinks: not part of a pack
    const dest = path.join(target, ...entry.path.split('/'));
    if (dest === target || !isInside(toSlash(target), toSlash(dest))) continue;
    await fs.promises.mkdir(path.dirname(dest), { recursive: true });
    if (entry.size > ATTACHMENT_THRESHOLD && !TEXT_FILE.test(entry.path)) {
      const handle = await fs.promises.open(dest, 'w');
      await handle.truncate(entry.size);
      await handle.close();
    } else {
      toRead.push(entry);
    }
  }
  if (!toRead.length) return;
  const batch = await gitOk(top, ['cat-file', '--batch'], lang, toRead.map((x) => x.sha).join('\n') + '\n');
  let offset = 0;
  for (const entry of toRead) {
    const newline = batch.indexOf(0x0a, offset);
    const header = batch.subarray(offset, newline).toString('utf8').split(' ');
    const size = Number(header[2]);
    if (header[1] !== 'blob' || !Number.isFinite(size))
      throw new DiffError(t(lang, 'diff.gitFailed', { args: 'cat-file --batch', detail: header.join(' ') }));
    const content = batch.subarray(newline + 1, newline + 1 + size);
    offset = newline + 1 + size + 1;
    const dest = path.join(target, ...entry.path.split('/'));
    await fs.promises.writeFile(dest, content, { mode: entry.mode === '100755' ? 0o755 : 0o644 });
  }
}

function rounding(standard: Standard | undefined): number {
  return standard?.rating.rounding ?? 1;
}

export async function scoreDiff(opts: {
  dir: string;
  rev: string;
  lang: Lang;
  check: (dir: string, workspaceRoot: string) => Promise<PackResult[]>;
}): Promise<ScoreDiff[]> {
  const { lang } = opts;
  const dir = path.resolve(opts.dir);
  const top = await git(dir, ['rev-parse', '--show-toplevel']).catch(() => undefined);
  if (!top || top.code !== 0) throw new DiffError(t(lang, 'diff.notGit', { dir: opts.dir }));
  const topDir = path.resolve(top.stdout.toString('utf8').trim());
  const prefix = (await gitOk(dir, ['rev-parse', '--show-prefix'], lang)).toString('utf8').trim();
  const commitRes = await git(dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${opts.rev}^{commit}`]);
  if (commitRes.code !== 0) throw new DiffError(t(lang, 'diff.badRev', { rev: opts.rev }));
  const commit = commitRes.stdout.toString('utf8').trim();

  const tmp = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'evidence-pack-diff-'));
  try {
    const oldTop = path.join(tmp, 'tree');
    await fs.promises.mkdir(oldTop);
    await materialise(topDir, commit, oldTop, lang);
    const oldDir = path.join(oldTop, ...prefix.split('/').filter(Boolean));
    const realTop = toSlash(await fs.promises.realpath(topDir));
    const realOldTop = toSlash(await fs.promises.realpath(oldTop));

    const after = await opts.check(toSlash(dir), realTop);
    const before = fs.existsSync(oldDir) ? await opts.check(toSlash(oldDir), realOldTop) : [];

    // Match packs by their place in the repository.
    const realDir = toSlash(await fs.promises.realpath(dir));
    const key = (root: string, base: string) => relativePath(base, root);
    const beforeByKey = new Map(before.map((r) => [key(r.root, realOldTop), r]));
    const afterByKey = new Map(after.map((r) => [key(r.root, realTop), r]));
    const keys = [...new Set([...afterByKey.keys(), ...beforeByKey.keys()])].sort();
    return keys.map((k) => {
      const b = beforeByKey.get(k);
      const a = afterByKey.get(k);
      const pack = packLabel(realDir, `${realTop}/${k === '.' ? '' : k}`.replace(/\/$/, ''));
      return { pack, before: b?.score, after: a?.score, text: describe(b, a, lang) };
    });
  } finally {
    await fs.promises.rm(tmp, { recursive: true, force: true });
  }
}

/** `82.0 → 86.5 (Three-star → Three-star), +4.5: 5.2.4 met, 5.3.2 missing evidence` */
export function describe(before: PackResult | undefined, after: PackResult | undefined, lang: Lang): string {
  const b = before?.score,
    a = after?.score;
  const digits = rounding(after?.standard ?? before?.standard);
  const fmt = (s: Score | undefined) => (s ? formatScore(s.score, digits) : '—');
  const band = (r: PackResult | undefined) => (r?.score ? bandLabel(r, lang) : r ? t(lang, 'diff.notScored') : '—');
  const head = `${fmt(b)} → ${fmt(a)}${paren(`${band(before)} → ${band(after)}`, lang)}`;
  const sep = t(lang, 'punct.sentences');
  if (!before) return `${head}${sep}${t(lang, 'diff.newPack')}`;
  if (!after) return `${head}${sep}${t(lang, 'diff.removedPack')}`;
  if (!a || !b) return head;

  const deltaText = formatScoreDelta(a.score - b.score, digits);

  const old = new Map(b.clauses.map((c) => [c.id, c]));
  const standard = after.standard;
  const order = (id: string) => standard?.byId.get(id)?.order ?? Number.MAX_SAFE_INTEGER;
  const changes = a.clauses
    .filter((c) => {
      const o = old.get(c.id);
      return !o || o.state !== c.state || o.earned !== c.earned;
    })
    .sort((x, y) => order(x.id) - order(y.id))
    .map((c) => {
      const o = old.get(c.id);
      // A state inside a sentence is lower case (Chinese has no case, so this is a no-op there).
      let label = stateLabel(c.state, lang).toLowerCase();
      if (c.state === 'partial' || (o && o.state === c.state)) {
        label += ` ${o ? formatPoints(o.earned) + ' → ' : ''}${formatPoints(c.earned)}/${formatPoints(c.points)}`;
      }
      return `${c.id} ${label}`;
    });
  return `${head}${sep}${deltaText}${t(lang, 'punct.colon')}${changes.length ? changes.join(sep) : t(lang, 'diff.noChange')}`;
}
