// The real disk for the engine in the extension host (local workspaces only: virtual
// workspaces are declared unsupported in package.json).
import { promises as fsp } from 'node:fs';
import type { FileSystem } from '../core/host';

export const diskFileSystem: FileSystem = {
  async readFile(path) {
    return new Uint8Array(await fsp.readFile(path));
  },
  async stat(path, lstat) {
    try {
      const s = lstat ? await fsp.lstat(path) : await fsp.stat(path);
      return { isFile: s.isFile(), isDirectory: s.isDirectory(), isSymbolicLink: s.isSymbolicLink(), size: s.size };
    } catch {
      return undefined;
    }
  },
  async readDir(path) {
    const entries = await fsp.readdir(path, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, isFile: e.isFile(), isDirectory: e.isDirectory(), isSymbolicLink: e.isSymbolicLink() }));
  },
  async realpath(path) {
    try {
      return (await fsp.realpath(path)).replace(/\\/g, '/');
    } catch {
      return undefined;
    }
  },
};
