// Quick-fix edits computed on plain text (no vscode): each function returns the text edits a
// code action applies through a WorkspaceEdit, so every change stays undoable and user-asked.
import type { ClauseEntry, Range } from '../../core/types';
import { t } from '../strings';
import { joinList } from '../../present/vocabulary';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface StubKind {
  id: string;
  dated: boolean;
}

const pos = (line: number, character: number) => ({ line, character });
const at = (line: number, character: number): Range => ({ start: pos(line, character), end: pos(line, character) });

/** A text's lines as VS Code counts them (a lone \r ends a line too), so line numbers match ranges. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The line break a file already uses, for the lines an edit adds. */
export function eolOf(text: string): string {
  const m = /\r\n|\r|\n/.exec(text);
  return m ? m[0] : '\n';
}

/** The language a Markdown file is written in: Chinese when it holds Chinese text. */
export function fileLang(text: string, fallback: 'zh-CN' | 'en'): 'zh-CN' | 'en' {
  return /[\u3400-\u9fff]/.test(text) ? 'zh-CN' : /[A-Za-z]{3}/.test(text.replace(/^#.*$/gm, '')) ? 'en' : fallback;
}

/**
 * A Markdown to-do for a missing kind, in the file's language: `- [ ] 记录：（名称、链接、日期）`. A to-do
 * is an open action, not evidence (and holds no link that could break): the user fills it in.
 */
function markdownTodo(label: string, lang: 'zh-CN' | 'en'): string {
  return t(lang, 'stub.todo', { label });
}

function indentOf(line: string): number {
  return /^\s*/.exec(line)![0].length;
}

const isBlank = (line: string) => /^\s*$/.test(line);
const isComment = (line: string) => /^\s*#/.test(line);

/** A YAML scalar for a clause id: always double-quoted, so `5.10` stays the id 5.10. */
export function quoteId(id: string): string {
  return JSON.stringify(id);
}

/**
 * The placeholder attachment of a stub. It names no existing file, so the engine reports it as
 * `broken-link` and the stub does not count as evidence until the user fills it in: inserting a
 * stub never raises the score.
 */
export const PLACEHOLDER_FILE = 'attachments/…';

function evidenceStub(indent: string, kind: StubKind, today: string, eol: string, word: string): string {
  const lines = [`${indent}- kind: ${yamlWord(word)}`, `${indent}  title: ""`, `${indent}  file: "${PLACEHOLDER_FILE}"`];
  if (kind.dated) lines.push(`${indent}  date: ${today}`);
  return lines.join(eol);
}

/** A label as a YAML scalar: plain when it is only letters, digits, spaces, `_` and `-`, else quoted. */
function yamlWord(word: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u.test(word) && !/ $/.test(word) ? word : JSON.stringify(word);
}

/**
 * Whether a YAML evidence file writes kinds as their Chinese labels (`kind: 记录`) rather than ids
 * (`kind: record`): as most of its `kind:` values already do, else as labels when the file is Chinese
 * (a new zh-CN pack from `init` has no kinds yet). An English file keeps ids, which are English words.
 */
export function writesKindLabels(text: string, fallback: 'zh-CN' | 'en'): boolean {
  const values = [...text.matchAll(/(?:^|[\s{,])kind\s*:\s*["']?([^"',}\s#]+)/gm)].map((m) => m[1]);
  if (values.length > 0) return values.filter((v) => /[\u3400-\u9fff]/.test(v)).length * 2 > values.length;
  return fileLang(text, fallback) === 'zh-CN';
}

/** How a YAML file writes a kind: its Chinese label (`kindLabel` gives labels in the file's language) or its id. */
function kindWriter(text: string, kindLabel: (id: string) => string, lang: 'zh-CN' | 'en'): (id: string) => string {
  return writesKindLabels(text, lang) ? kindLabel : (id) => id;
}

/** Where a Markdown file's front matter ends (index of the closing `---`), or -1. */
export function frontMatterEnd(lines: string[]): number {
  if (lines[0]?.replace(/^\uFEFF/, '').trim() !== '---') return -1;
  for (let i = 1; i < lines.length; i++) if (/^(---|\.\.\.)\s*$/.test(lines[i])) return i;
  return -1;
}

/**
 * Adds a `- clause:` entry to a YAML evidence file: at the end of its `clauses:` list, or a new
 * `clauses:` list at the end of the file. Like `evidence-pack init`, the entry has an empty
 * evidence list and names the required kinds in a comment: an entry is not evidence, so adding
 * one never raises the score (the missing-evidence quick fix then adds stubs per kind).
 */
export function addYamlClauseEntry(
  text: string,
  clauseId: string,
  title: string,
  kinds: StubKind[],
  kindLabel: (id: string) => string = (id) => id,
  lang: 'zh-CN' | 'en' = fileLang(text, 'en'),
): TextEdit {
  const word = kindWriter(text, kindLabel, lang);
  const listLang = writesKindLabels(text, lang) ? 'zh-CN' : 'en';
  const eol = eolOf(text);
  const lines = splitLines(text);
  const keyLine = lines.findIndex((l) => /^clauses\s*:\s*(#.*)?$/.test(l));
  const entry = (indent: string) => {
    const out = [`${indent}- clause: ${quoteId(clauseId)}${title ? `  # ${title.replace(/[\r\n]+/g, ' ')}` : ''}`];
    if (kinds.length > 0)
      out.push(
        `${indent}  # ${t(listLang, 'stub.requires', {
          kinds: joinList(
            kinds.map((k) => word(k.id)),
            listLang,
          ),
        })}`,
      );
    out.push(`${indent}  evidence: []`);
    return out.join(eol);
  };
  if (keyLine < 0) {
    const last = lines.length - 1;
    const needsEol = lines[last] !== '';
    const emptyList = lines.findIndex((l) => /^clauses\s*:\s*\[\s*\]\s*(#.*)?$/.test(l));
    if (emptyList >= 0) {
      return { range: { start: pos(emptyList, 0), end: pos(emptyList, lines[emptyList].length) }, newText: `clauses:${eol}${entry('  ')}` };
    }
    return { range: at(last, lines[last].length), newText: `${needsEol ? eol : ''}clauses:${eol}${entry('  ')}${eol}` };
  }
  let lastContent = keyLine;
  let itemIndent: string | undefined;
  for (let i = keyLine + 1; i < lines.length; i++) {
    const l = lines[i];
    if (isBlank(l)) continue;
    if (/^(---|\.\.\.)\s*$/.test(l)) break;
    if (!/^[\s\-#]/.test(l)) break; // the next top-level key
    if (/^-[^\s]/.test(l)) break;
    if (itemIndent === undefined) {
      const m = /^(\s*)-(\s|$)/.exec(l);
      if (m) itemIndent = m[1];
    }
    lastContent = i;
  }
  return { range: at(lastContent, lines[lastContent].length), newText: eol + entry(itemIndent ?? '  ') };
}

/**
 * Adds a `## id title` section at the end of a Markdown file, with one to-do per required kind
 * (`- [ ] 记录：…`): to-dos are open actions, not evidence, so the score does not move.
 */
export function addMarkdownClauseSection(
  text: string,
  clauseId: string,
  title: string,
  kinds: StubKind[],
  kindLabel: (id: string) => string,
  lang: 'zh-CN' | 'en' = fileLang(text, 'en'),
): TextEdit {
  const eol = eolOf(text);
  const lines = splitLines(text);
  const last = lines.length - 1;
  const items = kinds.map((k) => markdownTodo(kindLabel(k.id), lang));
  const body = [`## ${clauseId}${title ? ` ${title}` : ''}`, ...(items.length ? ['', ...items] : [])].join(eol);
  const lead = lines[last] === '' ? (last > 0 && lines[last - 1] === '' ? '' : eol) : eol + eol;
  return { range: at(last, lines[last].length), newText: `${lead}${body}${eol}` };
}

/**
 * `justification: ""` under the key on `line` (the `status: excluded` the diagnostic points at,
 * or the entry's first line), at that key's indentation. Undefined when the line is not a
 * block mapping key (e.g. a flow mapping), where a new line would break the YAML.
 */
export function addJustification(text: string, line: number): TextEdit | undefined {
  const lines = splitLines(text);
  const l = lines[line];
  if (l === undefined) return undefined;
  const m = /^(\s*)(-\s+)?([A-Za-z_"'][\w"']*)\s*:/.exec(l);
  if (!m) return undefined;
  const indent = ' '.repeat(m[1].length + (m[2]?.length ?? 0));
  return { range: at(line, l.length), newText: `${eolOf(text)}${indent}justification: ""` };
}

/** `5.10` → `"5.10"`; undefined when the text is already quoted. */
export function quoteScalar(text: string, range: Range): TextEdit | undefined {
  const lines = splitLines(text);
  if (range.start.line !== range.end.line) return undefined;
  const value = lines[range.start.line]?.slice(range.start.character, range.end.character) ?? '';
  if (!value || /^["']/.test(value)) return undefined;
  return { range, newText: quoteId(value) };
}

/** The last line of an entry that holds content (YAML node ranges may end at the next line's start). */
function lastContentLine(lines: string[], range: Range): number {
  let end = Math.min(range.end.line, lines.length - 1);
  // Only the part of the last line inside the range counts (it may be the next item's indent).
  if (end > range.start.line && end === range.end.line && isBlank(lines[end].slice(0, range.end.character))) end--;
  while (end > range.start.line && (isBlank(lines[end]) || isComment(lines[end]))) end--;
  return end;
}

/** Evidence stubs of the missing kinds added to one clause entry (YAML or a Markdown section). */
export function addEvidenceStubs(
  text: string,
  entry: Pick<ClauseEntry, 'range' | 'idRange'>,
  kinds: StubKind[],
  today: string,
  kindLabel: (id: string) => string,
  lang: 'zh-CN' | 'en' = fileLang(text, 'en'),
): TextEdit[] {
  if (kinds.length === 0) return [];
  const stub = (indent: string, k: StubKind) => evidenceStub(indent, k, today, eol, kindWriter(text, kindLabel, lang)(k.id));
  const eol = eolOf(text);
  const lines = splitLines(text);
  const first = entry.idRange.start.line;
  const idLine = lines[first] ?? '';
  const last = lastContentLine(lines, { start: entry.range.start, end: entry.range.end });
  if (/^\s{0,3}#{1,6}\s/.test(idLine)) {
    const items = kinds.map((k) => markdownTodo(kindLabel(k.id), lang)).join(eol);
    const lastLine = Math.max(last, first);
    const needsBlank = lastLine === first;
    return [{ range: at(lastLine, lines[lastLine].length), newText: `${eol}${needsBlank ? eol : ''}${items}` }];
  }
  // YAML: the column of the entry's keys is the column of `clause` on the id's line.
  const keyCol = Math.max(0, idLine.search(/\bclause\s*:/));
  for (let i = entry.range.start.line; i <= last; i++) {
    const l = lines[i];
    const m = /^(\s*(?:-\s+)?)evidence\s*:\s*(\[\s*\])?\s*(#.*)?$/.exec(l);
    if (!m || m[1].length !== keyCol) continue;
    if (m[2]) {
      // `evidence: []` → a block list
      const start = l.lastIndexOf(':', l.indexOf('[')) + 1;
      const close = l.indexOf(']', start) + 1;
      const indent = ' '.repeat(keyCol + 2);
      return [
        { range: { start: pos(i, start), end: pos(i, close) }, newText: '' },
        { range: at(i, l.length), newText: eol + kinds.map((k) => stub(indent, k)).join(eol) },
      ];
    }
    let end = i;
    let itemIndent: string | undefined;
    for (let j = i + 1; j <= last; j++) {
      const lj = lines[j];
      if (isBlank(lj)) continue;
      const ind = indentOf(lj);
      if (ind > keyCol || (ind === keyCol && /^\s*-(\s|$)/.test(lj))) {
        if (itemIndent === undefined) {
          const im = /^(\s*)-(\s|$)/.exec(lj);
          if (im) itemIndent = im[1];
        }
        end = j;
      } else break;
    }
    const indent = itemIndent ?? ' '.repeat(keyCol + 2);
    return [{ range: at(end, lines[end].length), newText: eol + kinds.map((k) => stub(indent, k)).join(eol) }];
  }
  const keyIndent = ' '.repeat(keyCol);
  return [
    {
      range: at(last, lines[last].length),
      newText: `${eol}${keyIndent}evidence:${eol}${kinds.map((k) => stub(`${keyIndent}  `, k)).join(eol)}`,
    },
  ];
}

/** Levenshtein distance, for "did you mean" replacements. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** The candidates closest to `value` (case-insensitive), best first, at most `limit`. */
export function closest<T>(value: string, candidates: T[], names: (c: T) => string[], limit = 3): T[] {
  const v = value.toLowerCase();
  const scored = candidates.map((c, index) => ({
    c,
    index,
    d: Math.min(...names(c).map((n) => editDistance(v, n.toLowerCase()))),
  }));
  const max = Math.max(2, Math.ceil(v.length / 2));
  return scored
    .filter((s) => s.d <= max)
    .sort((a, b) => a.d - b.d || a.index - b.index)
    .slice(0, limit)
    .map((s) => s.c);
}
