// Which quick fixes a diagnostic gets and what they change, keyed on the diagnostic code.
// Pure (no vscode): the code action provider turns each plan into a CodeAction whose
// WorkspaceEdit the user applies (undoable).
import type { Diagnostic, Lang, PackResult, Range } from '../../core/types';
import { pick } from '../../core/messages';
import { t } from '../strings';
import {
  addEvidenceStubs,
  addJustification,
  addMarkdownClauseSection,
  addYamlClauseEntry,
  closest,
  fileLang,
  quoteScalar,
  splitLines,
  type StubKind,
  type TextEdit,
} from './textEdits';
import { contains, rankEntryFiles } from './languageLogic';
import { relativePath } from '../../core/paths';
import { joinList, kindLabel as kindLabelOf } from '../../present/vocabulary';

export interface FixPlan {
  title: string;
  /** The file the edits apply to (absolute, forward slashes). */
  file: string;
  edits: TextEdit[];
  preferred: boolean;
}

export interface FixInput {
  /** The document the diagnostic is in, with its current text. */
  file: string;
  text: string;
  diagnostic: Pick<Diagnostic, 'code' | 'range' | 'clause' | 'data'>;
  result: PackResult;
  lang: Lang;
  today: string;
  /** Reads another evidence file (for adding a missing clause's entry there). */
  readText(file: string): Promise<string>;
}

export function stubKindsOf(result: PackResult, kindIds: string[]): StubKind[] {
  return kindIds.map((id) => ({ id, dated: result.standard?.kinds.find((k) => k.id === id)?.dated ?? false }));
}

function textAt(text: string, r: Range): string {
  if (r.start.line !== r.end.line) return '';
  return splitLines(text)[r.start.line]?.slice(r.start.character, r.end.character) ?? '';
}

/** The edit that adds an entry for a clause to an evidence file (YAML entry or Markdown section). */
export function clauseEntryPlan(result: PackResult, clauseId: string, file: string, text: string, lang: Lang): TextEdit | undefined {
  const clause = result.standard?.byId.get(clauseId);
  if (!clause) return undefined;
  const kinds = stubKindsOf(result, clause.requires);
  const md = /\.md$/i.test(file);
  // A file is written in one language: its to-dos (Markdown) or kinds (YAML) use that language's words.
  const inFile = fileLang(text, lang);
  const title = pick(clause.title, inFile);
  const kindLabel = (k: string) => kindLabelOf(result.standard, k, inFile);
  return md
    ? addMarkdownClauseSection(text, clauseId, title, kinds, kindLabel, inFile)
    : addYamlClauseEntry(text, clauseId, title, kinds, kindLabel, inFile);
}

export async function planQuickFixes(input: FixInput): Promise<FixPlan[]> {
  const { file, text, diagnostic: d, result, lang, today } = input;
  const out: FixPlan[] = [];
  const add = (title: string, edits: TextEdit[] | undefined, preferred = false, target = file) => {
    if (edits && edits.length > 0) out.push({ title, file: target, edits, preferred });
  };
  const kindLabel = (k: string) => kindLabelOf(result.standard, k, lang);
  const r = d.range;
  switch (d.code) {
    case 'missing-clause': {
      const clause = d.clause;
      if (!clause) break;
      const target = rankEntryFiles(result.files, result.entries, clause)[0];
      if (!target) break;
      const edit = clauseEntryPlan(result, clause, target, await input.readText(target), lang);
      add(t(lang, 'fix.addEntry', { clause, file: relativePath(result.root, target) }), edit && [edit], false, target);
      break;
    }
    case 'exclusion-needs-justification': {
      const edit = addJustification(text, r.start.line);
      add(t(lang, 'fix.justification'), edit && [edit], true);
      break;
    }
    case 'unknown-clause': {
      // A Markdown heading (`## 5.9 …`) takes the bare id; YAML gets it quoted.
      const heading = /^\s{0,3}#{1,6}\s/.test(splitLines(text)[r.start.line] ?? '');
      const written = textAt(text, r);
      const quoted = heading ? undefined : quoteScalar(text, r);
      add(t(lang, 'fix.quote', { id: written }), quoted && [quoted]);
      const value = written.replace(/^["']|["']$/g, '');
      for (const c of closest(value, result.standard?.leaves ?? [], (x) => [x.id])) {
        add(t(lang, 'fix.replaceClause', { id: c.id, title: pick(c.title, lang) }), [
          { range: r, newText: heading ? c.id : JSON.stringify(c.id) },
        ]);
      }
      break;
    }
    case 'unknown-kind': {
      const value = textAt(text, r).replace(/^["']|["']$/g, '');
      closest(value, result.standard?.kinds ?? [], (k) => [k.id, k.label.en, k.label['zh-CN']]).forEach((k, i) => {
        // Written the way the user typed it: a Chinese word becomes the kind's Chinese label, else its id.
        const newText = /[\u3400-\u9fff]/.test(value) ? pick(k.label, 'zh-CN') || k.id : k.id;
        add(t(lang, 'fix.replaceKind', { label: pick(k.label, lang) || k.id }), [{ range: r, newText }], i === 0);
      });
      break;
    }
    case 'missing-evidence': {
      const entry = result.entries.find(
        (e) => e.file === file && (contains(e.idRange, r) || contains(r, e.idRange) || e.idRange.start.line === r.start.line),
      );
      if (!entry) break;
      const fromData = Array.isArray(d.data?.missingKinds)
        ? (d.data!.missingKinds as unknown[]).filter((k): k is string => typeof k === 'string')
        : undefined;
      const missing = fromData ?? result.score?.clauses.find((c) => c.id === entry.clause)?.missingKinds ?? [];
      const kinds = stubKindsOf(result, missing);
      const inFile = fileLang(text, lang);
      const fileLabel = (k: string) => kindLabelOf(result.standard, k, inFile);
      for (const kind of kinds) {
        add(
          t(lang, 'fix.addEvidence', { label: kindLabel(kind.id) }),
          addEvidenceStubs(text, entry, [kind], today, fileLabel, inFile),
          kinds.length === 1,
        );
      }
      if (kinds.length > 1) {
        add(
          t(lang, 'fix.addAllEvidence', {
            kinds: joinList(
              kinds.map((k) => kindLabel(k.id)),
              lang,
            ),
          }),
          addEvidenceStubs(text, entry, kinds, today, fileLabel, inFile),
          true,
        );
      }
      break;
    }
  }
  return out;
}
