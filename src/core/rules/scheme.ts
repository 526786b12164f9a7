// The certification scheme around the score (not the standard's own rules): the initial-certification
// cap, a rating reached only by rounding, unscored prerequisites and dossier items, and a system
// that has not run three months. They need the finished score, so they run after it.
import { isValidDate, subtractMonths } from '../manifest';
import { joinList, msg, pick } from '../messages';
import { kindById, type PackContext } from '../context';
import { Q } from '../rational';
import { initialCapApplies } from '../score';
import type { FileResult, Score } from '../types';
import type { Report } from './rule';
import { defineCode } from '../diagnostic';

export const INITIAL_CAP = defineCode({
  code: 'initial-cap',
  severity: 'info',
  description: {
    en: 'At an initial certification the rating is capped at the lowest band unless the results are outstanding (with a justification).',
    'zh-CN': '初次认证时等级以最低等级为上限，除非成绩突出（须说明理由）。',
  },
  message: {
    en: 'Initial certification: the rating is capped at {band} (the score earns {uncapped}). Bodies award stars after a year at {band}, unless the results are outstanding: set assessment.outstanding: true with a justification',
    'zh-CN':
      '初次认证：等级以{band}为上限（按得分可达{uncapped}）。认证机构通常在{band}一年后才授予星级，成绩突出者除外：可设 assessment.outstanding: true 并说明理由',
  },
  variants: {
    noJustification: {
      en: 'Initial certification: the rating is capped at {band} (the score earns {uncapped}); outstanding: true needs assessment.justification saying why',
      'zh-CN': '初次认证：等级以{band}为上限（按得分可达{uncapped}）；outstanding: true 须在 assessment.justification 中说明理由',
    },
  },
});

export const RATING_BY_ROUNDING = defineCode({
  code: 'rating-by-rounding',
  severity: 'info',
  description: { en: 'The rating is reached only because the score is rounded.', 'zh-CN': '该等级仅因得分四舍五入而达到。' },
  message: {
    en: 'Rating {band} is reached only by rounding: {exact} is below {min} and rounds to {score}',
    'zh-CN': '{band}仅因四舍五入而达到：{exact} 低于 {min}，取整后为 {score}',
  },
});

export const MISSING_PREREQUISITE = defineCode({
  code: 'missing-prerequisite',
  severity: 'info',
  description: {
    en: 'Prerequisites for applying (资格条件) without counting evidence: one info per pack, counting and naming them; they do not change the score.',
    'zh-CN': '申请资格条件没有有效证据：每个证据包一条提示，列出数量和名称；不影响得分。',
  },
  message: {
    en: 'Prerequisites: {provided} of {total} shown; not yet: {items} — they do not change the score, but the body checks them before accepting the application',
    'zh-CN': '资格条件 {provided}/{total} 项已提供证据；尚缺：{items}——不影响得分，但认证机构受理申请前会核查',
  },
});

export const MISSING_DOSSIER_ITEM = defineCode({
  code: 'missing-dossier-item',
  severity: 'info',
  description: {
    en: 'Items of the application dossier (申请材料) without counting evidence: one info per pack, counting and naming them; they do not change the score.',
    'zh-CN': '申请材料缺少有效证据：每个证据包一条提示，列出数量和名称；不影响得分。',
  },
  message: {
    en: 'Application dossier: {provided} of {total} items ready; missing: {items} — they do not change the score',
    'zh-CN': '申请材料 {provided}/{total} 项已备；缺少：{items}——不影响得分',
  },
});

export const SHORT_OPERATION = defineCode({
  code: 'short-operation',
  severity: 'warning',
  description: {
    en: 'The earliest dated record is less than 3 months before the assessment: bodies expect the system to have run 3 months.',
    'zh-CN': '最早的带日期记录距评价日期不足三个月：认证机构要求体系运行满三个月。',
  },
  message: {
    en: 'The earliest dated record is {date}, less than 3 months before the assessment date {assessment}: bodies expect the after-sales system to have run at least 3 months',
    'zh-CN': '最早的带日期记录为 {date}，距评价日期 {assessment} 不足三个月：体系运行不足三个月，认证机构要求至少运行三个月',
  },
});

/** Months a system must have run before an assessment (体系运行满三个月). */
export const MIN_OPERATION_MONTHS = 3;

