// User-triggered edits that add a clause entry or evidence stubs, as WorkspaceEdits (undoable).
import * as vscode from 'vscode';
import type { PackResult } from '../core/types';
import { pick } from '../core/messages';
import { systemClock } from '../core/host';
import { addMarkdownClauseSection, addYamlClauseEntry, type StubKind, type TextEdit } from './textEdits';
import { toVsRange } from './packService';
import { readSettings } from './settings';

export async function documentText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export function stubKinds(result: PackResult, kindIds: string[]): StubKind[] {
  return kindIds.map((id) => ({ id, dated: result.standard?.kinds.find((k) => k.id === id)?.dated ?? false }));
}

/** The edit that adds an entry for `clauseId` to the evidence file `file` of the pack. */
export async function clauseEntryEdit(result: PackResult, clauseId: string, file: string): Promise<vscode.WorkspaceEdit | undefined> {
  const clause = result.standard?.byId.get(clauseId);
  if (!clause) return undefined;
  const { lang } = readSettings();
  const uri = vscode.Uri.file(file);
  const text = await documentText(uri);
  const kinds = stubKinds(result, clause.requires);
  const title = pick(clause.title, lang);
  const edit: TextEdit = /\.md$/i.test(file)
    ? addMarkdownClauseSection(text, clauseId, title, kinds, (k) => pick(result.standard?.kinds.find((x) => x.id === k)?.label, lang) || k)
    : addYamlClauseEntry(text, clauseId, title, kinds, systemClock.today());
  const ws = new vscode.WorkspaceEdit();
  ws.replace(uri, toVsRange(edit.range), edit.newText);
  return ws;
}

/** Applies the edit and shows the new entry. */
export async function applyAndReveal(ws: vscode.WorkspaceEdit, file: string, clauseId: string): Promise<void> {
  if (!(await vscode.workspace.applyEdit(ws))) return;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const text = doc.getText();
  const index = Math.max(text.lastIndexOf(JSON.stringify(clauseId)), text.lastIndexOf(`## ${clauseId}`));
  const position = index >= 0 ? doc.positionAt(index) : new vscode.Position(0, 0);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.One });
}
