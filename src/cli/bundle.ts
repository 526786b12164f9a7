// `evidence-pack bundle` and `evidence-pack verify`: the hand-over archive and its check (docs/report.md,
// "Hand-over bundle"). A bundle holds what was scored (manifest, evidence files, attachments, standard and
// scoring-sheet files) under files/, the reports under reports/, bundle.json (score, rating, tool, standard,
// every file's hash) and SHA256SUMS (for `sha256sum -c`). The same input gives the same bytes: entries are
// sorted, their times fixed, and the reports dated with the assessment date instead of the clock.
// `verify` trusts nothing in the archive: hostile names, bombs and non-zips are refused before anything
// is written, the files are unpacked into a fresh temporary folder only, and the score is recomputed there.
import type * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Engine } from '../core/engine';
import { MANIFEST_NAME } from '../core/constants';
import type { FileSystem } from '../core/host';
import { dirname, isInside, normalizePath, relativePath, resolvePath } from '../core/paths';
import type { Lang, PackResult } from '../core/types';
import { nodeFileSystem } from '../node/nodeFs';

/** Zip and unzip, from dist/deliverables.js (fflate): loaded by the caller only when a bundle is made or checked. */
export interface ZipCodec {
  zipEntries(entries: [string, Uint8Array][]): Uint8Array;
  unzipEntries(bytes: Uint8Array, filter?: (file: { name: string; originalSize: number }) => boolean): Map<string, Uint8Array>;
}

export const BUNDLE_FORMAT = 1;
/** What a bundle may hold, unpacked: more is refused on both sides (bundle and verify). */
export const MAX_BUNDLE_BYTES = 1024 * 1024 * 1024;
export const MAX_BUNDLE_FILES = 100_000;

export interface BundleFile {
  path: string;
  sha256: string;
  size: number;
}

export interface BundlePack {
  /** The pack folder inside the archive (`files/…`). */
  path: string;
  organization?: string;
  /** The assessment date the score was computed for (verify scores on that day). */
  assessmentDate: string;
  standard: {
    id: string;
    weights: 'official' | 'provisional';
    file?: string;
    sheet?: { file: string; body?: string; source?: string; version?: string };
  };
  score: number | null;
  rating: { id: string; stars: number; label: string } | null;
}

export interface BundleJson {
  bundle: number;
  tool: { name: 'evidence-pack'; version: string };
  packs: BundlePack[];
  /** Every file of the archive but bundle.json and SHA256SUMS, sorted by path. */
  files: BundleFile[];
}

/** Files a bundle takes from the workspace, and the attachments it leaves out (never read). */
export interface PackFiles {
  files: string[];
  outside: { target: string; from: string }[];
}

