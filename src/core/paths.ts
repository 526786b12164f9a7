// The one set of path helpers for every host and view (Windows drive letters included): diagnostics,
// caches, the workspace boundary, reports and the editor all speak one path form — forward slashes,
// absolute, no trailing slash. Written out here rather than taken from node:path, which the browser build
// does not have (`posix` follows node:path/posix exactly: test/unit/paths.test.ts compares them).

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
        if (!matchedSlash) {
          end = i;
          break;
        }
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

/** Backslashes to forward slashes (the one place that does it). */
export function toSlash(p: string): string {
  return p.replace(/\\/g, '/');
}

const DRIVE = /^[a-zA-Z]:/;

export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[a-zA-Z]:\//.test(p);
}

export function normalizePath(p: string): string {
  const s = toSlash(p);
  const drive = DRIVE.exec(s)?.[0] ?? '';
  const rest = posix.normalize(s.slice(drive.length));
  return drive + (rest.length > 1 && rest.endsWith('/') ? rest.slice(0, -1) : rest);
}

export function joinPath(base: string, ...parts: string[]): string {
  return normalizePath(
    [base, ...parts]
      .map(toSlash)
      .filter((x) => x !== '')
      .join('/') || '.',
  );
}

export function dirname(p: string): string {
  const s = normalizePath(p);
  const drive = DRIVE.exec(s)?.[0] ?? '';
  const rest = s.slice(drive.length);
  const i = rest.lastIndexOf('/');
  if (i < 0) return drive ? drive + rest : '.';
  return drive + (i === 0 ? '/' : rest.slice(0, i));
}

export function basename(p: string): string {
  const s = toSlash(p).replace(/\/+$/, '');
  return s.slice(s.lastIndexOf('/') + 1);
}

/** `target` resolved against the folder `fromDir` (an absolute target stays as it is). */
export function resolvePath(fromDir: string, target: string): string {
  const t = toSlash(target);
  return isAbsolutePath(t) ? normalizePath(t) : joinPath(fromDir, t);
}

/**
 * Whether `p` is `root` itself or lies below it. The root counts as inside: a pack whose root is the
 * workspace folder is in the workspace. Both are compared normalized; `/a/bc` is not inside `/a/b`.
 */
export function isInside(root: string, p: string): boolean {
  const r = normalizePath(root),
    q = normalizePath(p);
  if (q === r) return true;
  return q.startsWith(r.endsWith('/') ? r : r + '/');
}

function lowerDrive(p: string): string {
  return p.replace(/^([A-Za-z]):/, (_, d: string) => `${d.toLowerCase()}:`);
}

/**
 * `to` relative to the folder `from`, forward slashes, `.` for the folder itself — how every view names
 * a file. A `to` that is not an absolute path (the built-in standard is `builtin:gbt27922-2011`) is shown
 * as it is, and so is a file on another Windows drive; drive letters compare case-insensitively.
 */
export function relativePath(from: string, to: string): string {
  const target = toSlash(to);
  if (!isAbsolutePath(target)) return target;
  const a = lowerDrive(normalizePath(from)),
    b = lowerDrive(normalizePath(target));
  const da = DRIVE.exec(a)?.[0] ?? '',
    db = DRIVE.exec(b)?.[0] ?? '';
  if (da !== db) return target;
  const left = a.slice(da.length).split('/').filter(Boolean);
  const right = b.slice(db.length).split('/').filter(Boolean);
  let i = 0;
  while (i < left.length && i < right.length && left[i] === right[i]) i++;
  return [...left.slice(i).map(() => '..'), ...right.slice(i)].join('/') || '.';
}
