// The built-in standards, shown read-only. "Open the Standard" and go to definition used to open the
// extension's own copy on disk, editable: one save changed the scoring of every pack on the machine.
// They open it through a read-only file system of its own, which reads the shipped copy (the file the
// built-in standard is generated from at build time) and refuses every write.
import * as vscode from 'vscode';
import { BUILTIN_FILE_PREFIX, BUILTIN_STANDARD_IDS } from '../../core/standard/builtin';

export const BUILTIN_SCHEME = 'evidence-pack-standard';

/** `evidence-pack-standard:/gbt27922-2011.yaml` for a built-in standard id. */
export function builtinStandardUri(id: string): vscode.Uri | undefined {
  return !BUILTIN_STANDARD_IDS.includes(id) ? undefined : vscode.Uri.from({ scheme: BUILTIN_SCHEME, path: `/${id}.yaml` });
}

/** The read-only URI for an engine path `builtin:ID`. */
export function builtinUri(file: string): vscode.Uri | undefined {
  return file.startsWith(BUILTIN_FILE_PREFIX) ? builtinStandardUri(file.slice(BUILTIN_FILE_PREFIX.length)) : undefined;
}

const idOf = (uri: vscode.Uri) => uri.path.replace(/^\//, '').replace(/\.yaml$/, '');

class BuiltinStandards implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** The shipped file of a built-in standard (not exposed: it must never be opened editable). */
  private shipped(uri: vscode.Uri): vscode.Uri {
    const id = idOf(uri);
    if (!BUILTIN_STANDARD_IDS.includes(id)) throw vscode.FileSystemError.FileNotFound(uri);
    return vscode.Uri.joinPath(this.extensionUri, 'schemas', 'standards', `${id}.yaml`);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    if (uri.path === '/' || uri.path === '')
      return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0, permissions: vscode.FilePermission.Readonly };
    const st = await vscode.workspace.fs.stat(this.shipped(uri));
    return { type: vscode.FileType.File, ctime: st.ctime, mtime: st.mtime, size: st.size, permissions: vscode.FilePermission.Readonly };
  }

  readDirectory(): [string, vscode.FileType][] {
    return BUILTIN_STANDARD_IDS.map((id) => [`${id}.yaml`, vscode.FileType.File]);
  }

  readFile(uri: vscode.Uri): Thenable<Uint8Array> {
    return vscode.workspace.fs.readFile(this.shipped(uri));
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}

export function registerBuiltinStandards(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider(BUILTIN_SCHEME, new BuiltinStandards(context.extensionUri), {
      isCaseSensitive: true,
      isReadonly: true,
    }),
  );
}
