// The extension's commands. Files change only through user-asked actions: a WorkspaceEdit,
// a new pack in a folder the user picked, or a report saved where the user chose.
import * as vscode from 'vscode';
import type { PackService } from '../service/packService';
import { ScorePanel, pickPack } from '../panel/scorePanel';
import { currentPack } from '../status/statusBar';
import { readSettings, tr } from '../service/settings';
import { standardUri } from '../language/languageFeatures';
import { pathToUri, uriToPath } from '../service/uris';
import { exportChoices, formatArgument, saveDialogFor } from './exportReport';
import { loadBuiltin, newPackPaths, planNewPack, type NewPackUi } from './newPack';

/** The New Evidence Pack questions as VS Code input boxes and quick picks; Escape answers undefined. */
const quickInputUi: NewPackUi = {
  input: (step) =>
    Promise.resolve(
      vscode.window.showInputBox({
        title: step.title,
        prompt: step.prompt,
        placeHolder: step.placeHolder,
        value: step.value,
        ignoreFocusOut: true,
        validateInput: step.validate,
      }),
    ),
  pick: async (step) => {
    const chosen = await vscode.window.showQuickPick(
      step.items.map((item) => ({ label: item.label, description: item.description, item })),
      { title: step.title, placeHolder: step.placeHolder, ignoreFocusOut: true },
    );
    return chosen?.item.value;
  },
};

/** `{pack, clause}` from a code lens; anything else is ignored. */
function lensArgument(arg: unknown, service: PackService): { pack: string; clause?: string } | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { pack, clause } = arg as Record<string, unknown>;
  if (typeof pack !== 'string' || !service.roots.includes(pack)) return undefined;
  return { pack, clause: typeof clause === 'string' && /^[\w.-]{1,64}$/.test(clause) ? clause : undefined };
}

/** The pack of the active editor, or the one the user picks when there are several. */
export async function activeOrPickedPack(service: PackService): Promise<string | undefined> {
  await service.whenReady();
  const editor = vscode.window.activeTextEditor;
  const fromEditor = editor && service.packOf(editor.document.uri);
  if (fromEditor) return fromEditor;
  if (service.roots.length > 1) {
    const picked = await pickPack(service);
    if (picked) service.choose(picked);
    return picked;
  }
  const root = currentPack(service);
  if (!root) void vscode.window.showInformationMessage(tr('cmd.noPack'));
  return root;
}

