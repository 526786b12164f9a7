// The engine's public face: find packs, check and score them, keep per-file results cached.
// Data flow: text → parsed entries with ranges (per file, cached) → merged leaf facts →
// pack rules + score. A file is re-read and re-parsed only after `invalidate(path)`.
import picomatch from 'picomatch';
import { analyzeEvidenceText } from './analyze';
import { DEFAULT_EVIDENCE_GLOBS, MANIFEST_NAME, SKIPPED_DIRS } from './constants';
import { makeContext, type LinkCache, type PackContext } from './context';
import { DEFAULT_MAX_FILE_SIZE, type DirEntry, type Host } from './host';
import { LeafMerger } from './leafFacts';
import { parseManifest, type ManifestLoad } from './manifest';
import { diagnostic } from './diagnostic';
import { basename, dirname, isInside, joinPath, normalizePath, relativePath, resolvePath } from './paths';
import { PACK_RULES } from './rules';
import { BROKEN_LINK, OUTSIDE_WORKSPACE } from './rules/links';
import { MANIFEST_INVALID } from './rules/manifestChecks';
import { FILE_TOO_LARGE, FILE_UNREADABLE } from './rules/reading';
import { STANDARD_INVALID } from './rules/standardChecks';
import { checkScheme, providedSchemeItems } from './rules/scheme';
import type { Report } from './rules/rule';
import { scorePack } from './score';
import { applyScoringSheet } from './standard/scoringSheet';
import { loadStandardText, type StandardLoad } from './standard/loadStandard';
import { BUILTIN_STANDARD_IDS, builtinStandard } from './standard/builtin';
import { decodeText, ZERO_RANGE } from './text';
import type { ClauseEntry, Diagnostic, FileResult, Lang, PackResult, RatingBand, Standard } from './types';
import { bandChoices, bandOf } from './bands';

export { MANIFEST_NAME, DEFAULT_EVIDENCE_GLOBS } from './constants';

interface PackState {
  /** Manifest, standard and sheet as loaded; undefined when they must be read again. */
  setup?: PackSetup;
  /** Evidence files of the pack; undefined when the tree changed. */
  files?: string[];
  /** Merges leaf facts from one check to the next, redoing only the files whose results changed. */
  merger?: LeafMerger;
}

interface PackSetup {
  manifest: ManifestLoad;
  standard?: StandardLoad;
  /** Files the setup was read from (manifest, standard file, scoring sheet). */
  sources: string[];
  /** Changes whenever manifest, standard or sheet text changes: file results of an older generation are stale. */
  generation: number;
  extraDiagnostics: Diagnostic[];
  /** The manifest's `target`, resolved to a band of the standard. */
  target?: RatingBand;
}

interface CachedFile {
  result: FileResult;
  generation: number;
}

export interface EngineOptions {
  /** Analyses one evidence file's text; default `analyzeEvidenceText` in this thread. Must return what it would. */
  analyzeText?: (text: string, file: string, ctx: PackContext) => Promise<FileResult>;
}

let generationCounter = 0;

export class Engine {
  private readonly packs = new Map<string, PackState>();
  private readonly fileCache = new Map<string, CachedFile>();
  /**
   * Link target → the files cached while linking to it, so that `invalidate` looks at each distinct target
   * once instead of every link of every cached file. It may also name files since re-cached without that
   * link: dropping those costs a re-analysis, never a different result.
   */
  private readonly linkedBy = new Map<string, Set<string>>();
  private readonly dirCache = new Map<string, Promise<DirEntry[]>>();
  /** A folder listing's entries by name, built when a link check first looks a name up in it. */
  private readonly dirIndexes = new WeakMap<DirEntry[], Map<string, DirEntry>>();
  /** Link targets' states (exists, inside the workspace), shared by every check until the path is invalidated. */
  private readonly links: LinkCache = { states: new Map(), entry: (dir, name) => this.dirEntry(dir, name) };
  private readonly matchers = new Map<string, (p: string) => boolean>();
  private readonly workspaceRoot: string;
  /**
   * Bumped by every `invalidate`; `touched` logs the invalidations in order (epoch, path).
   * A check that awaited the disk while the user typed must not cache what it read before the
   * change (the next check would serve it: stale diagnostics and score until the next edit).
   */
  private epoch = 0;
  private readonly touched: { epoch: number; path: string; change: 'change' | 'create' | 'delete' }[] = [];

