// Evidence Markdown → front matter + clause sections + evidence items + links, with ranges.
// markdown-it gives block line maps; exact columns are found in the source line itself.
import MarkdownIt from 'markdown-it';
import { LineIndex } from '../text';
import type { ClauseEntry, EvidenceItem, Range } from '../types';
import { parseYaml, type YamlSource } from './yamlSource';
import { dateAtEnd } from '../dates';

const md = new MarkdownIt({ html: false, linkify: false });
// markdown-it drops `file:` links (it guards rendered HTML); we only read links to check them, and a
// `file:` link is exactly what must be reported as outside-workspace, so let those through.
const defaultValidateLink = md.validateLink.bind(md);
md.validateLink = (url: string) => /^file:/i.test(url.trim()) || defaultValidateLink(url);
/** A web link (https:, mailto: …), not a file: `file:` URLs and Windows paths like `C:\x` are files. */
const isWebUrl = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target) && !/^file:/i.test(target) && !/^[a-z]:[\\/]/i.test(target);
type Token = ReturnType<typeof md.parse>[number];

export interface MarkdownEvidence {
  frontMatter?: YamlSource;
  entries: ClauseEntry[];
  openActions: { clause: string; text: string; range: Range }[];
  /** Every relative link in the body (targets decoded, as written otherwise). */
  links: { target: string; range: Range }[];
}

/** A heading text begins with something shaped like a clause id: 5.3.2, 5.10, A.1 … */
const HEADING_ID = /^((?:\d+|[A-Z])(?:\.\d+)+)(?=\s|$|[^\d.])/;
/** `KIND: rest` with an ASCII or full-width colon. */
const ITEM = /^([^:：[\]()]{1,40}?)\s*[:：]\s*(.*)$/;
// `(?=(\s*))\N` matches spaces atomically: with plain `\s*…\s*` an unclosed `[a](` followed by
// n spaces backtracks O(n²) (a 5 MB line would hang the editor). Groups: 1 title, 3 target.
const LINK = /^\[([^\]]*)\]\((?=(\s*))\2<?([^)>\s]*)>?(?=(\s*))\4(?:"[^"]*"(?=(\s*))\5)?\)/;

export interface MarkdownOptions {
  /** Whether a heading id opens a section (ids of the standard, and look-alikes to report). */
  isSectionId(id: string): boolean;
  /** Resolves a KIND word (id or zh-CN/en label) to a kind id. */
  kindOf(word: string): string | undefined;
}

export function parseEvidenceMarkdown(text: string, lines: LineIndex, opts: MarkdownOptions): MarkdownEvidence {
  const result: MarkdownEvidence = { entries: [], openActions: [], links: [] };
  let body = text;
  // Front matter: `---` on the first line up to a closing `---` or `...` line.
  if (/^---[ \t]*\r?$/.test(lines.lineText(0))) {
    for (let l = 1; l < lines.lineCount; l++) {
      if (/^(---|\.\.\.)[ \t]*\r?$/.test(lines.lineText(l))) {
        const end = lines.lineStart(l);
        // Blank the opening fence so offsets in the YAML equal offsets in the file.
        const yamlText = ' '.repeat(lines.lineText(0).length) + text.slice(lines.lineText(0).length, end);
        result.frontMatter = parseYaml(yamlText);
        const close = l + 1 < lines.lineCount ? lines.lineStart(l + 1) : text.length;
        body = text.slice(0, close).replace(/[^\r\n]/g, ' ') + text.slice(close);
        break;
      }
    }
  }

  const tokens = md.parse(body, {});
  let section: { entry: ClauseEntry; level: number } | undefined;
  const closeSection = (endLine: number) => {
    if (!section) return;
    const r = section.entry.range;
    const last = Math.max(r.start.line, endLine);
    section.entry.range = { start: r.start, end: { line: last, character: lines.lineText(last).length } };
    section = undefined;
  };
  let listDepth = 0;
  const linkCursor = new Map<number, number>();
  let definitions: Map<string, Range> | undefined;
  const refTargets = () => (definitions ??= referenceDefinitions(lines));

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'heading_open') {
      const level = Number(t.tag.slice(1));
      const inline = tokens[i + 1];
      const line = t.map?.[0] ?? 0;
      if (section && level <= section.level) closeSection(line - 1);
      const content = inline?.content.trim() ?? '';
      const m = HEADING_ID.exec(content);
      if (m && opts.isSectionId(m[1])) {
        const lineText = lines.lineText(line);
        const col = Math.max(0, lineText.indexOf(m[1]));
        const start = lines.lineStart(line);
        const entry: ClauseEntry = {
          clause: m[1],
          file: '',
          idRange: lines.range(start + col, start + col + m[1].length),
          range: lines.range(start, start + lineText.length),
          evidence: [],
          heading: true,
        };
        result.entries.push(entry);
        section = { entry, level };
      }
      continue;
    }
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
      listDepth++;
      continue;
    }
    if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') {
      listDepth--;
      continue;
    }
    if (t.type !== 'inline') continue;
    collectLinks(t, lines, result, linkCursor, refTargets);
    if (!section || listDepth === 0 || tokens[i - 1]?.type !== 'paragraph_open' || tokens[i - 2]?.type !== 'list_item_open') continue;
    const line = t.map?.[0] ?? 0;
    const first = t.content.split('\n')[0];
    const col = Math.max(0, asParsed(lines.lineText(line)).indexOf(first));
    const lineStart = lines.lineStart(line);
    const itemRange = lines.range(lineStart + col, lineStart + col + first.length);
    const task = /^\[( |x|X)\]\s+(.*)$/.exec(first);
    if (task) {
      if (task[1] === ' ') result.openActions.push({ clause: section.entry.clause, text: task[2].trim(), range: itemRange });
      continue;
    }
    const item = ITEM.exec(first);
    if (!item) continue;
    const word = item[1].trim();
    const rest = item[2];
    const kindId = opts.kindOf(word);
    const link = LINK.exec(rest);
    // Prose such as `说明：…` is not evidence; an unknown KIND only counts as an attempt when it links.
    if (!kindId && !link) continue;
    const restCol = col + first.length - rest.length;
    const evidence: EvidenceItem = {
      kind: word,
      range: itemRange,
      counts: false,
      kindRange: lines.range(lineStart + col, lineStart + col + item[1].length),
    };
    let tail = rest;
    if (link) {
      evidence.title = link[1];
      const target = link[3];
      if (isWebUrl(target)) evidence.url = target;
      else if (target && !target.startsWith('#')) {
        evidence.file = safeDecode(target);
        const tcol = restCol + rest.indexOf(target, link[0].indexOf('('));
        evidence.fileRange = lines.range(lineStart + tcol, lineStart + tcol + target.length);
      }
      tail = rest.slice(link[0].length);
    }
    const date = dateAtEnd(tail);
    if (date) {
      evidence.dateText = tail.slice(date.index, date.index + date.length);
      if (date.reading.ok) evidence.date = date.reading.date;
      const dcol = lineStart + col + first.length - (tail.length - date.index);
      evidence.dateRange = lines.range(dcol, dcol + date.length);
      if (!link) evidence.title = tail.slice(0, date.index).trim() || undefined;
    } else if (!link) {
      evidence.title = tail.trim() || undefined;
    }
    section.entry.evidence.push(evidence);
  }
  closeSection(lines.lineCount - 1);
  return result;
}

