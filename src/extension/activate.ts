// What both entries do (dist/extension.js in the Node extension host, dist/browser.js in the web worker
// host of vscode.dev / github.dev): wire the pack service (diagnostics), the status bar, the score panel,
// the language features and the commands. They differ only in how a workspace folder is read.
import * as vscode from 'vscode';
import type { FileSystem } from '../core/host';
import { PackService } from './service/packService';
import { StatusBar } from './status/statusBar';
import { ScorePanel, VIEW_TYPE } from './panel/scorePanel';
import { registerLanguageFeatures } from './language/languageFeatures';
import { registerBuiltinStandards } from './service/builtinStandards';
import { activeOrPickedPack, registerCommands } from './commands/commands';
import { registerImportSheet } from './commands/importSheetCommand';
import { uriToPath } from './service/uris';
import { workspaceFileSystem } from './service/workspaceFs';
import { provideDeliverables, type Deliverables } from '../present/formats/deliverablesLoader';

export interface ExtensionHostKind {
  /** Which extension host runs this entry (the score panel's page names it for tests and bug reports). */
  kind: 'node' | 'web';
  /** How the engine reads a workspace folder. */
  fileSystemFor(folder: vscode.WorkspaceFolder): FileSystem;
  /** dist/deliverables.js: the writers of the formats that need Node and the XLSX reader (the Node host only; a
   *  web worker has none, so it exports no workbook or document and imports CSV only). */
  deliverables?: () => Deliverables;
}

/** A workspace folder read through vscode.workspace.fs (any scheme a file system provider serves). */
export function workspaceFsFor(folder: vscode.WorkspaceFolder): FileSystem {
  const base = folder.uri;
  const toUri = (path: string) => (base.scheme === 'file' ? vscode.Uri.file(path) : base.with({ path, query: '', fragment: '' }));
  return workspaceFileSystem(vscode.workspace.fs, toUri, uriToPath(base));
}

export function activateWith(context: vscode.ExtensionContext, host: ExtensionHostKind): void {
  provideDeliverables(host.deliverables);
  const service = new PackService(host);
  context.subscriptions.push(service);
  context.subscriptions.push(new StatusBar(service));
  context.subscriptions.push(vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, ScorePanel.serializer(context, service)));
  context.subscriptions.push({ dispose: () => ScorePanel.current?.dispose() });
  registerBuiltinStandards(context);
  registerLanguageFeatures(context, service);
  registerCommands(context, service);
  registerImportSheet(context, service, () => activeOrPickedPack(service));
  void service.start();
}
