// A `vscode.workspace.fs`-shaped object over the real disk, answering as VS Code's own disk provider
// does: stat follows a symbolic link and adds the SymbolicLink bit to its target's type (a dangling or
// looping link is SymbolicLink alone), readDirectory does the same per entry, and failures are
// FileSystemErrors (code FileNotFound, NoPermissions…). The e2e suite runs the real one.
import * as fs from 'node:fs';
import { workspaceFileSystem } from '../../../src/extension/service/workspaceFs';
import type { FileSystem } from '../../../src/core/host';

const FILE = 1,
  DIRECTORY = 2,
  SYMBOLIC_LINK = 64;

function fsError(e: unknown): Error {
  const code = (e as NodeJS.ErrnoException).code;
  const name =
    code === 'ENOENT'
      ? 'FileNotFound'
      : code === 'EACCES' || code === 'EPERM'
        ? 'NoPermissions'
        : code === 'EISDIR'
          ? 'FileIsADirectory'
          : code === 'ENOTDIR'
            ? 'FileNotADirectory'
            : 'Unknown';
  return Object.assign(new Error(`${name} (FileSystemError): ${(e as Error).message}`), { code: name, name: `${name} (FileSystemError)` });
}

function typeOf(path: string): { type: number; size: number } {
  const l = fs.lstatSync(path);
  if (!l.isSymbolicLink()) return { type: l.isFile() ? FILE : l.isDirectory() ? DIRECTORY : 0, size: l.size };
  try {
    const s = fs.statSync(path);
    return { type: SYMBOLIC_LINK | (s.isFile() ? FILE : s.isDirectory() ? DIRECTORY : 0), size: s.size };
  } catch {
    return { type: SYMBOLIC_LINK, size: l.size };
  }
}

export interface FakeUri {
  path: string;
}

export const fakeWorkspaceFs = {
  async stat(uri: FakeUri) {
    try {
      return typeOf(uri.path);
    } catch (e) {
      throw fsError(e);
    }
  },
  async readFile(uri: FakeUri): Promise<Uint8Array> {
    try {
      return new Uint8Array(fs.readFileSync(uri.path));
    } catch (e) {
      throw fsError(e);
    }
  },
  async readDirectory(uri: FakeUri): Promise<[string, number][]> {
    try {
      return fs.readdirSync(uri.path).map((name) => [name, typeOf(`${uri.path}/${name}`).type] as [string, number]);
    } catch (e) {
      throw fsError(e);
    }
  },
};

/** The engine's FileSystem as the extension builds it on workspace.fs, for a workspace at `root`. */
export function workspaceFsHost(root: string): FileSystem {
  return workspaceFileSystem(fakeWorkspaceFs, (path) => ({ path }), root);
}
