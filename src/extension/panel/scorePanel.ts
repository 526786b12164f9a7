// The score panel host: one WebviewPanel, restored after a reload by a serializer. It follows
// the active pack, re-renders on every check (live while typing) and acts on validated
// messages only.
import * as vscode from 'vscode';
import type { HostMessage } from '../../protocol/messages';
import type { PackService } from '../service/packService';
import { toVsRange } from '../service/packService';
import { buildPanelModel } from './panelModel';
import { makeNonce, panelHtml } from './panelHtml';
import { parsePanelState, parseWebviewMessage } from './webviewMessages';
import { readSettings, tr } from '../service/settings';
import { currentPack, packLabel } from '../status/statusBar';
import { rankEntryFiles } from '../language/languageLogic';
import { statusText } from '../status/statusText';
import { applyAndReveal, clauseEntryEdit } from '../language/entryEdits';
import { relativePath } from '../../core/paths';
import { pathToUri } from '../service/uris';

export const VIEW_TYPE = 'evidencePack.score';

export class ScorePanel implements vscode.Disposable {
  static current: ScorePanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private pendingFocus?: string;

  static show(context: vscode.ExtensionContext, service: PackService, pack: string, clause?: string): void {
    if (ScorePanel.current) {
      ScorePanel.current.setPack(pack);
      ScorePanel.current.panel.reveal(undefined, true);
    } else {
      const panel = vscode.window.createWebviewPanel(
        VIEW_TYPE,
        tr('panel.title'),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        ScorePanel.options(context),
      );
      ScorePanel.current = new ScorePanel(context, service, panel, pack);
    }
    if (clause) ScorePanel.current.focus(clause);
  }

  static options(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist')],
    };
  }

  static serializer(context: vscode.ExtensionContext, service: PackService): vscode.WebviewPanelSerializer {
    return {
      async deserializeWebviewPanel(panel, state: unknown) {
        // The page goes in first: the webview shows the model it kept in its state at once, instead of a
        // blank page while the packs are checked; the fresh model replaces it when the check is done.
        panel.webview.options = ScorePanel.options(context);
        panel.webview.html = ScorePanel.htmlFor(context, panel.webview, service);
        let ready = false;
        const early = panel.webview.onDidReceiveMessage((raw: unknown) => {
          if (parseWebviewMessage(raw)?.type === 'ready') ready = true;
        });
        await service.whenReady();
        early.dispose();
        const restored = parsePanelState(state, new Set(service.roots));
        const pack = restored.pack ?? currentPack(service);
        ScorePanel.current?.dispose();
        ScorePanel.current = new ScorePanel(context, service, panel, pack, { htmlSet: true, ready });
      },
    };
  }

  private constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly service: PackService,
    readonly panel: vscode.WebviewPanel,
    private pack: string | undefined,
    restored?: { htmlSet: boolean; ready: boolean },
  ) {
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png');
    if (!restored?.htmlSet) panel.webview.html = this.html();
    this.ready = restored?.ready ?? false;
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.onMessage(raw)),
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.visible) this.render();
      }),
      service.onDidUpdate((r) => {
        if (r.root === this.pack) this.render();
      }),
      service.onDidChangePacks(() => {
        if (!this.pack || !service.roots.includes(this.pack)) this.pack = currentPack(service);
        this.render();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        const root = editor && service.packOf(editor.document.uri);
        if (root && root !== this.pack) this.setPack(root);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('evidencePack.language')) {
          panel.webview.html = this.html();
          this.ready = false;
        }
      }),
    );
    if (this.ready) this.render();
  }

  private html(): string {
    return ScorePanel.htmlFor(this.context, this.panel.webview, this.service);
  }

  static htmlFor(context: vscode.ExtensionContext, webview: vscode.Webview, service: PackService): string {
    const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
    const { lang } = readSettings();
    return panelHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce((n) => crypto.getRandomValues(new Uint8Array(n))),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString(),
      lang,
      title: tr('panel.title'),
      host: service.host.kind,
    });
  }

  setPack(pack: string): void {
    this.pack = pack;
    this.render();
  }

  focus(clause: string): void {
    if (this.ready) this.post({ type: 'focusClause', clause });
    else this.pendingFocus = clause;
  }

  private post(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  render(): void {
    if (!this.ready || !this.panel.visible) return;
    const root = this.pack ?? currentPack(this.service);
    if (!root) return;
    this.pack = root;
    const result = this.service.result(root);
    if (!result) return;
    const { lang } = readSettings();
    const label = packLabel(this.service, root);
    this.panel.title = `${tr('panel.title')} · ${label}`;
    this.post({ type: 'update', model: buildPanelModel(result, { lang, packLabel: label, canPickPack: this.service.roots.length > 1 }) });
    if (this.pendingFocus) {
      this.post({ type: 'focusClause', clause: this.pendingFocus });
      this.pendingFocus = undefined;
    }
  }

  private async onMessage(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) return; // not ours, or malformed: ignored
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.render();
        return;
      case 'pickPack': {
        const root = await pickPack(this.service);
        if (root) {
          this.service.choose(root);
          this.setPack(root);
        }
        return;
      }
      case 'exportReport':
        // The command asks for the format and where to save it; the panel names its pack.
        if (this.pack) await vscode.commands.executeCommand('evidencePack.exportReport', { pack: this.pack });
        return;
      case 'reveal':
        if (this.pack) await revealClause(this.service, this.pack, message.clause);
        return;
    }
  }

  dispose(): void {
    if (ScorePanel.current === this) ScorePanel.current = undefined;
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
    this.panel.dispose();
  }
}

export async function pickPack(service: PackService): Promise<string | undefined> {
  const roots = service.roots;
  if (roots.length === 0) {
    void vscode.window.showInformationMessage(tr('cmd.noPack'));
    return undefined;
  }
  if (roots.length === 1) return roots[0];
  const { lang } = readSettings();
  const items = roots.map((root) => {
    const result = service.result(root);
    return { label: packLabel(service, root), description: result?.score ? statusText(result, lang) : '', root };
  });
  const picked = await vscode.window.showQuickPick(items, { placeHolder: tr('cmd.pickPack') });
  return picked?.root;
}

/** Reveals a clause's first entry; for a clause without one, offers to add it (user-confirmed). */
export async function revealClause(service: PackService, root: string, clause: string): Promise<void> {
  const result = service.result(root);
  if (!result || !result.standard?.byId.has(clause)) return;
  const entry = result.entries.find((e) => e.clause === clause);
  if (entry) {
    const doc = await vscode.workspace.openTextDocument(pathToUri(entry.file));
    const range = toVsRange(entry.idRange);
    await vscode.window.showTextDocument(doc, { selection: range, viewColumn: vscode.ViewColumn.One });
    return;
  }
  const target = rankEntryFiles(result.files, result.entries, clause)[0];
  if (!target) {
    void vscode.window.showInformationMessage(tr('cmd.noEvidenceFile'));
    return;
  }
  const add = tr('cmd.addEntry');
  const answer = await vscode.window.showInformationMessage(tr('cmd.addEntryPrompt', { clause, file: relativePath(root, target) }), add);
  if (answer !== add) return;
  const edit = await clauseEntryEdit(result, clause, target);
  if (edit) await applyAndReveal(edit, target, clause);
}