  /** `options.analyzeText` replaces the in-thread analysis of one file's text (the CLI's worker threads, src/node/parallel.ts). */
  constructor(
    readonly host: Host,
    private readonly options: EngineOptions = {},
  ) {
    this.workspaceRoot = normalizePath(host.workspaceRoot);
  }

  /** Pack roots at or below `dir` (nested packs included), sorted; or the pack enclosing `dir`. */
  async findPacks(dir: string): Promise<string[]> {
    const start = normalizePath(dir);
    const found: string[] = [];
    const visit = async (d: string): Promise<void> => {
      const entries = await this.readDir(d);
      if (entries.some((e) => e.name === MANIFEST_NAME && (e.isFile || e.isSymbolicLink))) found.push(d);
      // Symlinked folders are not followed: a link loop can never hang discovery.
      await Promise.all(
        entries
          .filter((e) => e.isDirectory && !e.isSymbolicLink && !SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.'))
          .map((e) => visit(joinPath(d, e.name))),
      );
    };
    await visit(start);
    if (found.length === 0) {
      const enclosing = await this.packOf(start);
      if (enclosing) found.push(enclosing);
    }
    return found.sort();
  }

  /** The root of the pack a file belongs to: the nearest folder at or above it holding a manifest. */
  async packOf(file: string): Promise<string | undefined> {
    let d = normalizePath(file);
    const st = await this.host.fs.stat(d);
    if (!st?.isDirectory) d = dirname(d);
    for (;;) {
      if (this.packs.has(d) || (await this.host.fs.stat(joinPath(d, MANIFEST_NAME)))?.isFile) return d;
      const up = dirname(d);
      if (up === d || !isInside(this.workspaceRoot, up)) return undefined;
      d = up;
    }
  }

  /** Whether a path is an evidence file of the pack at `root` (matches its globs). */
  isEvidenceFile(root: string, file: string): boolean {
    const setup = this.packs.get(normalizePath(root))?.setup;
    const globs = setup?.manifest.manifest?.evidenceGlobs;
    const rel = relativePath(normalizePath(root), normalizePath(file));
    if (rel.startsWith('..')) return false;
    return this.matcher(globs ?? DEFAULT_EVIDENCE_GLOBS)(rel);
  }

  /** A file or folder changed (on disk or in an editor buffer): drop what was cached for it. */
  invalidate(path: string, change: 'change' | 'create' | 'delete' = 'change'): void {
    const p = normalizePath(path);
    this.touched.push({ epoch: ++this.epoch, path: p, change });
    // Bounded: only invalidations during a running check matter (older ones: see touchedSince).
    if (this.touched.length > 4096) this.touched.splice(0, this.touched.length - 2048);
    this.fileCache.delete(p);
    // Links are stored normalized (resolvePath), so a prefix test is isInside(p, link) without
    // normalizing every link of every cached file on each keystroke (~70k calls on 1,000 files).
    const inside = p.endsWith('/') ? p : p + '/';
    for (const [link, files] of this.linkedBy) {
      if (link === p || link.startsWith(inside)) {
        for (const f of files) this.fileCache.delete(f);
        this.linkedBy.delete(link);
      }
    }
    for (const target of this.links.states.keys()) if (target === p || target.startsWith(inside)) this.links.states.delete(target);
    // The workspace folder itself, or a folder above it, replaced (say by a symlink): resolve it again.
    if (isInside(p, this.workspaceRoot)) {
      this.links.realRoot = undefined;
      this.links.states.clear();
    }
    for (const [root, state] of this.packs) {
      if (state.setup?.sources.includes(p) || (basename(p) === MANIFEST_NAME && dirname(p) === root)) state.setup = undefined;
      if (change !== 'change' && (isInside(root, p) || isInside(p, root))) state.files = undefined;
    }
    if (change !== 'change') {
      for (const d of [...this.dirCache.keys()]) if (d === dirname(p) || isInside(p, d)) this.dirCache.delete(d);
      if (basename(p) === MANIFEST_NAME && change === 'delete') this.packs.delete(dirname(p));
    }
  }

  /** The standard a pack uses (built-in or its own file), loaded and checked. */
  async loadStandard(root: string): Promise<Standard | undefined> {
    const setup = await this.setup(normalizePath(root));
    return setup.standard?.standard;
  }

  /** Reads, validates and scores one pack. Unchanged files come from the cache. */
  async checkPack(rootIn: string): Promise<PackResult> {
    const root = normalizePath(rootIn);
    const lang = this.host.lang;
    const setup = await this.setup(root);
    const manifest = setup.manifest.manifest;
    const diagnostics: Diagnostic[] = [...setup.manifest.diagnostics, ...(setup.standard?.diagnostics ?? []), ...setup.extraDiagnostics];
    const standard = setup.standard?.standard;
    if (!manifest || !standard) {
      return { root, manifest, standard, diagnostics: sortDiagnostics(diagnostics), files: [], entries: [], links: [] };
    }
    const ctx = makeContext(standard, manifest, lang, this.host.fs, this.workspaceRoot, this.links);
    const state = this.packs.get(root)!;
    let files = state.files;
    if (!files) {
      const since = this.epoch;
      files = await this.listEvidenceFiles(root, manifest.evidenceGlobs);
      // A file created or deleted in this pack while listing: use the list once, list again next time.
      if (!this.touchedSince(since, (p, c) => c !== 'change' && (isInside(root, p) || isInside(p, root)))) state.files = files;
    }

    // Cached results are taken synchronously; only the files that changed go through the async pool
    // (on a keystroke that is one file, not a thousand awaits).
    const results: FileResult[] = new Array(files.length);
    const misses: number[] = [];
    for (let i = 0; i < files.length; i++) {
      const cached = this.fileCache.get(files[i]);
      if (cached && cached.generation === setup.generation) results[i] = cached.result;
      else misses.push(i);
    }
    await mapPool(misses, 16, async (i) => {
      results[i] = await this.fileResult(files[i], ctx, setup.generation);
    });
    // One push per item: `push(...list)` overflows the stack past ~100k arguments (a 5 MB file
    // can hold that many problems), which would fail the whole pack.
    for (const r of results) for (const d of r.diagnostics) diagnostics.push(d);

    // Manifest links (rectifications, bonus evidence) must exist inside the workspace too.
    const manifestLinks = [
      ...manifest.specialDeductions
        .filter((d) => d.rectification)
        .map((d) => ({ target: d.rectification!, range: d.range, clause: d.clause })),
      ...manifest.specialBonuses.filter((b) => b.evidence).map((b) => ({ target: b.evidence!, range: b.range, clause: undefined })),
    ];
    for (const l of manifestLinks) {
      const { state: s } = await ctx.linkState(manifest.file, l.target);
      if (s !== 'ok')
        diagnostics.push(
          diagnostic(
            s === 'missing' ? BROKEN_LINK : OUTSIDE_WORKSPACE,
            lang,
            manifest.file,
            l.range,
            { target: l.target },
            { clause: l.clause },
          ),
        );
    }

    const facts = (state.merger ??= new LeafMerger()).merge(standard.leaves, results);
    const report: Report = (def, file, range, args, extra) => diagnostics.push(diagnostic(def, lang, file, range, args, extra));
    for (const rule of PACK_RULES) rule.check(facts, ctx, report);

    const score = scorePack(relativePath(this.workspaceRoot, root), standard, manifest, facts, lang, providedSchemeItems(ctx, results));
    checkScheme(score, results, ctx, report);
    const sorted = sortDiagnostics(diagnostics);
    for (const d of sorted) score.diagnostics[d.severity]++;
    // Every entry of the pack, gathered when first asked for (the panel, quick fixes and the report
    // ask; a keystroke's diagnostics and score do not): 28k entries on a 1,000-file pack.
    let entries: ClauseEntry[] | undefined;
    return {
      root,
      manifest,
      standard,
      score,
      diagnostics: sorted,
      files,
      target: setup.target,
      get entries(): ClauseEntry[] {
        if (!entries) {
          entries = [];
          for (const r of results) for (const e of r.entries) entries.push(e);
        }
        return entries;
      },
      // Only the hand-over bundle asks (it packs the attachments).
      get links(): string[] {
        return [...new Set(results.flatMap((r) => r.links))].sort();
      },
    };
  }

  // ------------------------------------------------------------------ internals

  private async fileResult(file: string, ctx: PackContext, generation: number): Promise<FileResult> {
    const cached = this.fileCache.get(file);
    if (cached && cached.generation === generation) return cached.result;
    const since = this.epoch;
    const result = await this.analyzeFile(file, ctx);
    // Not cached when the file, or a path it links to, changed while it was being read.
    if (!this.touchedSince(since, (p) => p === file || result.links.some((l) => l === p || isInside(p, l)))) {
      this.fileCache.set(file, { result, generation });
      for (const l of result.links) {
        let files = this.linkedBy.get(l);
        if (!files) this.linkedBy.set(l, (files = new Set()));
        files.add(file);
      }
    }
    return result;
  }

  private async analyzeFile(file: string, ctx: PackContext): Promise<FileResult> {
    const read = await this.readText(file);
    if ('diagnostic' in read) return { file, entries: [], diagnostics: [read.diagnostic], links: [] };
    try {
      return await (this.options.analyzeText ?? analyzeEvidenceText)(read.text, file, ctx);
    } catch (e) {
      // A bug of ours must not take the rest of the pack down with one file.
      this.host.logger?.warn(`evidence-pack: failed to analyse ${file}: ${(e as Error).stack ?? e}`);
      return {
        file,
        entries: [],
        links: [],
        diagnostics: [diagnostic(FILE_UNREADABLE, this.host.lang, file, ZERO_RANGE, { detail: String((e as Error).message ?? e) })],
      };
    }
  }

  /** Reads a text file within the size limit, or says why not as a diagnostic. */
  private async readText(file: string): Promise<{ text: string } | { diagnostic: Diagnostic }> {
    const lang = this.host.lang;
    const limit = this.host.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    let st = await this.host.fs.stat(file, true);
    if (st?.isSymbolicLink) {
      // A link named like a pack file (manifest, evidence) may point anywhere: read it only when
      // its target is inside the workspace; otherwise say so without reading it.
      const real = await this.host.fs.realpath(file);
      if (real && !isInside(await this.realRoot(), normalizePath(real))) {
        return { diagnostic: diagnostic(OUTSIDE_WORKSPACE, lang, file, ZERO_RANGE, { target: basename(file) }) };
      }
      st = await this.host.fs.stat(file);
    }
    if (st && st.size > limit) {
      return { diagnostic: diagnostic(FILE_TOO_LARGE, lang, file, ZERO_RANGE, { size: st.size, limit }) };
    }
    let bytes: Uint8Array;
    try {
      bytes = await this.host.fs.readFile(file);
    } catch (e) {
      return {
        diagnostic: diagnostic(FILE_UNREADABLE, lang, file, ZERO_RANGE, { detail: (e as NodeJS.ErrnoException).code ?? String(e) }),
      };
    }
    if (bytes.length > limit) {
      return { diagnostic: diagnostic(FILE_TOO_LARGE, lang, file, ZERO_RANGE, { size: bytes.length, limit }) };
    }
    const decoded = decodeText(bytes);
    if (!decoded.ok) return { diagnostic: diagnostic(FILE_UNREADABLE, lang, file, ZERO_RANGE, { detail: decoded.reason }) };
    return { text: decoded.text };
  }

  private async setup(root: string): Promise<PackSetup> {
    let state = this.packs.get(root);
    if (!state) {
      state = {};
      this.packs.set(root, state);
    }
    if (state.setup) return state.setup;
    const since = this.epoch;
    const lang = this.host.lang;
    const manifestFile = joinPath(root, MANIFEST_NAME);
    const sources = [manifestFile];
    const extra: Diagnostic[] = [];
    const read = await this.readText(manifestFile);
    let manifestLoad: ManifestLoad;
    if ('diagnostic' in read) {
      manifestLoad = {
        diagnostics: [
          diagnostic(
            MANIFEST_INVALID,
            lang,
            read.diagnostic.file,
            read.diagnostic.range,
            { detail: read.diagnostic.message },
            { variant: 'unreadable' },
          ),
        ],
      };
    } else {
      manifestLoad = parseManifest(read.text, manifestFile, this.host.clock.today(), lang);
    }
    let standardLoad: StandardLoad | undefined;
    const manifest = manifestLoad.manifest;
    if (manifest) {
      standardLoad = await this.resolveStandard(manifest.standardRef, manifest.file, manifest.standardRange, sources);
      if (standardLoad.standard && manifest.scoringRef) {
        const sheetPath = resolvePath(root, manifest.scoringRef);
        sources.push(sheetPath);
        const sheet = await this.readLinked(manifest.file, manifest.scoringRef, manifest.standardRange);
        if ('text' in sheet) {
          const base = standardLoad.standard;
          const applied = guardedLoad(() => applyScoringSheet(base, sheet.text, sheetPath, lang), sheetPath, lang);
          standardLoad = { standard: applied.standard, diagnostics: [...standardLoad.diagnostics, ...applied.diagnostics] };
        } else extra.push(sheet.diagnostic);
      }
    }
    // A target that names no band is an error on its value: the gate must never switch itself off.
    let target: RatingBand | undefined;
    const rating = standardLoad?.standard?.rating;
    if (manifest?.target !== undefined && rating) {
      target = bandOf(rating, manifest.target);
      if (!target) {
        extra.push(
          diagnostic(
            MANIFEST_INVALID,
            lang,
            manifest.file,
            manifest.targetRange ?? ZERO_RANGE,
            { target: manifest.target, bands: bandChoices(rating, lang) },
            { variant: 'unknownTarget' },
          ),
        );
      }
    }
    const setup: PackSetup = {
      manifest: manifestLoad,
      standard: standardLoad,
      sources,
      generation: ++generationCounter,
      extraDiagnostics: extra,
      target,
    };
    // Kept only when manifest, standard and sheet did not change while they were read.
    if (!this.touchedSince(since, (p) => sources.includes(p) || (basename(p) === MANIFEST_NAME && dirname(p) === root)))
      state.setup = setup;
    return setup;
  }

  private async resolveStandard(
    ref: string,
    manifestFile: string,
    range: import('./types').Range,
    sources: string[],
  ): Promise<StandardLoad> {
    const lang = this.host.lang;
    const builtin = builtinStandard(ref);
    if (builtin) return { standard: builtin, diagnostics: [] };
    const path = resolvePath(dirname(manifestFile), ref);
    sources.push(path);
    const linked = await this.readLinked(manifestFile, ref, range);
    if ('diagnostic' in linked) {
      const d = linked.diagnostic;
      // A missing file that is not a built-in id either: say both.
      if (d.code === 'broken-link') {
        return {
          diagnostics: [
            diagnostic(
              MANIFEST_INVALID,
              lang,
              d.file,
              d.range,
              { standard: ref, builtins: BUILTIN_STANDARD_IDS.join(', ') },
              { variant: 'unknownStandard', clause: d.clause, data: d.data },
            ),
          ],
        };
      }
      return { diagnostics: [d] };
    }
    return guardedLoad(() => loadStandardText(linked.text, path, lang), path, lang);
  }

  /** Reads a file the manifest links to, within the workspace only. */
  private async readLinked(
    fromFile: string,
    target: string,
    range: import('./types').Range,
  ): Promise<{ text: string } | { diagnostic: Diagnostic }> {
    const lang = this.host.lang;
    const path = resolvePath(dirname(fromFile), target);
    if (/^file:/i.test(target) || !isInside(this.workspaceRoot, path)) {
      return { diagnostic: diagnostic(OUTSIDE_WORKSPACE, lang, fromFile, range, { target }) };
    }
    // Resolve symlinks (in any folder of the path) before looking at the file at all.
    const real = await this.host.fs.realpath(path);
    if (real && !isInside(await this.realRoot(), normalizePath(real))) {
      return { diagnostic: diagnostic(OUTSIDE_WORKSPACE, lang, fromFile, range, { target }) };
    }
    const st = real ? await this.host.fs.stat(path) : undefined;
    if (!st?.isFile) return { diagnostic: diagnostic(BROKEN_LINK, lang, fromFile, range, { target }) };
    const read = await this.readText(path);
    return 'text' in read ? read : { diagnostic: { ...read.diagnostic, file: path } };
  }

  private async listEvidenceFiles(root: string, globs: string[]): Promise<string[]> {
    const match = this.matcher(globs);
    const out: string[] = [];
    const visit = async (d: string): Promise<void> => {
      const entries = await this.readDir(d);
      // A nested pack owns its own files (the nearest manifest above a file wins).
      if (d !== root && entries.some((e) => e.name === MANIFEST_NAME)) return;
      const subdirs: Promise<void>[] = [];
      for (const e of entries) {
        const p = joinPath(d, e.name);
        if (e.isDirectory && !e.isSymbolicLink) {
          if (!SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.')) subdirs.push(visit(p));
        } else if ((e.isFile || e.isSymbolicLink) && match(relativePath(root, p))) {
          out.push(p);
        }
      }
      await Promise.all(subdirs);
    };
    await visit(root);
    return out.sort();
  }

  /** Whether a path invalidated after epoch `since` matches. */
  private touchedSince(since: number, matches: (path: string, change: 'change' | 'create' | 'delete') => boolean): boolean {
    if (this.epoch === since) return false;
    // Pruned past `since`: be safe, treat it as changed (the result is just not cached).
    if (this.touched.length === 0 || this.touched[0].epoch > since + 1) return true;
    // Newest first, only the invalidations after `since`: cost follows the edits made meanwhile.
    for (let i = this.touched.length - 1; i >= 0 && this.touched[i].epoch > since; i--) {
      if (matches(this.touched[i].path, this.touched[i].change)) return true;
    }
    return false;
  }

  /** The workspace root with symlinks resolved (the boundary symlink targets are compared with). */
  private realRoot(): Promise<string> {
    // Shared with the link checks (makeContext), and resolved again when the root is invalidated.
    this.links.realRoot ??= this.host.fs.realpath(this.workspaceRoot).then((r) => (r ? normalizePath(r) : this.workspaceRoot));
    return this.links.realRoot;
  }

  private readDir(d: string): Promise<DirEntry[]> {
    let p = this.dirCache.get(d);
    if (!p) {
      p = this.host.fs.readDir(d).catch(() => [] as DirEntry[]);
      this.dirCache.set(d, p);
    }
    return p;
  }

  private async dirEntry(dir: string, name: string): Promise<DirEntry | undefined> {
    const entries = await this.readDir(dir);
    let index = this.dirIndexes.get(entries);
    if (!index) {
      index = new Map(entries.map((e) => [e.name, e]));
      this.dirIndexes.set(entries, index);
    }
    return index.get(name);
  }

  private matcher(globs: string[]): (p: string) => boolean {
    const key = globs.join('\n');
    let m = this.matchers.get(key);
    if (!m) {
      m = picomatch(globs, { dot: false });
      this.matchers.set(key, m);
    }
    return m;
  }
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/** Maps with at most `limit` promises in flight: reads overlap, memory stays bounded. */
async function mapPool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Loads a standard or sheet; a fault of ours while reading it is a diagnostic on the file, never a crash of the check. */
function guardedLoad(load: () => StandardLoad, file: string, lang: Lang): StandardLoad {
  try {
    return load();
  } catch (e) {
    return {
      diagnostics: [
        diagnostic(STANDARD_INVALID, lang, file, ZERO_RANGE, { detail: String((e as Error)?.message ?? e) }, { variant: 'internal' }),
      ],
    };
  }
}
