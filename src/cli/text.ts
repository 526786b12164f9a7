// Text and JSON renderings of check/score results. JSON: docs/report.md (JSON), key for key.
import { fillTemplate, pick } from '../core/messages';
import { relativePath } from '../core/paths';
import type { Diagnostic, Lang, PackResult, Score, SheetInfo } from '../core/types';
import { packLabel } from './sarif';

/** The score object exactly as docs/report.md (JSON) shapes it (the engine's Score carries more for the views). */
export function scoreJson(s: Score): object {
  return {
    pack: s.pack,
    standard: {
      id: s.standard.id, weights: s.standard.weights,
      // The scoring sheet the points come from (who issued it, its title and version), when the pack names one.
      ...(s.standard.sheet ? { sheet: sheetJson(s.standard.sheet) } : {}),
    },
    score: s.score,
    rating: { id: s.rating.id, stars: s.rating.stars, label: s.rating.label },
    earned: s.earned, applicable: s.applicable,
    specialDeductions: s.specialDeductions, specialBonus: s.specialBonus,
    sections: s.sections.map((x) => ({ id: x.id, earned: x.earned, applicable: x.applicable })),
    clauses: s.clauses.map((c) => ({ id: c.id, state: c.state, points: c.points, earned: c.earned, missingKinds: c.missingKinds })),
    next: s.next && {
      id: s.next.id, min: s.next.min, needed: s.next.needed,
      suggestions: s.next.suggestions.map((x) => ({ clause: x.clause, gain: x.gain, missingKinds: x.missingKinds })),
    },
    diagnostics: { ...s.diagnostics },
  };
}

export function sheetJson(sheet: SheetInfo): object {
  return { body: sheet.body ?? null, source: sheet.source ?? null, version: sheet.version ?? null, weights: sheet.weights, rows: sheet.rows };
}

export function diagnosticJson(d: Diagnostic, baseDir: string): object {
  return {
    file: relativePath(baseDir, d.file), range: d.range, severity: d.severity, code: d.code, message: d.message,
    clause: d.clause ?? null,
  };
}

/** `path:line:col severity code message`, 1-based — what the problem matcher reads. */
export function diagnosticLine(d: Diagnostic, cwd: string): string {
  return `${relativePath(cwd, d.file)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message.replace(/\s*\n\s*/g, ' ')}`;
}

const T = {
  provisional: { en: 'provisional weights', 'zh-CN': '暂定权重' },
  sheetNamed: { en: 'scoring sheet: {sheet}', 'zh-CN': '评分表：{sheet}' },
  notScored: { en: 'not scored (see the errors above)', 'zh-CN': '无法评分（见上方错误）' },
  counts: { en: '{error}, {warning}, {info} info', 'zh-CN': '{error} 个错误，{warning} 个警告，{info} 条提示' },
  next: { en: 'Next: {label} at {min}, {needed} points to go', 'zh-CN': '下一级：{label}（≥ {min}），还差 {needed} 分' },
  top: { en: 'Top band reached', 'zh-CN': '已达最高等级' },
  gain: { en: '+{gain} {clause} {title}{missing}', 'zh-CN': '+{gain} {clause} {title}{missing}' },
  missing: { en: ' — missing: {kinds}', 'zh-CN': ' — 缺少：{kinds}' },
  sections: { en: 'Sections', 'zh-CN': '分项得分' },
  score: { en: 'Score', 'zh-CN': '得分' },
  packs: { en: '{n} pack(s) checked', 'zh-CN': '已检查 {n} 个证据包' },
} as const;

export function tr(lang: Lang, id: keyof typeof T, args: Record<string, string | number> = {}): string {
  return fillTemplate(T[id][lang], args);
}

function plural(n: number, word: string): string { return `${n} ${word}${n === 1 ? '' : 's'}`; }

export function starsOf(stars: number): string { return stars > 0 ? '★'.repeat(stars) + ' ' : ''; }

/** One line: `examples/demo-pack  ★★★ 85.3 三星级 (provisional weights)`. */
export function scoreLine(r: PackResult, cwd: string, lang: Lang): string {
  const where = packLabel(cwd, r.root);
  const s = r.score;
  if (!s || !r.standard) return `${where}  ${tr(lang, 'notScored')}`;
  const paren = (t: string) => (lang === 'zh-CN' ? `（${t}）` : ` (${t})`);
  // Provisional while any leaf's points are; the sheet, when there is one, is named either way.
  const marks = [
    ...(s.standard.weights === 'provisional' ? [tr(lang, 'provisional')] : []),
    ...(s.standard.sheet ? [tr(lang, 'sheetNamed', { sheet: s.standard.scoringSource ?? '' })] : []),
  ];
  const mark = marks.length ? paren(marks.join(lang === 'zh-CN' ? '；' : '; ')) : '';
  const failed = s.rating.id === r.standard.rating.fail.id;
  const n = s.diagnostics;
  // English counts say "1 error, 2 warnings"; Chinese counts have no plural.
  const counts = lang === 'zh-CN' ? tr(lang, 'counts', n)
    : tr(lang, 'counts', { error: plural(n.error, 'error'), warning: plural(n.warning, 'warning'), info: n.info });
  return `${where}  ${failed ? '✗ ' : starsOf(s.rating.stars)}${s.score.toFixed(r.standard.rating.rounding)} ${s.rating.label}${mark}  — ${counts}`;
}

export function scoreDetails(r: PackResult, lang: Lang, detailed: boolean): string[] {
  const s = r.score, std = r.standard;
  if (!s || !std) return [];
  const out: string[] = [];
  const dec = std.rating.rounding;
  if (detailed) {
    out.push(`  ${tr(lang, 'sections')}:`);
    for (const sec of s.sections) {
      const c = std.byId.get(sec.id);
      out.push(`    ${sec.id} ${pick(c?.title, lang)}  ${fmt(sec.earned)} / ${fmt(sec.applicable)}`);
    }
  }
  if (s.next) {
    out.push(`  ${tr(lang, 'next', { label: s.next.label, min: s.next.min, needed: s.next.needed.toFixed(dec) })}`);
    for (const g of s.next.suggestions.slice(0, detailed ? 10 : 3)) {
      const kinds = g.missingKinds.map((k) => pick(std.kinds.find((x) => x.id === k)?.label, lang) || k).join(lang === 'zh-CN' ? '、' : ', ');
      out.push(`    ${tr(lang, 'gain', { gain: g.gain.toFixed(2), clause: g.clause, title: pick(std.byId.get(g.clause)?.title, lang), missing: kinds ? tr(lang, 'missing', { kinds }) : '' })}`);
    }
  } else out.push(`  ${tr(lang, 'top')}`);
  return out;
}

function fmt(n: number): string { return Number.isInteger(n) ? n.toFixed(1) : String(Math.round(n * 100) / 100); }

