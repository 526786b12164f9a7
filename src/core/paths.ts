// Forward-slash path helpers shared by every host (Windows drive letters included),
// so that diagnostics, caches and the workspace boundary speak one path form.
import * as posix from 'node:path/posix';

export function toSlash(p: string): string { return p.replace(/\\/g, '/'); }

export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[a-zA-Z]:\//.test(p);
}

export function normalizePath(p: string): string {
  const s = toSlash(p);
  const drive = /^[a-zA-Z]:/.exec(s)?.[0] ?? '';
  const rest = posix.normalize(s.slice(drive.length));
  return drive + (rest.length > 1 && rest.endsWith('/') ? rest.slice(0, -1) : rest);
}

export function joinPath(base: string, ...parts: string[]): string { return normalizePath(posix.join(toSlash(base), ...parts.map(toSlash))); }
export function dirname(p: string): string { return normalizePath(posix.dirname(toSlash(p))); }
export function basename(p: string): string { return posix.basename(toSlash(p)); }

/** `target` resolved against the folder `fromDir` (an absolute target stays as it is). */
export function resolvePath(fromDir: string, target: string): string {
  const t = toSlash(target);
  return isAbsolutePath(t) ? normalizePath(t) : joinPath(fromDir, t);
}

/** Whether `p` is `root` or lies below it (both normalized, absolute). */
export function isInside(root: string, p: string): boolean {
  const r = normalizePath(root), q = normalizePath(p);
  if (q === r) return true;
  return q.startsWith(r.endsWith('/') ? r : r + '/');
}

export function relativePath(from: string, to: string): string {
  const rel = posix.relative(toSlash(from), toSlash(to));
  return rel === '' ? '.' : rel;
}
