// Engine paths ↔ editor URIs. The engine speaks absolute forward-slash paths; a workspace folder may
// be on disk (`file:`) or anywhere a file system provider serves (`vscode-vfs:` in github.dev,
// `vscode-remote:`, a test's own scheme). A path maps back to the URI of the workspace folder it lies in.
import * as vscode from 'vscode';
import { isInside } from '../../core/paths';
import { toPosixPath } from './overlayFs';

/** The engine path of a URI: the platform path for `file:`, the URI's path otherwise. */
export function uriToPath(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? toPosixPath(uri.fsPath) : uri.path;
}

/** The workspace folder holding an engine path (the deepest one), if any. */
function folderOfPath(path: string): vscode.WorkspaceFolder | undefined {
  let best: vscode.WorkspaceFolder | undefined;
  let bestLength = -1;
  for (const f of vscode.workspace.workspaceFolders ?? []) {
    const root = uriToPath(f.uri);
    if (root.length > bestLength && isInside(root, path)) {
      best = f;
      bestLength = root.length;
    }
  }
  return best;
}

/** The URI of an engine path: in the scheme of the workspace folder it lies in (`file:` outside all). */
export function pathToUri(path: string, base?: vscode.Uri): vscode.Uri {
  const folder = base ?? folderOfPath(path)?.uri;
  return folder && folder.scheme !== 'file' ? folder.with({ path, query: '', fragment: '' }) : vscode.Uri.file(path);
}

/** Whether a document or file event is one of the workspace's files (not a diff view, output, untitled…). */
export function isWorkspaceResource(uri: vscode.Uri): boolean {
  if (uri.scheme === 'file') return true;
  return (vscode.workspace.workspaceFolders ?? []).some((f) => f.uri.scheme === uri.scheme && f.uri.authority === uri.authority);
}

/** Whether a URI names the file at this engine path. */
export function isSameResource(uri: vscode.Uri, path: string): boolean {
  return (
    isWorkspaceResource(uri) && uriToPath(uri) === path && pathToUri(path).toString() === uri.with({ query: '', fragment: '' }).toString()
  );
}