/** Ids of prerequisites and dossier items that some entry names with at least one counting evidence item. */
// Both scans below walk every evidence item of the pack, on every check: 27 ms of a 1,000-file pack's re-check
// (76,000 items), when the rest of it takes 3 ms. A file's answer is kept with its result, which the engine
// reuses while the file is unchanged, so a keystroke scans the one file it changed (BENCHMARKS.md, "Keystroke").
// The keys hold what else the answer depends on: the standard, the assessment date.
const providedByFile = new WeakMap<FileResult, { standard: object; ids: Set<string> }>();
const earliestByFile = new WeakMap<FileResult, { standard: object; assessmentDate: string; earliest: string | undefined }>();

export function providedSchemeItems(ctx: PackContext, results: readonly FileResult[]): Set<string> {
  const { standard } = ctx;
  const provided = new Set<string>();
  if (standard.prerequisites.length === 0 && standard.dossier.length === 0) return provided;
  let schemeIds: Set<string> | undefined;
  for (const r of results) {
    let memo = providedByFile.get(r);
    if (memo?.standard !== standard) {
      schemeIds ??= new Set([...standard.prerequisites, ...standard.dossier].map((i) => i.id));
      const ids = new Set<string>();
      for (const e of r.entries) if (schemeIds.has(e.clause) && e.evidence.some((i) => i.counts)) ids.add(e.clause);
      providedByFile.set(r, (memo = { standard, ids }));
    }
    for (const id of memo.ids) provided.add(id);
  }
  return provided;
}

/** The earliest valid date of a dated kind's evidence in `r`, on or before the assessment date. */
function earliestDated(r: FileResult, ctx: PackContext): string | undefined {
  const { standard, manifest: m } = ctx;
  const memo = earliestByFile.get(r);
  if (memo?.standard === standard && memo.assessmentDate === m.assessmentDate) return memo.earliest;
  let earliest: string | undefined;
  for (const e of r.entries)
    for (const item of e.evidence)
      if (
        item.date &&
        item.date <= m.assessmentDate &&
        (!earliest || item.date < earliest) &&
        kindById(standard, item.kindId)?.dated &&
        isValidDate(item.date)
      )
        earliest = item.date;
  earliestByFile.set(r, { standard, assessmentDate: m.assessmentDate, earliest });
  return earliest;
}

export function checkScheme(score: Score, results: readonly FileResult[], ctx: PackContext, report: Report): void {
  const { manifest: m, standard, lang } = ctx;
  const at = m.assessmentRange ?? m.standardRange;
  if (score.uncappedRating) {
    const band = score.rating.label,
      uncapped = score.uncappedRating.label;
    report(
      INITIAL_CAP,
      m.file,
      at,
      { band, uncapped },
      { data: { uncapped: score.uncappedRating.id }, ...(m.outstanding && initialCapApplies(m) ? { variant: 'noJustification' } : {}) },
    );
  }
  // Reached only by rounding: the exact score is below the band's minimum the rounded one reaches.
  const band = standard.rating.bands.find((b) => b.id === (score.uncappedRating ?? score.rating).id);
  if (band) {
    const [n, d] = score.exactScore.split('/');
    const exact = d ? Q.parse(n).div(Q.parse(d)) : Q.parse(n);
    if (exact.lt(Q.of(band.min))) {
      report(RATING_BY_ROUNDING, m.file, m.standardRange, {
        band: pick(band.label, lang),
        exact: exact.toFixed(4).replace(/0+$/, ''),
        min: band.min,
        score: score.score.toFixed(standard.rating.rounding),
      });
    }
  }
  // One info per group, not one per item: an empty pack would otherwise open with 19 of them.
  const items = new Map([...standard.prerequisites, ...standard.dossier].map((i) => [i.id, i]));
  for (const [def, progress] of [
    [MISSING_PREREQUISITE, score.prerequisites],
    [MISSING_DOSSIER_ITEM, score.dossier],
  ] as const) {
    if (progress.missing.length === 0) continue;
    const named = joinList(
      progress.missing.map((id) => msg(lang, 'scheme-item', { id, title: pick(items.get(id)?.title, lang) })),
      lang,
    );
    report(
      def,
      m.file,
      m.standardRange,
      { provided: progress.provided, total: progress.total, items: named },
      { data: { missing: progress.missing } },
    );
  }
  // 体系运行不足三个月: the earliest dated record is the best evidence of when the system started.
  // A standard that lists prerequisites models the certification scheme; others are left alone.
  if (standard.prerequisites.length === 0) return;
  let earliest: string | undefined;
  for (const r of results) {
    const e = earliestDated(r, ctx);
    if (e && (!earliest || e < earliest)) earliest = e;
  }
  if (earliest && earliest > subtractMonths(m.assessmentDate, MIN_OPERATION_MONTHS)) {
    report(SHORT_OPERATION, m.file, at, { date: earliest, assessment: m.assessmentDate }, { data: { earliest } });
  }
}
