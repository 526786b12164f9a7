// The "Import Scoring Sheet…" command: pick a body's sheet, plan the import (./importSheet.ts), then create
// the scoring-sheet file and point the manifest's `scoring:` at it in ONE WorkspaceEdit — undoable, and the
// manifest is changed as a document edit, never written behind an open editor. On any error nothing changes.
import * as vscode from 'vscode';
import { MANIFEST_NAME } from '../../core/constants';
import { msg } from '../../core/messages';
import { MAX_SHEET_BYTES } from '../../core/sheetImport';
import { workbookReader } from '../../present/formats/deliverablesLoader';
import { MAX_SHEET_MB } from '../../present/formats/sheetFile';
import type { PackService } from '../service/packService';
import { readSettings, tr } from '../service/settings';
import { pathToUri } from '../service/uris';
import { planSheetImport } from './importSheet';

/** Errors shown in the message at most; the rest are counted. */
const SHOWN_ERRORS = 3;

export function registerImportSheet(
  context: vscode.ExtensionContext,
  service: PackService,
  choosePack: () => Promise<string | undefined>,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('evidencePack.importSheet', async () => {
      const pack = await choosePack();
      if (!pack) return;
      const result = service.result(pack) ?? (await service.check(pack));
      if (!result?.standard) {
        void vscode.window.showWarningMessage(tr('cmd.noStandard'));
        return;
      }
      const picked = await vscode.window.showOpenDialog({
        canSelectFiles: true,
        canSelectFolders: false,
        canSelectMany: false,
        defaultUri: pathToUri(pack),
        openLabel: tr('importSheet.pick'),
        filters: { [tr('importSheet.filter')]: ['xlsx', 'csv'] },
      });
      const sheet = picked?.[0];
      if (!sheet) return;
      const lang = readSettings().lang;
      const file = sheet.path.slice(sheet.path.lastIndexOf('/') + 1);
      const fail = (errors: { cell: string; message: string }[]) => {
        const shown = errors.slice(0, SHOWN_ERRORS).map((e) => `${e.cell}: ${e.message}`);
        if (errors.length > SHOWN_ERRORS) shown.push(tr('importSheet.more', { count: errors.length - SHOWN_ERRORS }));
        void vscode.window.showErrorMessage(tr('importSheet.failed', { errors: shown.join(' ') }));
      };
      try {
        if ((await vscode.workspace.fs.stat(sheet)).size > MAX_SHEET_BYTES) {
          fail([{ cell: file, message: msg(lang, 'import.fileTooLarge', { max: MAX_SHEET_MB }) }]);
          return;
        }
        const manifestUri = pathToUri(`${pack}/${MANIFEST_NAME}`);
        const manifest = await vscode.workspace.openTextDocument(manifestUri);
        const exists = (name: string) =>
          Promise.resolve(vscode.workspace.fs.stat(pathToUri(`${pack}/${name}`))).then(
            () => true,
            () => false,
          );
        const planned = await planSheetImport({
          file,
          bytes: await vscode.workspace.fs.readFile(sheet),
          standardId: result.standard.id,
          manifestText: manifest.getText(),
          exists,
          lang,
          readWorkbook: workbookReader(),
        });
        if (!planned.ok) {
          fail(planned.errors);
          return;
        }
        const { plan } = planned;
        const edit = new vscode.WorkspaceEdit();
        const target = pathToUri(`${pack}/${plan.name}`);
        edit.createFile(target, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(plan.yaml) });
        const r = plan.manifestEdit.range;
        edit.replace(
          manifestUri,
          new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character),
          plan.manifestEdit.newText,
        );
        if (!(await vscode.workspace.applyEdit(edit))) {
          void vscode.window.showErrorMessage(tr('importSheet.applyFailed', { detail: plan.name }));
          return;
        }
        void vscode.window.showInformationMessage(tr('importSheet.done', { file, name: plan.name, points: plan.points, rows: plan.rows }));
      } catch (err) {
        void vscode.window.showErrorMessage(tr('importSheet.applyFailed', { detail: err instanceof Error ? err.message : String(err) }));
      }
    }),
  );
}
