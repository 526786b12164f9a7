// Entry point: wires the pack service (diagnostics), the status bar, the score panel, the
// language features and the commands. Activated by workspaceContains for manifests and
// evidence files, by its commands and by a restored panel — never by `*`.
import * as vscode from 'vscode';
import { PackService } from './service/packService';
import { StatusBar } from './status/statusBar';
import { ScorePanel, VIEW_TYPE } from './panel/scorePanel';
import { registerLanguageFeatures } from './language/languageFeatures';
import { registerCommands } from './commands/commands';

export function activate(context: vscode.ExtensionContext): void {
  const service = new PackService(context.extensionUri);
  context.subscriptions.push(service);
  context.subscriptions.push(new StatusBar(service));
  context.subscriptions.push(vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, ScorePanel.serializer(context, service)));
  context.subscriptions.push({ dispose: () => ScorePanel.current?.dispose() });
  registerLanguageFeatures(context, service);
  registerCommands(context, service);
  void service.start();
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
