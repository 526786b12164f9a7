// Forward-slash path helpers shared by every host (Windows drive letters included),
// so that diagnostics, caches and the workspace boundary speak one path form. Written out here
// rather than taken from node:path, which the browser build does not have (they follow
// node:path/posix exactly: test/unit/paths.test.ts compares them).

/** posix.normalize: `.` and `..` resolved, repeated slashes collapsed, a trailing slash kept. */
function posixNormalize(p: string): string {
  if (p === '') return '.';
  const absolute = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg !== '..') out.push(seg);
    else if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (!absolute) out.push('..');
  }
  const body = out.join('/');
  const r = absolute ? `/${body}` : body || '.';
  return p.endsWith('/') && r !== '/' ? `${r}/` : r;
}

function trimTrailingSlashes(p: string): string {
  let end = p.length;
  while (end > 1 && p[end - 1] === '/') end--;
  return p.slice(0, end);
}

export const posix = {
  normalize: posixNormalize,
  join(...parts: string[]): string {
    const joined = parts.filter((x) => x.length > 0).join('/');
    return joined ? posixNormalize(joined) : '.';
  },
  dirname(p: string): string {
    if (p === '') return '.';
    const hasRoot = p[0] === '/';
    let end = -1;
    let matchedSlash = true;
    for (let i = p.length - 1; i >= 1; i--) {
      if (p[i] === '/') {
        if (!matchedSlash) { end = i; break; }
      } else matchedSlash = false;
    }
    if (end === -1) return hasRoot ? '/' : '.';
    if (hasRoot && end === 1) return '//';
    return p.slice(0, end);
  },
  basename(p: string): string {
    const t = trimTrailingSlashes(p);
    return t === '/' ? '' : t.slice(t.lastIndexOf('/') + 1);
  },
  /** For two absolute paths (as every caller here passes). */
  relative(from: string, to: string): string {
    const a = posixNormalize(from).split('/').filter(Boolean);
    const b = posixNormalize(to).split('/').filter(Boolean);
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
  },
};

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
