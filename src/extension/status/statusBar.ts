// The status bar item: score, stars and band of the pack of the active editor (or the pack
// last worked in); a click opens the score panel.
import * as vscode from 'vscode';
import type { PackService } from '../service/packService';
import { readSettings } from '../service/settings';
import { freshnessNote, freshStatusText, statusText, statusTooltip } from './statusText';
import { relativePath } from '../../core/paths';
import { uriToPath } from '../service/uris';

export function packLabel(service: PackService, root: string): string {
  const folder = service.folderOf(root);
  if (!folder) return root;
  const rel = relativePath(uriToPath(folder.uri), root);
  return rel === '.' ? folder.name : `${folder.name}/${rel}`;
}

/** The pack the user is looking at: the active editor's, else the last used, else the only one. */
export function currentPack(service: PackService): string | undefined {
  const editor = vscode.window.activeTextEditor;
  const fromEditor = editor && service.packOf(editor.document.uri);
  if (fromEditor) {
    service.lastUsedPack = fromEditor;
    return fromEditor;
  }
  if (service.lastUsedPack && service.result(service.lastUsedPack)) return service.lastUsedPack;
  return service.roots[0];
}

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('evidencePack.score', vscode.StatusBarAlignment.Left, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly service: PackService) {
    this.item.name = 'Evidence Pack';
    this.item.command = 'evidencePack.showScore';
    this.disposables.push(
      service.onDidUpdate(() => this.refresh()),
      service.onDidChangeFreshness(() => this.refresh()),
      service.onDidChangePacks(() => this.refresh()),
      service.onDidChooseCurrent(() => this.refresh()),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('evidencePack.language')) this.refresh();
      }),
    );
    this.refresh();
  }

  refresh(): void {
    const root = currentPack(this.service);
    const result = root && this.service.result(root);
    if (!root || !result) {
      this.item.hide();
      return;
    }
    const { lang } = readSettings();
    const freshness = this.service.freshness(root);
    this.item.text = freshStatusText(statusText(result, lang), freshness);
    const note = freshnessNote(freshness, lang);
    const tooltip = statusTooltip(result, packLabel(this.service, root), lang);
    this.item.tooltip = note ? `${note}\n\n${tooltip}` : tooltip;
    this.item.accessibilityInformation = { label: `${this.item.text}. ${this.item.tooltip}` };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
