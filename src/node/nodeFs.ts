// The real disk, for the CLI and for the extension's files that are not open.
import { promises as fsp } from 'node:fs';
import type { DirEntry, FileStat, FileSystem } from '../core/host';
import { toSlash } from '../core/paths';

export const nodeFileSystem: FileSystem = {
  async readFile(path) {
    return fsp.readFile(path);
  },
  async stat(path, lstat) {
    try {
      const s = lstat ? await fsp.lstat(path) : await fsp.stat(path);
      return { isFile: s.isFile(), isDirectory: s.isDirectory(), isSymbolicLink: s.isSymbolicLink(), size: s.size } satisfies FileStat;
    } catch {
      return undefined;
    }
  },
  async readDir(path) {
    const list = await fsp.readdir(path, { withFileTypes: true });
    return list.map(
      (d) => ({ name: d.name, isFile: d.isFile(), isDirectory: d.isDirectory(), isSymbolicLink: d.isSymbolicLink() }) satisfies DirEntry,
    );
  },
  async realpath(path) {
    try {
      return toSlash(await fsp.realpath(path));
    } catch {
      return undefined;
    }
  },
};
