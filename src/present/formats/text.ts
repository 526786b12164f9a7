// `--format text`: what a person reads in a terminal. Check lists each diagnostic as
// `path:line:col severity code message` (what the problem matcher reads), then one line per pack with
// the next band's gaps; score shows the sections as well.
import { pick } from '../../core/messages';
import { relativePath } from '../../core/paths';
import type { Diagnostic, Lang, PackResult } from '../../core/types';
import { t } from '../catalogue';
import { formatGain, formatPoints, formatScore, starsText } from '../numbers';
import { bandLabelOf, clauseTitle, isFail, isProvisional, joinList, kindLabels, packLabel, paren } from '../vocabulary';
import type { Formatter } from './registry';

/** `path:line:col severity code message`, 1-based — what the problem matcher reads. */
export function diagnosticLine(d: Diagnostic, cwd: string): string {
  return `${relativePath(cwd, d.file)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message.replace(/\s*\n\s*/g, ' ')}`;
}

/** `1 error`, `2 errors`, `2 个错误`: the count's form comes from the catalogue (Chinese has no plural). */
function count(lang: Lang, severity: 'error' | 'warning' | 'info', n: number): string {
  return t(lang, n === 1 ? `text.${severity}.one` : `text.${severity}.other`, { n });
}

function starsPrefix(stars: number): string {
  return stars > 0 ? starsText(stars, stars) + ' ' : '';
}

/** One line: `examples/demo-pack  ★★★ 85.3 三星级（暂定权重）  — 1 个错误，…`. */
export function scoreLine(r: PackResult, cwd: string, lang: Lang): string {
  const where = packLabel(cwd, r.root);
  const s = r.score;
  if (!s || !r.standard) return `${where}  ${t(lang, 'text.notScored')}`;
  // Provisional while any leaf's points are; the sheet, when there is one, is named either way.
  const marks = [
    ...(isProvisional(s) ? [t(lang, 'text.provisional')] : []),
    ...(s.standard.sheet ? [t(lang, 'text.sheetNamed', { sheet: s.standard.scoringSource ?? '' })] : []),
  ];
  const mark = marks.length ? paren(marks.join(t(lang, 'punct.clauses')), lang) : '';
  const n = s.diagnostics;
  const counts = t(lang, 'text.counts', {
    error: count(lang, 'error', n.error),
    warning: count(lang, 'warning', n.warning),
    info: count(lang, 'info', n.info),
  });
  return `${where}  ${isFail(r, s) ? '✗ ' : starsPrefix(s.rating.stars)}${formatScore(s.score, r.standard.rating.rounding)} ${s.rating.label}${mark}  — ${counts}`;
}

export function scoreDetails(r: PackResult, lang: Lang, detailed: boolean): string[] {
  const s = r.score,
    std = r.standard;
  if (!s || !std) return [];
  const out: string[] = [];
  if (detailed) {
    out.push(`  ${t(lang, 'text.sections')}:`);
    for (const sec of s.sections) {
      out.push(`    ${sec.id} ${clauseTitle(std, sec.id, lang)}  ${formatPoints(sec.earned)} / ${formatPoints(sec.applicable)}`);
    }
  }
  if (s.next) {
    const label = bandLabelOf(std, s.next.id, lang, s.next.label);
    out.push(`  ${t(lang, 'text.next', { label, min: s.next.min, needed: formatScore(s.next.needed, std.rating.rounding) })}`);
    for (const g of s.next.suggestions.slice(0, detailed ? 10 : 3)) {
      const kinds = joinList(kindLabels(std, g.missingKinds, lang), lang);
      out.push(
        `    ${t(lang, 'text.gain', { gain: formatGain(g.gain), clause: g.clause, title: pick(std.byId.get(g.clause)?.title, lang), missing: kinds ? t(lang, 'text.missing', { kinds }) : '' })}`,
      );
    }
  } else out.push(`  ${t(lang, 'text.top')}`);
  return out;
}

export const textFormatter: Formatter = {
  id: 'text',
  description: { en: 'Lines for a terminal and the problem matcher', 'zh-CN': '终端与问题匹配器读取的文本行' },
  commands: ['check', 'score'],
  fileExtension: 'txt',
  render({ results, cwd, lang, command }) {
    const lines: string[] = [];
    if (command === 'check') for (const r of results) for (const d of r.diagnostics) lines.push(diagnosticLine(d, cwd));
    for (const r of results) {
      lines.push(scoreLine(r, cwd, lang));
      lines.push(...scoreDetails(r, lang, command === 'score'));
    }
    return lines.map((l) => l + '\n').join('');
  },
};
