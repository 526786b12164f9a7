// The real disk, for the CLI and for the extension's files that are not open. Node's callback API, not
// `fs.promises`: the same thread-pool calls, but `fs.promises` is a module of its own that loads readline,
// streams and file handles with it, a cost every cold `evidence-pack check` paid (BENCHMARKS.md, "Start-up").
import { lstat, readdir, readFile, realpath, stat, type Dirent, type Stats } from 'node:fs';
import type { DirEntry, FileStat, FileSystem } from '../core/host';
import { toSlash } from '../core/paths';

/** `call(…args, callback)` as a promise. */
function promise<T>(call: (done: (err: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => call((err, value) => (err ? reject(err) : resolve(value))));
}

const toStat = (s: Stats): FileStat => ({
  isFile: s.isFile(),
  isDirectory: s.isDirectory(),
  isSymbolicLink: s.isSymbolicLink(),
  size: s.size,
});
const toEntry = (d: Dirent): DirEntry => ({
  name: d.name,
  isFile: d.isFile(),
  isDirectory: d.isDirectory(),
  isSymbolicLink: d.isSymbolicLink(),
});

export const nodeFileSystem: FileSystem = {
  readFile(path) {
    return promise<Buffer>((done) => readFile(path, done));
  },
  async stat(path, lstatOnly) {
    try {
      return toStat(await promise<Stats>((done) => (lstatOnly ? lstat : stat)(path, done)));
    } catch {
      return undefined;
    }
  },
  async readDir(path) {
    return (await promise<Dirent[]>((done) => readdir(path, { withFileTypes: true }, done))).map(toEntry);
  },
  async realpath(path) {
    try {
      return toSlash(await promise<string>((done) => realpath.native(path, done)));
    } catch {
      return undefined;
    }
  },
};
