// The engine's file system in the editor: unsaved editor buffers first, the disk otherwise, so
// diagnostics follow what the user types before saving. No vscode import: the lookup of open
// documents is injected.
import type { FileSystem } from '../../core/host';
import { isInside, toSlash } from '../../core/paths';

export type OpenText = (path: string) => string | undefined;

export function overlayFileSystem(disk: FileSystem, openText: OpenText): FileSystem {
  const encoder = new TextEncoder();
  return {
    async readFile(path) {
      const text = openText(path);
      return text !== undefined ? encoder.encode(text) : disk.readFile(path);
    },
    async stat(path, lstat) {
      const text = openText(path);
      if (text !== undefined) {
        const real = await disk.stat(path, lstat);
        // A buffer over a symlink still resolves through the disk (outside-workspace checks).
        if (real?.isSymbolicLink && lstat) return real;
        return { isFile: true, isDirectory: false, isSymbolicLink: false, size: encoder.encode(text).byteLength };
      }
      return disk.stat(path, lstat);
    },
    readDir: (path) => disk.readDir(path),
    async realpath(path) {
      const real = await disk.realpath(path);
      if (real !== undefined) return real;
      return openText(path) !== undefined ? path : undefined;
    },
  };
}

/** The pack a path belongs to: the deepest known root at or above it (nested packs win). */
export function packForPath(roots: Iterable<string>, path: string): string | undefined {
  let best: string | undefined;
  for (const root of roots) {
    if (isInside(root, path)) {
      if (!best || root.length > best.length) best = root;
    }
  }
  return best;
}

/** Forward-slash absolute path from a platform path (Windows drive letters kept). */
export const toPosixPath = toSlash;
