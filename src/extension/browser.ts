// Entry point in the web worker extension host (vscode.dev, github.dev, code-server's browser host):
// the whole extension, every folder read through vscode.workspace.fs. No Node module is reachable from
// here (test/unit/browserBundle.test.ts scans dist/browser.js).
import type * as vscode from 'vscode';
import { activateWith, workspaceFsFor } from './activate';

// The Node entry (extension.ts) runs this same bundle, with the disk for folders on disk.
export { activateWith, workspaceFsFor };

export function activate(context: vscode.ExtensionContext): void {
  activateWith(context, { kind: 'web', fileSystemFor: workspaceFsFor });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