export function sha256(bytes: Uint8Array): string {
  // crypto (and the streams it loads) is loaded here, by bundle and verify only: a plain check does not pay for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the lazy load is the point
  const { createHash } = require('node:crypto') as typeof crypto;
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * What the packs consist of: manifests, standard and sheet files, evidence files and every file they link
 * to. A target outside the workspace (by its path, or through a symbolic link) is never read: it is listed
 * in `outside`. Missing targets are left to the diagnostics (broken-link).
 */
export async function packFiles(results: PackResult[], workspaceRoot: string, fsys: FileSystem): Promise<PackFiles> {
  const realRoot = normalizePath((await fsys.realpath(workspaceRoot)) ?? workspaceRoot);
  const files = new Set<string>();
  const outside = new Map<string, string>();
  const consider = async (file: string, from: string) => {
    if (files.has(file) || outside.has(file)) return;
    const real = isInside(workspaceRoot, file) ? await fsys.realpath(file) : undefined;
    if (real === undefined && isInside(workspaceRoot, file)) return; // missing: broken-link says so
    if (real === undefined || !isInside(realRoot, normalizePath(real))) {
      outside.set(file, from);
      return;
    }
    if ((await fsys.stat(file))?.isFile) files.add(file);
  };
  for (const r of results) {
    if (!r.manifest) continue;
    const m = r.manifest;
    await consider(m.file, m.file);
    if (r.standard?.file) await consider(normalizePath(r.standard.file), m.file);
    if (r.standard?.sheet) await consider(normalizePath(r.standard.sheet.file), m.file);
    for (const f of r.files) await consider(f, f);
    for (const target of [...m.specialDeductions.map((d) => d.rectification), ...m.specialBonuses.map((b) => b.evidence)]) {
      if (target && !/^[a-z][a-z0-9+.-]*:/i.test(target))
        await consider(resolvePath(dirname(m.file), target.replace(/[?#].*$/, '')), m.file);
    }
    // Which evidence file links to which target is not kept per link; name the pack as the source.
    for (const l of r.links ?? []) await consider(l, m.file);
  }
  return {
    files: [...files].sort(),
    outside: [...outside].map(([target, from]) => ({ target, from })).sort((a, b) => byText(a.target, b.target)),
  };
}

/** The deepest folder holding `dir` and every file (all inside the workspace): paths in the archive are relative to it. */
export function commonFolder(dir: string, files: string[]): string {
  let base = normalizePath(dir);
  for (const f of files) while (!isInside(base, f)) base = dirname(base);
  return base;
}

/** One line of `sha256sum` output; a name with a backslash or a newline is escaped as sha256sum does. */
function sumLine(file: BundleFile): string {
  const escaped = /[\\\n]/.test(file.path);
  const name = file.path.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
  return `${escaped ? '\\' : ''}${file.sha256}  ${name}\n`;
}

function parseSums(text: string): Map<string, string> | undefined {
  const sums = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const m = /^(\\?)([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!m) return undefined;
    sums.set(m[1] ? m[3].replace(/\\(\\|n)/g, (_, c: string) => (c === 'n' ? '\n' : '\\')) : m[3], m[2]);
  }
  return sums;
}

export interface BundleInput {
  results: PackResult[];
  /** Archive paths are relative to this folder (commonFolder). */
  base: string;
  files: string[];
  read(file: string): Promise<Uint8Array>;
  /** Named reports, e.g. `evidence-pack-report.html`. */
  reports: [string, Uint8Array][];
  toolVersion: string;
}

/** The archive's bytes: files/…, reports/…, bundle.json and SHA256SUMS, sorted, with fixed times. */
export async function makeBundle(input: BundleInput, codec: ZipCodec): Promise<Uint8Array> {
  const entries: [string, Uint8Array][] = [];
  for (const f of input.files) entries.push([archivePath(input.base, f), await input.read(f)]);
  for (const [name, bytes] of input.reports) entries.push([`reports/${name}`, bytes]);
  entries.sort(([a], [b]) => byText(a, b));
  const files = entries.map(([p, bytes]): BundleFile => ({ path: p, sha256: sha256(bytes), size: bytes.length }));
  const manifest: BundleJson = {
    bundle: BUNDLE_FORMAT,
    tool: { name: 'evidence-pack', version: input.toolVersion },
    packs: input.results
      .filter((r) => r.manifest)
      .map((r): BundlePack => {
        const standard = r.standard;
        const sheet = standard?.sheet;
        return {
          path: archivePath(input.base, r.root),
          ...(r.manifest!.organization?.name ? { organization: r.manifest!.organization.name } : {}),
          assessmentDate: r.manifest!.assessmentDate,
          standard: {
            id: standard?.id ?? r.manifest!.standardRef,
            weights: r.score?.standard.weights ?? standard?.weights ?? 'provisional',
            ...(standard?.file ? { file: archivePath(input.base, standard.file) } : {}),
            ...(sheet
              ? { sheet: { file: archivePath(input.base, sheet.file), body: sheet.body, source: sheet.source, version: sheet.version } }
              : {}),
          },
          score: r.score?.score ?? null,
          rating: r.score ? { ...r.score.rating } : null,
        };
      }),
    files,
  };
  const json = new TextEncoder().encode(JSON.stringify(manifest, null, 2) + '\n');
  const sums = [...files, { path: 'bundle.json', sha256: sha256(json), size: json.length }]
    .sort((a, b) => byText(a.path, b.path))
    .map(sumLine)
    .join('');
  return codec.zipEntries([['SHA256SUMS', new TextEncoder().encode(sums)], ['bundle.json', json], ...entries]);
}

/** Code-unit order: the same on every machine and locale. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function archivePath(base: string, file: string): string {
  const rel = relativePath(base, normalizePath(file));
  return rel === '.' ? 'files' : `files/${rel}`;
}

// ---------------------------------------------------------------- verify

/** Why an archive is not a bundle (exit 2), as a catalogue id with its arguments. */
export interface NotBundle {
  reason: 'notZip' | 'unsafeName' | 'tooLarge' | 'noBundleJson' | 'badBundleJson';
  args?: Record<string, string>;
}

/** A file whose bytes differ, one that is listed but absent, one that is present but not listed; a score that differs. */
export type Difference =
  { kind: 'changed' | 'missing' | 'extra'; file: string } | { kind: 'score'; pack: string; expected: string; actual: string };

export interface VerifyResult {
  manifest: BundleJson;
  differences: Difference[];
}

/** A name that unpacks inside the folder it is unpacked in: relative, no `..`, no drive, no backslash, no NUL. */
export function isSafeEntryName(name: string): boolean {
  if (!name || name.length > 4096 || /[\\\0]/.test(name) || name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return false;
  const parts = name.replace(/\/$/, '').split('/');
  return parts.every((p) => p !== '' && p !== '.' && p !== '..');
}

/** Reads a bundle's entries with every bound checked before a byte is inflated. */
export function readBundle(bytes: Uint8Array, codec: ZipCodec): { entries: Map<string, Uint8Array>; manifest: BundleJson } | NotBundle {
  let declared = 0,
    count = 0;
  let refused: NotBundle | undefined;
  let entries: Map<string, Uint8Array>;
  try {
    entries = codec.unzipEntries(bytes, (f) => {
      if (refused) return false;
      declared += f.originalSize;
      if (!isSafeEntryName(f.name)) refused = { reason: 'unsafeName', args: { name: JSON.stringify(f.name) } };
      else if (++count > MAX_BUNDLE_FILES || declared > MAX_BUNDLE_BYTES)
        refused = { reason: 'tooLarge', args: { files: String(MAX_BUNDLE_FILES), bytes: String(MAX_BUNDLE_BYTES) } };
      // Folder entries carry nothing; a file's declared size bounds what it may inflate to.
      return !refused && !f.name.endsWith('/');
    });
  } catch (e) {
    return refused ?? { reason: 'notZip', args: { detail: String((e as Error).message ?? e) } };
  }
  if (refused) return refused;
  // A file that is also the folder of another entry cannot be unpacked (a crafted archive, never ours).
  for (const name of entries.keys()) {
    for (let i = name.indexOf('/'); i > 0; i = name.indexOf('/', i + 1)) {
      if (entries.has(name.slice(0, i))) return { reason: 'unsafeName', args: { name: JSON.stringify(name.slice(0, i)) } };
    }
  }
  const json = entries.get('bundle.json');
  if (!json) return { reason: 'noBundleJson' };
  let manifest: BundleJson;
  try {
    manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json)) as BundleJson;
  } catch (e) {
    return { reason: 'badBundleJson', args: { detail: String((e as Error).message) } };
  }
  const ok =
    manifest &&
    manifest.bundle === BUNDLE_FORMAT &&
    Array.isArray(manifest.files) &&
    Array.isArray(manifest.packs) &&
    manifest.files.every((f) => f && typeof f.path === 'string' && isSafeEntryName(f.path) && /^[0-9a-f]{64}$/.test(String(f.sha256))) &&
    manifest.packs.every(
      (p) =>
        p &&
        typeof p.path === 'string' &&
        isSafeEntryName(p.path) &&
        p.path.split('/')[0] === 'files' &&
        typeof p.assessmentDate === 'string',
    );
  if (!ok) return { reason: 'badBundleJson', args: { detail: 'bundle.json' } };
  return { entries, manifest };
}

/**
 * Every hash of bundle.json and SHA256SUMS against the entries, then every pack re-scored from the bundle's
 * own files, unpacked into a temporary folder that is removed afterwards.
 */
export async function verifyBundle(entries: Map<string, Uint8Array>, manifest: BundleJson, lang: Lang): Promise<Difference[]> {
  const differences: Difference[] = [];
  const expected = new Map(manifest.files.map((f) => [f.path, f.sha256]));
  const sumsBytes = entries.get('SHA256SUMS');
  const sums = sumsBytes ? parseSums(new TextDecoder().decode(sumsBytes)) : undefined;
  if (!sums) differences.push({ kind: sumsBytes ? 'changed' : 'missing', file: 'SHA256SUMS' });
  for (const [file, hash] of sums ?? []) if (!expected.has(file) || file === 'bundle.json') expected.set(file, hash);
  for (const [file, hash] of [...expected].sort(([a], [b]) => byText(a, b))) {
    const bytes = entries.get(file);
    if (!bytes) differences.push({ kind: 'missing', file });
    else if (sha256(bytes) !== hash || (sums?.get(file) !== undefined && sums.get(file) !== hash))
      differences.push({ kind: 'changed', file });
  }
  for (const file of [...entries.keys()].sort()) {
    if (!expected.has(file) && file !== 'SHA256SUMS') differences.push({ kind: 'extra', file });
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-pack-verify-'));
  try {
    const root = normalizePath(fs.realpathSync(dir));
    for (const [name, bytes] of entries) {
      if (!name.startsWith('files/')) continue;
      const target = path.join(root, ...name.split('/'));
      // isSafeEntryName already holds; this is the last line between an entry and the rest of the disk.
      if (!isInside(root, normalizePath(target))) continue;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, bytes, { flag: 'wx' });
    }
    const workspace = `${root}/files`;
    for (const pack of manifest.packs) {
      const engine = new Engine({ fs: nodeFileSystem, clock: { today: () => pack.assessmentDate }, lang, workspaceRoot: workspace });
      const packRoot = `${root}/${pack.path}`;
      const result = fs.existsSync(path.join(packRoot, MANIFEST_NAME)) ? await engine.checkPack(packRoot) : undefined;
      const actual = result?.score ? `${result.score.score} ${result.score.rating.id}` : 'none';
      const wanted = pack.score === null || !pack.rating ? 'none' : `${pack.score} ${pack.rating.id}`;
      if (actual !== wanted) differences.push({ kind: 'score', pack: pack.path, expected: wanted, actual });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return differences;
}