export function registerCommands(context: vscode.ExtensionContext, service: PackService): void {
  const register = (id: string, run: (...args: unknown[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, run));

  register('evidencePack.showScore', async (arg?: unknown) => {
    const fromLens = lensArgument(arg, service);
    const pack = fromLens?.pack ?? (await activeOrPickedPack(service));
    if (!pack) return;
    if (!service.result(pack)) await service.check(pack);
    ScorePanel.show(context, service, pack, fromLens?.clause);
  });

  register('evidencePack.revalidate', async () => {
    await service.rescan();
    void vscode.window.showInformationMessage(tr('cmd.revalidated', { count: service.roots.length }));
  });

  register('evidencePack.openStandard', async () => {
    const pack = await activeOrPickedPack(service);
    if (!pack) return;
    const standard = service.result(pack)?.standard ?? (await service.engineFor(pack)?.loadStandard(pack));
    const uri = standard && standardUri(standard.file, standard.id);
    if (!uri) {
      void vscode.window.showWarningMessage(tr('cmd.noStandard'));
      return;
    }
    await vscode.window.showTextDocument(uri, { preview: true });
  });

  register('evidencePack.newPack', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      canSelectMany: false,
      defaultUri: folder?.uri,
      openLabel: tr('cmd.newPackFolder'),
    });
    const target = picked?.[0];
    if (!target) return;
    const dir = uriToPath(target);
    const lang = readSettings().lang;
    const standard = loadBuiltin();
    if (!standard) {
      void vscode.window.showErrorMessage(tr('cmd.newPackUnavailable'));
      return;
    }
    // A folder that already holds these files is refused before any question is asked, and again after.
    const exists = async (u: vscode.Uri) =>
      vscode.workspace.fs.stat(u).then(
        () => true,
        () => false,
      );
    const uris = newPackPaths(standard, lang).map((p) => vscode.Uri.joinPath(target, ...p.split('/')));
    const refuseExisting = async () => {
      if (!(await Promise.all(uris.map(exists))).some(Boolean)) return false;
      void vscode.window.showWarningMessage(tr('cmd.newPackExists', { folder: dir }));
      return true;
    };
    if (await refuseExisting()) return;
    const files = await planNewPack(quickInputUi, standard, lang);
    if (!files) return; // Escape: nothing is written
    if (await refuseExisting()) return;
    // One undoable edit that creates every file; existing files are never overwritten.
    const edit = new vscode.WorkspaceEdit();
    files.forEach((f, i) =>
      edit.createFile(uris[i], { overwrite: false, ignoreIfExists: true, contents: new TextEncoder().encode(f.text) }),
    );
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(tr('cmd.newPackFailed', { detail: dir }));
      return;
    }
    await service.rescan();
    await vscode.window.showTextDocument(uris[0]);
    void vscode.window.showInformationMessage(tr('cmd.newPackDone', { folder: dir }));
  });

  // Export Report…: a format from the registry (or `{format, pack}` from the panel button), then where to save it.
  register('evidencePack.exportReport', async (arg?: unknown) => {
    await service.whenReady();
    let roots = service.roots;
    if (roots.length === 0) {
      void vscode.window.showInformationMessage(tr('cmd.noPack'));
      return;
    }
    const fromPanel = lensArgument(arg, service)?.pack;
    if (fromPanel) roots = [fromPanel];
    else if (roots.length > 1) {
      const pack = await activeOrPickedPack(service);
      if (!pack) return;
      roots = [pack];
    }
    const lang = readSettings().lang;
    const choices = exportChoices(lang);
    const wanted = formatArgument(arg);
    const choice = wanted
      ? choices.find((c) => c.format.id === wanted)
      : await vscode.window.showQuickPick(choices, {
          title: tr('cmd.reportTitle'),
          placeHolder: tr('cmd.reportPickFormat'),
          matchOnDescription: true,
          matchOnDetail: true,
        });
    if (!choice) return;
    if (choice.unavailable) {
      void vscode.window.showWarningMessage(
        tr('cmd.reportUnavailable', { format: choice.format.id.toUpperCase(), reason: choice.unavailable }),
      );
      return;
    }
    const results = [];
    for (const root of roots) {
      const r = service.result(root) ?? (await service.check(root));
      if (r) results.push(r);
    }
    if (results.length === 0) return;
    const folder = service.folderOf(roots[0]);
    const dialog = saveDialogFor(choice.format, roots[0]);
    const out = await vscode.window.showSaveDialog({
      defaultUri: pathToUri(dialog.defaultPath),
      filters: dialog.filters,
      saveLabel: tr('cmd.reportSave'),
    });
    if (!out) return;
    try {
      const baseDir = folder ? uriToPath(folder.uri) : roots[0];
      const content = await choice.format.render({
        results,
        baseDir,
        cwd: baseDir,
        lang,
        command: 'check',
        generatedAt: new Date().toISOString(),
        toolVersion: String(vscode.extensions.getExtension('evidence-pack.evidence-pack')?.packageJSON.version ?? ''),
      });
      await vscode.workspace.fs.writeFile(out, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    } catch (err) {
      void vscode.window.showErrorMessage(tr('cmd.reportFailed', { detail: err instanceof Error ? err.message : String(err) }));
      return;
    }
    // Opened with whatever the system opens that type with: the browser for HTML, a spreadsheet for a workbook.
    const open = tr('cmd.reportOpen');
    const answer = await vscode.window.showInformationMessage(
      tr('cmd.reportSaved', { path: out.scheme === 'file' ? out.fsPath : out.toString(true) }),
      open,
    );
    if (answer === open) await vscode.env.openExternal(out);
  });
}
