// The engine's file system on `vscode.workspace.fs`: what the browser build reads through (vscode.dev,
// github.dev, any virtual workspace), and what the Node build uses for folders that are not on disk.
// No runtime vscode import: the workspace.fs API and the path → URI mapping are injected (tests pass
// their own), and FileType's values are those of the VS Code API.
import type { DirEntry, FileStat, FileSystem } from '../../core/host';
import { isInside, normalizePath } from '../../core/paths';

/** The part of `vscode.workspace.fs` the engine needs. */
export interface WorkspaceFsApi<U> {
  stat(uri: U): Thenable<{ type: number; size: number }>;
  readFile(uri: U): Thenable<Uint8Array>;
  readDirectory(uri: U): Thenable<[string, number][]>;
}

// vscode.FileType
const FILE = 1,
  DIRECTORY = 2,
  SYMBOLIC_LINK = 64;

/**
 * The workspace file system cannot say where a symbolic link leads. A path through one, below the
 * workspace root, is therefore given this real path, outside every workspace: such links are refused as
 * outside-workspace (the Node host follows them and refuses only those that leave the workspace).
 */
export const UNRESOLVED_LINK = '/\u0000unresolved-symbolic-link';

export function workspaceFileSystem<U>(api: WorkspaceFsApi<U>, toUri: (path: string) => U, root: string): FileSystem {
  const boundary = normalizePath(root);
  const stat = async (path: string) => {
    try {
      return await api.stat(toUri(path));
    } catch {
      return undefined;
    }
  };
  return {
    readFile: async (path) => api.readFile(toUri(path)),
    async stat(path, lstat) {
      const s = await stat(path);
      if (!s) return undefined;
      const link = (s.type & SYMBOLIC_LINK) !== 0;
      // stat follows a link (its type is the target's, plus the link bit); lstat reports the link itself.
      if (lstat && link) return { isFile: false, isDirectory: false, isSymbolicLink: true, size: s.size } satisfies FileStat;
      return {
        isFile: (s.type & FILE) !== 0,
        isDirectory: (s.type & DIRECTORY) !== 0,
        isSymbolicLink: false,
        size: s.size,
      } satisfies FileStat;
    },
    async readDir(path) {
      const list = await api.readDirectory(toUri(path));
      return list.map(([name, type]) => {
        const link = (type & SYMBOLIC_LINK) !== 0;
        return {
          name,
          isFile: !link && (type & FILE) !== 0,
          isDirectory: !link && (type & DIRECTORY) !== 0,
          isSymbolicLink: link,
        } satisfies DirEntry;
      });
    },
    async realpath(path) {
      const p = normalizePath(path);
      if (!(await stat(p))) return undefined;
      if (!isInside(boundary, p) || p === boundary) return p;
      // Every folder between the root and the path, and the path itself: none may be a link.
      const parts = p.slice(boundary.length).split('/').filter(Boolean);
      let at = boundary;
      for (const part of parts) {
        at = `${at === '/' ? '' : at}/${part}`;
        const s = await stat(at);
        if (!s) return undefined;
        if (s.type & SYMBOLIC_LINK) return UNRESOLVED_LINK;
      }
      return p;
    },
  };
}
