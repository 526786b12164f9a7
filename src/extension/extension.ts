// Entry point in the Node extension host: folders on disk are read with Node's fs (faster than
// vscode.workspace.fs), others (virtual workspaces) through vscode.workspace.fs. Activated by
// workspaceContains for manifests and evidence files, by its commands and by a restored panel — never by `*`.
import type * as vscode from 'vscode';
import { nodeFileSystem } from '../node/nodeFs';
import type { Deliverables } from '../present/formats/deliverablesLoader';
// At run time this is dist/browser.js, the one bundle of the extension (scripts/build.mjs): the Node
// entry adds only Node's fs to it, so the package holds the engine once.
import { activateWith, workspaceFsFor } from './browser';

export function activate(context: vscode.ExtensionContext): void {
  activateWith(context, {
    kind: 'node',
    fileSystemFor: (folder) => (folder.uri.scheme === 'file' ? nodeFileSystem : workspaceFsFor(folder)),
    // dist/deliverables.js beside this file (scripts/build.mjs, shipped in the .vsix), loaded when a workbook or
    // document is exported or a workbook imported (src/present/formats/deliverablesLoader.ts).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load is the point
    deliverables: () => require('../present/formats/deliverables') as Deliverables,
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