/** A source line as markdown-it reads it (NUL becomes U+FFFD, one code unit for one): where its text is found. */
function asParsed(lineText: string): string {
  return lineText.includes('\0') ? lineText.replace(/\0/g, '\uFFFD') : lineText;
}

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/** Relative link targets of one inline token, located in the source lines it spans. */
function collectLinks(
  t: Token,
  lines: LineIndex,
  result: MarkdownEvidence,
  cursor: Map<number, number>,
  definitions: () => Map<string, Range>,
): void {
  if (!t.children || !t.map) return;
  // Links come in source order: each search starts on the line of the previous one. A reference
  // link's target sits on its definition line (looked up in a table built once), and a target not
  // found in its paragraph (escapes, entities) is searched there at most MAX_MISSES times per
  // paragraph. Without these bounds, n links cost O(n²): 100,000 links on 100,000 lines, or 40,000
  // reference links in one paragraph (57 s), hung the engine.
  let fromLine = t.map[0];
  const notHere = new Set<string>();
  let misses = 0;
  for (const child of t.children) {
    const attr = child.type === 'link_open' ? child.attrGet('href') : child.type === 'image' ? child.attrGet('src') : null;
    const href = attr === null ? null : String(attr);
    if (!href || href.startsWith('#')) continue;
    const raw = safeDecode(href);
    if (isWebUrl(raw)) continue; // web links are not files
    let range = definitions().get(raw) ?? definitions().get(href);
    if (!range && misses < MAX_MISSES && !notHere.has(raw)) {
      range = findInLines(lines, fromLine, t.map[1], [raw, href], cursor);
      if (range) fromLine = range.start.line;
      else {
        notHere.add(raw);
        misses++;
      }
    }
    result.links.push({ target: raw, range: range ?? lines.lineRange(t.map[0]) });
  }
}

const MAX_MISSES = 32;
/** `[label]: target` at the start of a line (up to 3 spaces), target bare or in <…>. */
const DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*(?:<([^>]*)>|([^\s<]\S*))/;

/** Where each reference definition's target is written: target text (as written and decoded) → range. */
function referenceDefinitions(lines: LineIndex): Map<string, Range> {
  const out = new Map<string, Range>();
  if (!/^ {0,3}\[/m.test(lines.text)) return out;
  for (let l = 0; l < lines.lineCount; l++) {
    const text = lines.lineText(l);
    const m = DEFINITION.exec(text);
    if (!m) continue;
    const target = m[1] ?? m[2];
    const at = m.index + m[0].length - target.length - (m[1] !== undefined ? 1 : 0);
    const start = lines.lineStart(l) + at;
    const range = lines.range(start, start + target.length);
    for (const key of [target, safeDecode(target)]) if (!out.has(key)) out.set(key, range);
  }
  return out;
}

function findInLines(lines: LineIndex, from: number, to: number, needles: string[], cursor: Map<number, number>): Range | undefined {
  for (let l = from; l < Math.max(to, from + 1); l++) {
    const text = asParsed(lines.lineText(l));
    for (const needle of needles) {
      const at = text.indexOf(needle, cursor.get(l) ?? 0);
      if (at >= 0) {
        cursor.set(l, at + needle.length);
        const s = lines.lineStart(l);
        return lines.range(s + at, s + at + needle.length);
      }
    }
  }
  return undefined;
}
