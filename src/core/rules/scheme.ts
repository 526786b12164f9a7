// The certification scheme around the score (not the standard's own rules): the initial-certification
// cap, a rating reached only by rounding, unscored prerequisites and dossier items, and a system
// that has not run three months. They need the finished score, so they run after it.
import { isValidDate, subtractMonths } from '../manifest';
import { msg, pick } from '../messages';
import { kindById, type PackContext } from '../context';
import { Q } from '../rational';
import { initialCapApplies } from '../score';
import type { FileResult, Score } from '../types';
import type { Report } from './rule';

export const SCHEME_CODES = ['initial-cap', 'rating-by-rounding', 'missing-prerequisite', 'missing-dossier-item', 'short-operation'] as const;

/** Months a system must have run before an assessment (体系运行满三个月). */
export const MIN_OPERATION_MONTHS = 3;

/** Ids of prerequisites and dossier items that some entry names with at least one counting evidence item. */
export function providedSchemeItems(ctx: PackContext, results: readonly FileResult[]): Set<string> {
  const ids = new Set([...ctx.standard.prerequisites, ...ctx.standard.dossier].map((i) => i.id));
  const provided = new Set<string>();
  if (ids.size === 0) return provided;
  for (const r of results) for (const e of r.entries) if (ids.has(e.clause) && e.evidence.some((i) => i.counts)) provided.add(e.clause);
  return provided;
}

export function checkScheme(score: Score, results: readonly FileResult[], ctx: PackContext, report: Report): void {
  const { manifest: m, standard, lang } = ctx;
  const at = m.assessmentRange ?? m.standardRange;
  if (score.uncappedRating) {
    const band = score.rating.label, uncapped = score.uncappedRating.label;
    report('initial-cap', m.file, at, msg(lang, m.outstanding && initialCapApplies(m) ? 'initial-cap-no-justification' : 'initial-cap', { band, uncapped }), { data: { uncapped: score.uncappedRating.id } });
  }
  // Reached only by rounding: the exact score is below the band's minimum the rounded one reaches.
  const band = standard.rating.bands.find((b) => b.id === (score.uncappedRating ?? score.rating).id);
  if (band) {
    const [n, d] = score.exactScore.split('/');
    const exact = d ? Q.parse(n).div(Q.parse(d)) : Q.parse(n);
    if (exact.lt(Q.of(band.min))) {
      report('rating-by-rounding', m.file, m.standardRange, msg(lang, 'rating-by-rounding', {
        band: pick(band.label, lang), exact: exact.toFixed(4).replace(/0+$/, ''), min: band.min, score: score.score.toFixed(standard.rating.rounding),
      }));
    }
  }
  // One info per group, not one per item: an empty pack would otherwise open with 19 of them.
  const items = new Map([...standard.prerequisites, ...standard.dossier].map((i) => [i.id, i]));
  for (const [code, progress] of [['missing-prerequisite', score.prerequisites], ['missing-dossier-item', score.dossier]] as const) {
    if (progress.missing.length === 0) continue;
    const named = progress.missing.map((id) => msg(lang, 'scheme-item', { id, title: pick(items.get(id)?.title, lang) })).join(msg(lang, 'list-separator'));
    report(code, m.file, m.standardRange, msg(lang, code, { provided: progress.provided, total: progress.total, items: named }), { data: { missing: progress.missing } });
  }
  // 体系运行不足三个月: the earliest dated record is the best evidence of when the system started.
  // A standard that lists prerequisites models the certification scheme; others are left alone.
  if (standard.prerequisites.length === 0) return;
  let earliest: string | undefined;
  for (const r of results) {
    for (const e of r.entries) {
      for (const item of e.evidence) {
        if (item.date && kindById(standard, item.kindId)?.dated && isValidDate(item.date) && item.date <= m.assessmentDate && (!earliest || item.date < earliest)) earliest = item.date;
      }
    }
  }
  if (earliest && earliest > subtractMonths(m.assessmentDate, MIN_OPERATION_MONTHS)) {
    report('short-operation', m.file, at, msg(lang, 'short-operation', { date: earliest, assessment: m.assessmentDate }), { data: { earliest } });
  }
}
