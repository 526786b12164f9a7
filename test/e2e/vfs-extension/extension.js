// Test helper for the e2e suite: a FileSystemProvider with its own scheme, `eptest:/abs/path` serving the
// file at /abs/path on the server's disk. A workspace folder opened under it is a virtual workspace to VS
// Code and to the extension under test, which must then read everything through vscode.workspace.fs.
'use strict';
const vscode = require('vscode');
const fs = require('node:fs');

function wrap(err) {
  if (err && err.code === 'ENOENT') return vscode.FileSystemError.FileNotFound();
  if (err && err.code === 'EEXIST') return vscode.FileSystemError.FileExists();
  if (err && (err.code === 'EACCES' || err.code === 'EPERM')) return vscode.FileSystemError.NoPermissions();
  return err;
}
const call = (fn) => {
  try {
    return fn();
  } catch (e) {
    throw wrap(e);
  }
};

function typeOf(path) {
  const l = fs.lstatSync(path);
  const base = (s) => (s.isFile() ? vscode.FileType.File : s.isDirectory() ? vscode.FileType.Directory : vscode.FileType.Unknown);
  if (!l.isSymbolicLink()) return { type: base(l), stat: l };
  try {
    const s = fs.statSync(path);
    return { type: vscode.FileType.SymbolicLink | base(s), stat: s };
  } catch {
    return { type: vscode.FileType.SymbolicLink, stat: l };
  }
}

class DiskUnderScheme {
  constructor() {
    this.emitter = new vscode.EventEmitter();
    this.onDidChangeFile = this.emitter.event;
  }
  watch(uri) {
    let watcher;
    try {
      watcher = fs.watch(uri.path, { recursive: true }, (_event, name) => {
        if (!name) return;
        const child = vscode.Uri.joinPath(uri, String(name));
        const type = fs.existsSync(child.path) ? vscode.FileChangeType.Changed : vscode.FileChangeType.Deleted;
        this.emitter.fire([{ type, uri: child }]);
      });
    } catch {
      /* nothing to watch */
    }
    return new vscode.Disposable(() => watcher?.close());
  }
  stat(uri) {
    return call(() => {
      const { type, stat } = typeOf(uri.path);
      return { type, ctime: stat.ctimeMs, mtime: stat.mtimeMs, size: stat.size };
    });
  }
  readDirectory(uri) {
    return call(() => fs.readdirSync(uri.path).map((name) => [name, typeOf(`${uri.path}/${name}`).type]));
  }
  readFile(uri) {
    return call(() => new Uint8Array(fs.readFileSync(uri.path)));
  }
  writeFile(uri, content, options) {
    call(() => {
      const exists = fs.existsSync(uri.path);
      if (!exists && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
      if (exists && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
      fs.writeFileSync(uri.path, content);
    });
    this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }
  createDirectory(uri) {
    call(() => fs.mkdirSync(uri.path));
  }
  delete(uri, options) {
    call(() => fs.rmSync(uri.path, { recursive: options.recursive }));
  }
  rename(from, to, options) {
    call(() => {
      if (!options.overwrite && fs.existsSync(to.path)) throw vscode.FileSystemError.FileExists(to);
      fs.renameSync(from.path, to.path);
    });
  }
}

exports.activate = (context) => {
  context.subscriptions.push(vscode.workspace.registerFileSystemProvider('eptest', new DiskUnderScheme(), { isCaseSensitive: true }));
};
exports.deactivate = () => {};
