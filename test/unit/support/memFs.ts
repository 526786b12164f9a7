// An in-memory FileSystem for engine tests: folders are implied by file paths; reads and
// stats are recorded so tests can prove what the engine touched.
import type { DirEntry, FileStat, FileSystem } from '../../../src/core/host';
import { Engine } from '../../../src/core/engine';
import type { Lang, PackResult } from '../../../src/core/types';

export interface MemFs extends FileSystem {
  files: Map<string, Uint8Array>;
  reads: string[];
  write(path: string, content: string | Uint8Array): void;
  remove(path: string): void;
}

export function memFs(initial: Record<string, string | Uint8Array> = {}): MemFs {
  const files = new Map<string, Uint8Array>();
  const enc = new TextEncoder();
  const put = (p: string, c: string | Uint8Array) => files.set(p, typeof c === 'string' ? enc.encode(c) : c);
  for (const [p, c] of Object.entries(initial)) put(p, c);
  const isDir = (p: string) => {
    const pre = p.endsWith('/') ? p : p + '/';
    for (const k of files.keys()) if (k.startsWith(pre)) return true;
    return false;
  };
  const fs: MemFs = {
    files,
    reads: [],
    write: put,
    remove: (p) => {
      files.delete(p);
    },
    async readFile(p) {
      fs.reads.push(p);
      const f = files.get(p);
      if (!f) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return f;
    },
    async stat(p): Promise<FileStat | undefined> {
      const f = files.get(p);
      if (f) return { isFile: true, isDirectory: false, isSymbolicLink: false, size: f.length };
      if (isDir(p)) return { isFile: false, isDirectory: true, isSymbolicLink: false, size: 0 };
      return undefined;
    },
    async readDir(p): Promise<DirEntry[]> {
      const pre = p.endsWith('/') ? p : p + '/';
      const seen = new Map<string, DirEntry>();
      for (const k of files.keys()) {
        if (!k.startsWith(pre)) continue;
        const rest = k.slice(pre.length);
        const name = rest.split('/')[0];
        const dir = rest.includes('/');
        if (!seen.has(name)) seen.set(name, { name, isFile: !dir, isDirectory: dir, isSymbolicLink: false });
      }
      return [...seen.values()];
    },
    async realpath(p) {
      return files.has(p) || isDir(p) ? p : undefined;
    },
  };
  return fs;
}

export const TODAY = '2026-10-15';

export function engineFor(fs: FileSystem, opts: { lang?: Lang; root?: string; maxFileSize?: number } = {}): Engine {
  return new Engine({
    fs,
    clock: { today: () => TODAY },
    lang: opts.lang ?? 'en',
    workspaceRoot: opts.root ?? '/ws',
    maxFileSize: opts.maxFileSize,
  });
}

/** A small standard whose numbers make expected scores easy to state: ten leaves of 10 points. */
/** The kinds test standards use: a document, and a dated record. */
export const TEST_KINDS = `kinds:
  - {id: document, label: {zh-CN: 文件, en: Document}}
  - {id: record, label: {zh-CN: 记录, en: Record}, dated: true}`;

const TEST_BANDS = {
  qualified: '0, label: {zh-CN: 达标级, en: Qualified}',
  'three-star': '3, label: {zh-CN: 三星级, en: Three-star}',
  'four-star': '4, label: {zh-CN: 四星级, en: Four-star}',
  'five-star': '5, label: {zh-CN: 五星级, en: Five-star}',
};

/** The rating block of a test standard (scale 100, one decimal, the usual special items), with these bands' minimums. */
export function testRating(mins: Partial<Record<keyof typeof TEST_BANDS, number>>): string {
  const bands = Object.entries(mins).map(
    ([id, min]) => `    - {id: ${id}, min: ${min}, stars: ${TEST_BANDS[id as keyof typeof TEST_BANDS]}}`,
  );
  return `rating:
  scale: 100
  rounding: 1
  fail: {id: fail, label: {zh-CN: 不合格, en: Fail}}
  bands:
${bands.join('\n')}
  special_deduction: {points: 1, fail_at: 5}
  special_bonus: {points: 1, max: 1}`;
}

export const TEST_STANDARD = `
id: test-std
title: {zh-CN: 测试标准, en: Test standard}
weights: official
${TEST_KINDS}
${testRating({ qualified: 70, 'three-star': 80, 'four-star': 90, 'five-star': 95 })}
clauses:
  - id: "1"
    title: {zh-CN: 第一部分, en: Part one}
    points: 50
    children:
      - {id: "1.1", title: {zh-CN: 一一, en: One one}, points: 10, requires: [document], excludable: true}
      - {id: "1.2", title: {zh-CN: 一二, en: One two}, points: 10, requires: [record], sampled: true}
      - {id: "1.3", title: {zh-CN: 一三, en: One three}, points: 10, requires: [document]}
      - {id: "1.4", title: {zh-CN: 一四, en: One four}, points: 10, requires: [document]}
      - {id: "1.10", title: {zh-CN: 一十, en: One ten}, points: 10, requires: [document]}
  - id: "2"
    title: {zh-CN: 第二部分, en: Part two}
    points: 50
    children:
      - {id: "2.1", title: {zh-CN: 二一, en: Two one}, points: 10, requires: [document]}
      - {id: "2.2", title: {zh-CN: 二二, en: Two two}, points: 10, requires: [document]}
      - {id: "2.3", title: {zh-CN: 二三, en: Two three}, points: 10, requires: [document]}
      - {id: "2.4", title: {zh-CN: 二四, en: Two four}, points: 10, requires: [document]}
      - {id: "2.5", title: {zh-CN: 二五, en: Two five}, points: 10, requires: [document]}
`;

export const LEAVES = ['1.1', '1.2', '1.3', '1.4', '1.10', '2.1', '2.2', '2.3', '2.4', '2.5'];

/** An evidence entry that is met under TEST_STANDARD. */
export function metEntry(id: string): string {
  return id === '1.2'
    ? `  - clause: "${id}"\n    evidence:\n      - {kind: record, title: r, date: 2026-09-01}\n`
    : `  - clause: "${id}"\n    evidence:\n      - {kind: document, title: d}\n`;
}

export function manifest(extra = ''): string {
  return `pack: 1\nstandard: ./std.yaml\nassessment: {date: ${TODAY}, window_months: 12}\n${extra}`;
}

/** A pack at /ws/p with the test standard, the given evidence files and manifest extras. */
export async function checkTestPack(
  evidence: Record<string, string>,
  opts: { manifestExtra?: string; lang?: Lang; more?: Record<string, string> } = {},
): Promise<PackResult & { fs: MemFs }> {
  const files: Record<string, string> = {
    '/ws/p/evidence-pack.yaml': manifest(opts.manifestExtra),
    '/ws/p/std.yaml': TEST_STANDARD,
    ...(opts.more ?? {}),
  };
  for (const [name, text] of Object.entries(evidence)) files[`/ws/p/${name}`] = text;
  const fs = memFs(files);
  const result = await engineFor(fs, { lang: opts.lang }).checkPack('/ws/p');
  return Object.assign(result, { fs });
}

/** Evidence YAML where every leaf except `skip` is met, plus `extra` entries. */
export function allMetExcept(skip: string[], extra = ''): string {
  return (
    'clauses:\n' +
    LEAVES.filter((l) => !skip.includes(l))
      .map(metEntry)
      .join('') +
    extra
  );
}

export function codes(r: PackResult): string[] {
  return r.diagnostics.map((d) => d.code);
}
