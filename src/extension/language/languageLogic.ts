// The logic behind completion, hover, links, definition, symbols and code lens, on plain text
// and engine data (no vscode), so it runs in mocha. The adapters in languageFeatures.ts only
// convert these results to vscode types.
import { STATUS_ALIASES, STATUS_IDS, STATUS_LABELS } from '../../core/statuses';
import type { ClauseEntry, ClauseScore, Lang, LocalizedText, Range, Score, Standard } from '../../core/types';
import { otherLang, pick } from '../../core/messages';
import { t, type StringId } from '../strings';
import { formatPoints, starsText } from '../../present/numbers';
import { colon as colonOf, stateLabel } from '../../present/vocabulary';

export type ValueKey = 'clause' | 'kind' | 'status' | 'file' | 'target';

export interface CompletionContext {
  key: ValueKey;
  /** Character where the typed value begins (after an opening quote, if any). */
  start: number;
  /** What is typed so far. */
  prefix: string;
  /** The value is inside quotes the user typed. */
  quoted: boolean;
  /** Markdown list item `- KIND:` (insert `id: `) or heading (insert the bare id). */
  markdown?: 'listItem' | 'heading';
}

const KEY_VALUE =
  /^(\s*(?:-\s+)?(?:\w+\s*:\s*\{\s*|\{\s*)?(?:[\w]+\s*:\s*[^,{}]*,\s*)*)(clause|kind|status|file|rectification|evidence|target)\s*:\s*(["']?)([^"'#,}[]*)$/;

/** What the cursor is completing, from the text of its line up to the cursor. */
export function completionContext(linePrefix: string, inMarkdownBody: boolean): CompletionContext | undefined {
  if (inMarkdownBody) {
    const h = /^(\s{0,3}#{1,6}\s+)([\d.]*)$/.exec(linePrefix);
    if (h) return { key: 'clause', start: h[1].length, prefix: h[2], quoted: false, markdown: 'heading' };
    const li = /^(\s*[-*+]\s+)([^\s:：[\]()]*)$/.exec(linePrefix);
    if (li && !/^\s*[-*+]\s+\[/.test(linePrefix))
      return { key: 'kind', start: li[1].length, prefix: li[2], quoted: false, markdown: 'listItem' };
    return undefined;
  }
  const m = KEY_VALUE.exec(linePrefix);
  if (!m) return undefined;
  // `target:` only at the top of a manifest; `evidence:` with a scalar is the bonus's attachment.
  if (m[2] === 'target' && m[1] !== '') return undefined;
  // In evidence files `evidence:` opens the list of items; only a typed value is an attachment.
  if (m[2] === 'evidence' && !m[1].includes('{') && m[4] === '') return undefined;
  const key = (m[2] === 'rectification' || m[2] === 'evidence' ? 'file' : m[2]) as ValueKey;
  const start = linePrefix.length - m[4].length;
  return { key, start, prefix: m[4], quoted: m[3] !== '' };
}

export interface CompletionSpec {
  label: string;
  insertText: string;
  filterText?: string;
  sortText: string;
  detail?: string;
  documentation?: string;
  kind: 'reference' | 'enum' | 'value' | 'file';
}

function both(text: { 'zh-CN': string; en: string } | undefined, lang: Lang): string {
  if (!text) return '';
  const first = pick(text, lang);
  const other = pick(text, otherLang(lang));
  return first === other || !other ? first : `${first} / ${other}`;
}

export function completions(ctx: CompletionContext, standard: Standard | undefined, lang: Lang, files: string[] = []): CompletionSpec[] {
  const pad = (n: number) => String(n).padStart(5, '0');
  switch (ctx.key) {
    case 'clause': {
      if (!standard) return [];
      const clauses = ctx.markdown === 'heading' ? standard.leaves : standard.leaves;
      return clauses
        .map((c) => ({
          label: c.id,
          insertText:
            ctx.quoted || ctx.markdown ? (ctx.markdown === 'heading' ? `${c.id} ${pick(c.title, lang)}` : c.id) : JSON.stringify(c.id),
          filterText: ctx.quoted || ctx.markdown ? c.id : `"${c.id}" ${c.id}`,
          sortText: pad(c.order),
          detail: pick(c.title, lang),
          documentation: clauseDocumentation(standard, c.id, undefined, lang),
          kind: 'reference' as const,
        }))
        .concat(
          ctx.markdown
            ? []
            : [...standard.prerequisites, ...standard.dossier].map((item, i) => ({
                // Prerequisites and dossier items are named like clauses (`clause: dossier.business-licence`), after the leaves.
                label: item.id,
                insertText: item.id,
                filterText: item.id,
                sortText: `z${pad(i)}`,
                detail: pick(item.title, lang),
                documentation: escapeMarkdown(pick(item.guidance, lang)),
                kind: 'reference' as const,
              })),
        );
    }
    case 'kind': {
      if (!standard) return [];
      const out: CompletionSpec[] = [];
      standard.kinds.forEach((k, i) => {
        const insert = ctx.markdown === 'listItem' ? `${k.id}: ` : k.id;
        const detail = both(k.label, lang) + (k.dated ? ` (${t(lang, 'completion.dated')})` : '');
        out.push({ label: k.id, insertText: insert, sortText: `${pad(i)}0`, detail, kind: 'enum' });
        // Typing the label in either language finds the kind; the canonical id is inserted.
        for (const [j, label] of [k.label['zh-CN'], k.label.en].entries()) {
          if (label && label !== k.id)
            out.push({ label, insertText: insert, filterText: label, sortText: `${pad(i)}${j + 1}`, detail: `→ ${k.id}`, kind: 'enum' });
        }
      });
      return out;
    }
    case 'status': {
      // The label a consultant writes (符合 / Conforming) comes first; the other language and the id are
      // offered too, each inserted as typed: every one of them is a status.
      const other = otherLang(lang);
      return STATUS_IDS.flatMap((s, i) =>
        [...new Set([STATUS_LABELS[s][lang], ...[STATUS_ALIASES[s]?.[lang] ?? []].flat(), STATUS_LABELS[s][other], s])].map((word, j) => ({
          label: word,
          insertText: word,
          sortText: `${pad(i)}${j}`,
          kind: 'enum' as const,
          detail: t(lang, `completion.status.${s}` as StringId),
        })),
      );
    }
    case 'file':
      return files.map((f, i) => ({ label: f, insertText: f, sortText: pad(i), kind: 'file' as const }));
    case 'target':
      // A band by its label in the user's language (what they would type), or by its id.
      return (standard?.rating.bands ?? []).flatMap((b, i) =>
        [...new Set([pick(b.label, lang), b.id])].map((word, j) => ({
          label: word,
          insertText: word,
          sortText: `${pad(i)}${j}`,
          kind: 'enum' as const,
          detail: `${both(b.label, lang)} · ≥ ${formatPoints(b.min)}${b.stars > 0 ? ` · ${starsText(b.stars, b.stars)}` : ''}`,
        })),
      );
  }
}

/** Escapes Markdown so titles from a workspace standard file render as plain text in a hover. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|~]/g, (c) => `\\${c}`);
}

/** The hover text of a clause: titles and guidance in both languages, points, kinds, state. */
export function clauseDocumentation(standard: Standard, id: string, score: ClauseScore | undefined, lang: Lang): string {
  const c = standard.byId.get(id);
  if (!c) return '';
  const e = escapeMarkdown;
  const other = otherLang(lang);
  const colon = colonOf(lang);
  const lines: string[] = [`**${e(c.id)} ${e(pick(c.title, lang))}**`];
  const otherTitle = pick(c.title, other);
  if (otherTitle && otherTitle !== pick(c.title, lang)) lines.push(`${e(c.id)} ${e(otherTitle)}`);
  lines.push('');
  lines.push(`${t(lang, 'hover.points')}${colon}${formatPoints(c.points)}`);
  if (c.children.length > 0) {
    lines.push('', t(lang, 'hover.parent', { children: c.children.map((x) => x.id).join(', ') }));
  } else {
    if (c.requires.length > 0) {
      const kinds = c.requires.map((k) => {
        const kind = standard.kinds.find((x) => x.id === k);
        return kind ? `${k} (${both(kind.label, lang)})` : k;
      });
      lines.push('', `${t(lang, 'hover.requires')}${colon}${e(kinds.join(', '))}`);
    }
    const flags = [c.sampled ? t(lang, 'hover.sampled') : '', c.excludable ? t(lang, 'hover.excludable') : ''].filter(Boolean);
    if (flags.length > 0) lines.push('', flags.join(' · '));
    if (score) {
      lines.push(
        '',
        `${t(lang, 'hover.state')}${colon}${stateLabel(score.state, lang)} · ${t(lang, 'hover.earned')}${colon}${formatPoints(score.earned)} / ${formatPoints(score.points)}`,
      );
      if (score.reason) lines.push('', e(score.reason));
    }
  }
  return [...lines, ...guidanceLines(c.guidance, lang)].join('\n').trimEnd();
}

/** A hover's guidance section: the user's language first, then the other. */
function guidanceLines(guidance: LocalizedText | undefined, lang: Lang): string[] {
  if (!guidance) return [];
  const lines = ['', '---', '', `${t(lang, 'hover.guidance')}${colonOf(lang).trim()}`, ''];
  for (const l of [lang, otherLang(lang)]) if (guidance[l]) lines.push(escapeMarkdown(guidance[l]!), '');
  return lines;
}

/** The `prerequisite.…` or `dossier.…` id under the cursor (named like a clause: `clause: dossier.business-licence`). */
export function schemeItemAt(lineText: string, character: number): { id: string; start: number; end: number } | undefined {
  const re = /(?<![\w./\\-])(?:prerequisite|dossier)\.[\w-]+(?![\w./\\-])/g;
  for (let m = re.exec(lineText); m; m = re.exec(lineText)) {
    if (character >= m.index && character <= m.index + m[0].length) return { id: m[0], start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

/**
 * The hover text of a prerequisite or dossier item, like a clause's: both titles, what it is (unscored),
 * whether the pack provides it, guidance in both languages.
 */
export function schemeItemDocumentation(
  standard: Standard,
  id: string,
  score: Pick<Score, 'prerequisites' | 'dossier'> | undefined,
  lang: Lang,
): string | undefined {
  const item = [...standard.prerequisites, ...standard.dossier].find((x) => x.id === id);
  if (!item) return undefined;
  const e = escapeMarkdown;
  const other = otherLang(lang);
  const lines = [`**${e(item.id)} ${e(pick(item.title, lang))}**`];
  const otherTitle = pick(item.title, other);
  if (otherTitle && otherTitle !== pick(item.title, lang)) lines.push(`${e(item.id)} ${e(otherTitle)}`);
  lines.push('', t(lang, item.group === 'dossier' ? 'hover.dossier' : 'hover.prerequisite'));
  const progress = score && (item.group === 'dossier' ? score.dossier : score.prerequisites);
  if (progress) lines.push('', t(lang, progress.missing.includes(item.id) ? 'hover.notProvided' : 'hover.provided'));
  return [...lines, ...guidanceLines(item.guidance, lang)].join('\n').trimEnd();
}

/** The clause-id-like token under the cursor (`5.1.2.2`, `"5.10"` without its quotes). */
export function clauseIdAt(lineText: string, character: number): { id: string; start: number; end: number } | undefined {
  const re = /\d+(?:\.\d+)*/g;
  for (let m = re.exec(lineText); m; m = re.exec(lineText)) {
    const start = m.index;
    const end = start + m[0].length;
    if (character >= start && character <= end) {
      // Not part of a date, a size, a version in a path…
      const before = lineText[start - 1] ?? '';
      const after = lineText[end] ?? '';
      if (/[\w\-/]/.test(before) || /[\w\-/]/.test(after)) return undefined;
      return { id: m[0], start, end };
    }
  }
  return undefined;
}

/** The range of a clause's `id:` value in a standard file's text (built-in or workspace). */
export function findClauseDefinition(text: string, id: string): Range | undefined {
  const lines = text.split(/\r?\n/);
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?:^|[\\s{,])["']?id["']?\\s*:\\s*(["']?)(${escaped})\\1(?=\\s*(?:[,}#]|$))`);
  for (let i = 0; i < lines.length; i++) {
    const m = re.exec(lines[i]);
    if (m) {
      const start = m.index + m[0].length - m[2].length - m[1].length;
      return { start: { line: i, character: start }, end: { line: i, character: start + m[2].length } };
    }
  }
  return undefined;
}

export interface LinkSpec {
  range: Range;
  target: string;
}

/** Relative targets of `file:` / `rectification:` / `evidence:` values and Markdown links. */
export function findLinks(text: string, markdown: boolean): LinkSpec[] {
  const out: LinkSpec[] = [];
  const lines = text.split(/\r?\n/);
  const yamlKey = /(^|[\s{,]|-\s)(file|rectification|evidence)\s*:\s*(["']?)([^"'#\s,{}[\]][^"'#,{}]*?)\3\s*(?=$|[,}#])/g;
  const mdLink = /\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
  lines.forEach((line, i) => {
    for (let m = yamlKey.exec(line); m; m = yamlKey.exec(line)) {
      const value = m[4].trim();
      if (!isRelativeTarget(value)) continue;
      const start = m.index + m[0].indexOf(m[4], m[1].length + m[2].length);
      out.push({ range: { start: { line: i, character: start }, end: { line: i, character: start + value.length } }, target: value });
    }
    if (markdown) {
      for (let m = mdLink.exec(line); m; m = mdLink.exec(line)) {
        const value = m[1];
        if (!isRelativeTarget(value)) continue;
        const start = m.index + m[0].lastIndexOf(value);
        out.push({ range: { start: { line: i, character: start }, end: { line: i, character: start + value.length } }, target: value });
      }
    }
  });
  return out;
}

/** Relative file paths only: no scheme (http:, file:, mailto:…), no absolute path, no anchor. */
export function isRelativeTarget(value: string): boolean {
  return value.length > 0 && !/^[a-z][\w+.-]*:/i.test(value) && !value.startsWith('/') && !value.startsWith('#') && !value.startsWith('\\');
}

export interface SymbolSpec {
  name: string;
  detail: string;
  range: Range;
  selectionRange: Range;
}

/** Outline: one symbol per clause entry of the file, named by id and title. */
export function entrySymbols(
  entries: ClauseEntry[],
  standard: Standard | undefined,
  scores: Map<string, ClauseScore>,
  lang: Lang,
): SymbolSpec[] {
  return entries.map((e) => {
    const title = pick(standard?.byId.get(e.clause)?.title, lang);
    const s = scores.get(e.clause);
    const range = contains(e.range, e.idRange) ? e.range : e.idRange;
    return {
      name: title ? `${e.clause} ${title}` : e.clause,
      detail: s ? stateLabel(s.state, lang) : '',
      range,
      selectionRange: e.idRange,
    };
  });
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

export function contains(outer: Range, inner: Range): boolean {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** `3.5 / 5 · 2 evidence · Met` over a clause entry. */
export function lensTitle(entry: ClauseEntry, score: ClauseScore | undefined, lang: Lang): string {
  const count = entry.evidence.length;
  if (!score) return t(lang, 'lens.summary', { earned: '–', points: '–', count, state: '?' });
  if (score.state === 'excluded') return t(lang, 'lens.excluded', { count });
  return t(lang, 'lens.summary', {
    earned: formatPoints(score.earned),
    points: formatPoints(score.points),
    count,
    state: stateLabel(score.state, lang),
  });
}

/** Length of the common leading id segments (`5.2.4` and `5.2.1` share 2). */
function sharedSegments(a: string, b: string): number {
  const x = a.split('.');
  const y = b.split('.');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i;
}

/**
 * Evidence files to add a clause's entry to, best first: files already holding its nearest
 * siblings (the same section), YAML before Markdown, then in the pack's order.
 */
export function rankEntryFiles(files: string[], entries: Pick<ClauseEntry, 'clause' | 'file'>[], clauseId: string): string[] {
  const affinity = new Map<string, number>();
  for (const e of entries) affinity.set(e.file, Math.max(affinity.get(e.file) ?? 0, sharedSegments(e.clause, clauseId)));
  const isYaml = (f: string) => /\.ya?ml$/i.test(f);
  return files
    .filter((f) => /\.evidence\.(ya?ml|md)$/i.test(f))
    .map((f, i) => ({ f, i, a: affinity.get(f) ?? 0, y: isYaml(f) ? 1 : 0 }))
    .sort((p, q) => q.a - p.a || q.y - p.y || p.i - q.i)
    .map((p) => p.f);
}

/** The `kind:` value (or Markdown `- KIND:` prefix) under the cursor, if any. */
export function kindAt(lineText: string, character: number): { value: string; start: number; end: number } | undefined {
  const patterns = [/(?:^|[\s{,])kind\s*:\s*["']?([^\s"'#,}]+)/g, /^\s*[-*+]\s+([^\s:：[\]]+)\s*[:：]\s*\[/g];
  for (const re of patterns) {
    for (let m = re.exec(lineText); m; m = re.exec(lineText)) {
      const start = m.index + m[0].lastIndexOf(m[1]);
      const end = start + m[1].length;
      if (character >= start && character <= end) return { value: m[1], start, end };
    }
  }
  return undefined;
}

/** Hover text of an evidence kind: id, both labels, whether it needs a date. */
export function kindDocumentation(standard: Standard, value: string, lang: Lang): string | undefined {
  const k = standard.kinds.find((x) => x.id === value || x.label.en === value || x.label['zh-CN'] === value);
  if (!k) return undefined;
  const lines = [`**${escapeMarkdown(k.id)}** — ${escapeMarkdown(both(k.label, lang))}`];
  if (k.dated) lines.push('', t(lang, 'hover.kindDated'));
  const using = standard.leaves.filter((c) => c.requires.includes(k.id)).map((c) => c.id);
  if (using.length > 0) lines.push('', t(lang, 'hover.kindUsedBy', { clauses: using.join(', ') }));
  return lines.join('\n');
}
