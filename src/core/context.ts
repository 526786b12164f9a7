// What checking one evidence file needs to know about its pack, fixed for a run.
import type { DirEntry, FileSystem } from './host';
import { isInside, joinPath, normalizePath, resolvePath, dirname } from './paths';
import type { EvidenceKind, Lang, Manifest, SchemeItem, Standard } from './types';
import { subtractMonths } from './manifest';

export type LinkState = 'ok' | 'missing' | 'outside';

const kindIndexes = new WeakMap<Standard, Map<string, EvidenceKind>>();
/**
 * A kind of the standard by id, from an index built once per standard. `kinds.find` per evidence
 * item was O(items × kinds): a standard with 20,000 kinds and a file with 20,000 items took 16 s.
 */
export function kindById(standard: Standard, id: string | undefined): EvidenceKind | undefined {
  if (id === undefined) return undefined;
  let index = kindIndexes.get(standard);
  if (!index) {
    index = new Map();
    for (const k of standard.kinds) if (!index.has(k.id)) index.set(k.id, k);
    kindIndexes.set(standard, index);
  }
  return index.get(id);
}

const schemeIndexes = new WeakMap<Standard, Map<string, SchemeItem>>();
/** A prerequisite or dossier item by its prefixed id (`dossier.business-licence`), indexed once per standard. */
export function schemeItemById(standard: Standard, id: string): SchemeItem | undefined {
  let index = schemeIndexes.get(standard);
  if (!index) {
    index = new Map([...standard.prerequisites, ...standard.dossier].map((i) => [i.id, i]));
    schemeIndexes.set(standard, index);
  }
  return index.get(id);
}

const headIndexes = new WeakMap<Standard, Set<string>>();
/** The first segments of the standard's top-level clause ids (`5` for `5.1`), indexed once per standard. */
export function topLevelHeads(standard: Standard): Set<string> {
  let heads = headIndexes.get(standard);
  if (!heads) {
    heads = new Set(standard.clauses.map((c) => c.id.split('.')[0]));
    headIndexes.set(standard, heads);
  }
  return heads;
}

export interface PackContext {
  standard: Standard;
  manifest: Manifest;
  lang: Lang;
  /** The boundary for `outside-workspace` (normalized). */
  workspaceRoot: string;
  /** assessment.date − window_months (inclusive start of the window). */
  windowStart: string;
  /** The window's start for items of one kind: a kind may state its own window_months (surveys: 36). */
  windowStartFor(kindId: string | undefined): string;
  /** Resolves an evidence KIND written as an id or a zh-CN/en label. */
  kindOf(word: string): string | undefined;
  /** Whether a link from `fromFile` to `target` resolves to an existing file inside the workspace. */
  linkState(fromFile: string, target: string): Promise<{ state: LinkState; path?: string }>;
}

/**
 * What link checks found, kept by the engine from one check to the next (a keystroke then stats no
 * attachment again); it drops the entries of a path when that path is invalidated (Engine.invalidate).
 */
export interface LinkCache {
  states: Map<string, Promise<LinkState>>;
  /** The workspace root with symlinks resolved. */
  realRoot?: Promise<string>;
  /**
   * The entry `name` of the folder `dir`, from the engine's folder listings (those pack discovery already
   * made; they are dropped when a file is created or deleted in the folder). Lets a link check answer
   * without `realpath`, which through `vscode.workspace.fs` is a round trip per folder of the path.
   */
  entry?: (dir: string, name: string) => Promise<DirEntry | undefined>;
}

/**
 * Whether `abs`, strictly below `root`, is named in its folder's listing and every folder from `root` down to
 * it is listed as a real folder: then no part of it is a symbolic link, and its real path is inside the root's.
 * Anything else (a link on the way, a name the listing lacks, a folder that cannot be listed) is false: the
 * caller asks `realpath`, as before.
 */
async function listedWithoutLinks(entry: NonNullable<LinkCache['entry']>, root: string, abs: string): Promise<boolean> {
  const parts = abs.slice(root.length).split('/').filter(Boolean);
  let at = root;
  for (let i = 0; i < parts.length; i++) {
    const e = await entry(at, parts[i]);
    if (!e || e.isSymbolicLink) return false;
    if (i === parts.length - 1) return e.isFile || e.isDirectory;
    if (!e.isDirectory) return false;
    at = joinPath(at, parts[i]);
  }
  return false;
}

export function makeContext(
  standard: Standard,
  manifest: Manifest,
  lang: Lang,
  fs: FileSystem,
  workspaceRoot: string,
  links: LinkCache = { states: new Map() },
): PackContext {
  const kinds = new Map<string, string>();
  for (const k of standard.kinds) {
    kinds.set(k.id, k.id);
    kinds.set(k.id.toLowerCase(), k.id);
    kinds.set(k.label.en.toLowerCase(), k.id);
    kinds.set(k.label['zh-CN'], k.id);
  }
  const root = normalizePath(workspaceRoot);
  const states = links.states;
  const check = async (abs: string): Promise<LinkState> => {
    // Outside by its path alone: never stat it.
    if (!isInside(root, abs)) return 'outside';
    // Listed, with no link on the way: inside, without a file-system call (pack discovery listed its folders).
    if (links.entry && (await listedWithoutLinks(links.entry, root, abs))) return 'ok';
    // Otherwise resolve symlinks in every segment (a linked folder `docs -> /etc` makes `docs/passwd`
    // outside), never looking at the file itself: whether it exists is all a link check needs.
    const real = await fs.realpath(abs);
    if (!real) return 'missing';
    links.realRoot ??= fs.realpath(root).then((r) => normalizePath(r ?? root));
    return isInside(await links.realRoot, normalizePath(real)) ? 'ok' : 'outside';
  };
  return {
    standard,
    manifest,
    lang,
    workspaceRoot: root,
    windowStart: subtractMonths(manifest.assessmentDate, manifest.windowMonths),
    windowStartFor(kindId) {
      const months = kindById(standard, kindId)?.windowMonths;
      return months === undefined ? this.windowStart : subtractMonths(manifest.assessmentDate, months);
    },
    kindOf: (word) => kinds.get(word.trim()) ?? kinds.get(word.trim().toLowerCase()),
    async linkState(fromFile, target) {
      const t = target.trim();
      // An empty `file:` names no file: it must not count as evidence.
      if (!t) return { state: 'missing' };
      if (/^file:/i.test(t)) return { state: 'outside' };
      const clean = t.replace(/[?#].*$/, '');
      if (!clean) return { state: 'ok' };
      const abs = resolvePath(dirname(fromFile), clean);
      let p = states.get(abs);
      if (!p) {
        p = check(abs);
        states.set(abs, p);
      }
      return { state: await p, path: abs };
    },
  };
}
