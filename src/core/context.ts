// What checking one evidence file needs to know about its pack, fixed for a run.
import type { FileSystem } from './host';
import { isInside, normalizePath, resolvePath, dirname } from './paths';
import type { Lang, Manifest, Standard } from './types';
import { subtractMonths } from './manifest';

export type LinkState = 'ok' | 'missing' | 'outside';

export interface PackContext {
  standard: Standard;
  manifest: Manifest;
  lang: Lang;
  /** The boundary for `outside-workspace` (normalized). */
  workspaceRoot: string;
  /** assessment.date − window_months (inclusive start of the window). */
  windowStart: string;
  /** Resolves an evidence KIND written as an id or a zh-CN/en label. */
  kindOf(word: string): string | undefined;
  /** Whether a link from `fromFile` to `target` resolves to an existing file inside the workspace. */
  linkState(fromFile: string, target: string): Promise<{ state: LinkState; path?: string }>;
}

export function makeContext(standard: Standard, manifest: Manifest, lang: Lang, fs: FileSystem, workspaceRoot: string): PackContext {
  const kinds = new Map<string, string>();
  for (const k of standard.kinds) {
    kinds.set(k.id, k.id);
    kinds.set(k.id.toLowerCase(), k.id);
    kinds.set(k.label.en.toLowerCase(), k.id);
    kinds.set(k.label['zh-CN'], k.id);
  }
  const root = normalizePath(workspaceRoot);
  let realRoot: Promise<string> | undefined;
  const states = new Map<string, Promise<LinkState>>();
  const check = async (abs: string): Promise<LinkState> => {
    // Outside by its path alone: never stat it.
    if (!isInside(root, abs)) return 'outside';
    // Resolve symlinks in every segment (a linked folder `docs -> /etc` makes `docs/passwd` outside),
    // never looking at the file itself: whether it exists is all a link check needs.
    const real = await fs.realpath(abs);
    if (!real) return 'missing';
    realRoot ??= fs.realpath(root).then((r) => normalizePath(r ?? root));
    return isInside(await realRoot, normalizePath(real)) ? 'ok' : 'outside';
  };
  return {
    standard, manifest, lang, workspaceRoot: root,
    windowStart: subtractMonths(manifest.assessmentDate, manifest.windowMonths),
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
      if (!p) { p = check(abs); states.set(abs, p); }
      return { state: await p, path: abs };
    },
  };
}
