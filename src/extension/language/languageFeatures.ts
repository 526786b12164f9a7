// Thin vscode adapters over languageLogic.ts / textEdits.ts: completion, hover, quick fixes,
// code lens, outline, links and go-to-definition in evidence files and manifests.
import * as vscode from 'vscode';
import type { ClauseScore, Diagnostic as CoreDiagnostic, Lang, PackResult } from '../../core/types';
import { systemClock } from '../../core/host';
import type { PackService } from '../service/packService';
import { DIAGNOSTIC_SOURCE, toVsRange } from '../service/packService';
import { readSettings } from '../service/settings';
import {
  clauseDocumentation,
  clauseIdAt,
  completionContext,
  completions,
  entrySymbols,
  findClauseDefinition,
  schemeItemAt,
  schemeItemDocumentation,
  findLinks,
  isRelativeTarget,
  kindAt,
  kindDocumentation,
  lensTitle,
} from './languageLogic';
import { frontMatterEnd, splitLines } from './textEdits';
import { documentText } from './entryEdits';
import { builtinStandardUri } from '../service/builtinStandards';
import { planQuickFixes } from './quickFixes';
import { relativePath } from '../../core/paths';
import { pathToUri, uriToPath } from '../service/uris';

export const SELECTOR: vscode.DocumentSelector = [
  // Any scheme a workspace folder has (file:, vscode-vfs: in github.dev…); the providers answer only for a pack's files.
  { pattern: '**/*.evidence.{yaml,yml,md}' },
  { pattern: '**/evidence-pack.yaml' },
];

const isMarkdown = (doc: vscode.TextDocument) => /\.md$/i.test(doc.uri.path);

function inMarkdownBody(doc: vscode.TextDocument, line: number): boolean {
  if (!isMarkdown(doc)) return false;
  const end = frontMatterEnd(splitLines(doc.getText()));
  return line > end;
}

function scoresOf(result: PackResult | undefined): Map<string, ClauseScore> {
  return new Map((result?.score?.clauses ?? []).map((c) => [c.id, c]));
}

function toCorePos(p: vscode.Position) {
  return { line: p.line, character: p.character };
}

