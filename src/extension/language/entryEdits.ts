// User-triggered edits that add a clause entry or evidence stubs, as WorkspaceEdits (undoable).
import * as vscode from 'vscode';
import type { PackResult } from '../../core/types';
import { clauseEntryPlan } from './quickFixes';
import { toVsRange } from '../service/packService';
import { readSettings } from '../service/settings';
import { pathToUri } from '../service/uris';

export async function documentText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** The edit that adds an entry for `clauseId` to the evidence file `file` of the pack. */
export async function clauseEntryEdit(result: PackResult, clauseId: string, file: string): Promise<vscode.WorkspaceEdit | undefined> {
  const uri = pathToUri(file);
  const edit = clauseEntryPlan(result, clauseId, file, await documentText(uri), readSettings().lang);
  if (!edit) return undefined;
  const ws = new vscode.WorkspaceEdit();
  ws.replace(uri, toVsRange(edit.range), edit.newText);
  return ws;
}

/** Applies the edit and shows the new entry. */
export async function applyAndReveal(ws: vscode.WorkspaceEdit, file: string, clauseId: string): Promise<void> {
  if (!(await vscode.workspace.applyEdit(ws))) return;
  const doc = await vscode.workspace.openTextDocument(pathToUri(file));
  const text = doc.getText();
  const index = Math.max(text.lastIndexOf(JSON.stringify(clauseId)), text.lastIndexOf(`## ${clauseId}`));
  const position = index >= 0 ? doc.positionAt(index) : new vscode.Position(0, 0);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.One });
}