export function registerLanguageFeatures(context: vscode.ExtensionContext, service: PackService): void {
  const lang = (): Lang => readSettings().lang;
  const resultOf = (doc: vscode.TextDocument) => {
    const root = service.packOf(doc.uri);
    return root ? { root, result: service.result(root) } : undefined;
  };

  const completion: vscode.CompletionItemProvider = {
    async provideCompletionItems(doc, position) {
      const prefix = doc.lineAt(position.line).text.slice(0, position.character);
      const ctx = completionContext(prefix, inMarkdownBody(doc, position.line));
      if (!ctx) return undefined;
      const pack = resultOf(doc);
      const standard = pack?.result?.standard;
      let files: string[] = [];
      if (ctx.key === 'file' && pack) {
        const found = await vscode.workspace.findFiles(
          new vscode.RelativePattern(pathToUri(pack.root), '**/*'),
          '**/{node_modules,.git}/**',
          2000,
        );
        const dir = uriToPath(doc.uri).replace(/\/[^/]*$/, '');
        files = found
          .map((u) => uriToPath(u))
          .filter((p) => !/\.evidence\.(ya?ml|md)$/i.test(p) && !p.endsWith('/evidence-pack.yaml'))
          .map((p) => relativePath(dir, p))
          .sort();
      }
      const range = new vscode.Range(position.line, ctx.start, position.line, position.character);
      return completions(ctx, standard, lang(), files).map((spec) => {
        const item = new vscode.CompletionItem(
          spec.label,
          {
            reference: vscode.CompletionItemKind.Reference,
            enum: vscode.CompletionItemKind.EnumMember,
            value: vscode.CompletionItemKind.Value,
            file: vscode.CompletionItemKind.File,
          }[spec.kind],
        );
        item.insertText = spec.insertText;
        item.filterText = spec.filterText;
        item.sortText = spec.sortText;
        item.detail = spec.detail;
        if (spec.documentation) item.documentation = new vscode.MarkdownString(spec.documentation);
        item.range = range;
        return item;
      });
    },
  };

  const hover: vscode.HoverProvider = {
    provideHover(doc, position) {
      const lineText = doc.lineAt(position.line).text;
      const token = clauseIdAt(lineText, position.character);
      const pack = resultOf(doc);
      const standard = pack?.result?.standard;
      if (!pack || !standard) return undefined;
      const kind = kindAt(lineText, position.character);
      const kindDoc = kind && kindDocumentation(standard, kind.value, lang());
      if (kind && kindDoc)
        return new vscode.Hover(new vscode.MarkdownString(kindDoc), new vscode.Range(position.line, kind.start, position.line, kind.end));
      const item = schemeItemAt(lineText, position.character);
      const itemDoc = item && schemeItemDocumentation(standard, item.id, pack.result?.score, lang());
      if (item && itemDoc)
        return new vscode.Hover(new vscode.MarkdownString(itemDoc), new vscode.Range(position.line, item.start, position.line, item.end));
      if (!token || !standard.byId.has(token.id)) return undefined;
      const md = new vscode.MarkdownString(clauseDocumentation(standard, token.id, scoresOf(pack.result).get(token.id), lang()));
      return new vscode.Hover(md, new vscode.Range(position.line, token.start, position.line, token.end));
    },
  };

  const definition: vscode.DefinitionProvider = {
    async provideDefinition(doc, position) {
      const token = clauseIdAt(doc.lineAt(position.line).text, position.character);
      const standard = resultOf(doc)?.result?.standard;
      const clause = token && standard?.byId.get(token.id);
      if (!clause || !standard) return undefined;
      if (clause.source) return new vscode.Location(service.fileUri(clause.source.file), toVsRange(clause.source.range));
      const uri = standardUri(standard.file, standard.id);
      if (!uri) return undefined;
      try {
        const range = findClauseDefinition(await documentText(uri), clause.id);
        return range ? new vscode.Location(uri, toVsRange(range)) : new vscode.Location(uri, new vscode.Position(0, 0));
      } catch {
        return undefined;
      }
    },
  };

  const lensChanged = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    lensChanged,
    service.onDidUpdate(() => lensChanged.fire()),
  );
  const codeLens: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: lensChanged.event,
    provideCodeLenses(doc) {
      const pack = resultOf(doc);
      if (!pack?.result) return [];
      const file = uriToPath(doc.uri);
      const scores = scoresOf(pack.result);
      return pack.result.entries
        .filter((e) => e.file === file)
        .map(
          (e) =>
            new vscode.CodeLens(toVsRange(e.idRange), {
              title: lensTitle(e, scores.get(e.clause), lang()),
              command: 'evidencePack.showScore',
              arguments: [{ pack: pack.root, clause: e.clause }],
            }),
        );
    },
  };

  const symbols: vscode.DocumentSymbolProvider = {
    provideDocumentSymbols(doc) {
      const pack = resultOf(doc);
      if (!pack?.result) return [];
      const file = uriToPath(doc.uri);
      const entries = pack.result.entries.filter((e) => e.file === file);
      return entrySymbols(entries, pack.result.standard, scoresOf(pack.result), lang()).map(
        (s) => new vscode.DocumentSymbol(s.name, s.detail, vscode.SymbolKind.Key, toVsRange(s.range), toVsRange(s.selectionRange)),
      );
    },
  };

  const links: vscode.DocumentLinkProvider = {
    provideDocumentLinks(doc) {
      const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
      const boundary = folder ? uriToPath(folder.uri) : undefined;
      const dir = vscode.Uri.joinPath(doc.uri, '..');
      const out: vscode.DocumentLink[] = [];
      for (const l of findLinks(doc.getText(), isMarkdown(doc))) {
        if (!isRelativeTarget(l.target)) continue;
        let target: vscode.Uri;
        try {
          target = vscode.Uri.joinPath(dir, decodeURIComponent(l.target.replace(/[?#].*$/, '')));
        } catch {
          continue;
        }
        const path = uriToPath(target);
        // Never link out of the workspace (the engine reports such links as outside-workspace).
        if (boundary && path !== boundary && !path.startsWith(`${boundary}/`)) continue;
        out.push(new vscode.DocumentLink(toVsRange(l.range), target));
      }
      return out;
    },
  };

  const actions: vscode.CodeActionProvider = {
    async provideCodeActions(doc, _range, ctx) {
      const pack = resultOf(doc);
      const result = pack?.result;
      if (!pack || !result) return [];
      const file = uriToPath(doc.uri);
      const core = service.coreDiagnostics(pack.root, file);
      const out: vscode.CodeAction[] = [];
      for (const diag of ctx.diagnostics) {
        if (diag.source !== DIAGNOSTIC_SOURCE) continue;
        const code = String(typeof diag.code === 'object' ? diag.code.value : diag.code);
        const range = { start: toCorePos(diag.range.start), end: toCorePos(diag.range.end) };
        // The engine's diagnostic carries the clause and data (missing kinds) the fix needs.
        const match = core.find(
          (d) =>
            d.code === code &&
            d.message === diag.message &&
            d.range.start.line === range.start.line &&
            d.range.start.character === range.start.character,
        );
        const plans = await planQuickFixes({
          file,
          text: doc.getText(),
          result,
          lang: lang(),
          today: systemClock.today(),
          diagnostic: { code: code as CoreDiagnostic['code'], range, clause: match?.clause, data: match?.data },
          readText: (f) => documentText(pathToUri(f)),
        });
        for (const plan of plans) {
          const action = new vscode.CodeAction(plan.title, vscode.CodeActionKind.QuickFix);
          action.diagnostics = [diag];
          action.isPreferred = plan.preferred;
          action.edit = new vscode.WorkspaceEdit();
          for (const e of plan.edits) action.edit.replace(pathToUri(plan.file), toVsRange(e.range), e.newText);
          out.push(action);
        }
      }
      return out;
    },
  };

  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(SELECTOR, completion, ':', ' ', '"', "'", '/', '.', '#', '-'),
    vscode.languages.registerHoverProvider(SELECTOR, hover),
    vscode.languages.registerDefinitionProvider(SELECTOR, definition),
    vscode.languages.registerCodeLensProvider(SELECTOR, codeLens),
    vscode.languages.registerDocumentSymbolProvider(SELECTOR, symbols, { label: 'Evidence Pack' }),
    vscode.languages.registerDocumentLinkProvider(SELECTOR, links),
    vscode.languages.registerCodeActionsProvider(SELECTOR, actions, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  );
}

/** A standard's file: the workspace file for a custom standard, the read-only text for a built-in. */
export function standardUri(file: string | undefined, id: string): vscode.Uri | undefined {
  return file ? pathToUri(file) : builtinStandardUri(id);
}
