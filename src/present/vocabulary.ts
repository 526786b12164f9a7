// The names of things, in the reader's language: leaf states, severities, evidence kinds, rating bands,
// clause titles, packs. Every view asks here; none writes an id where a reader expects a word (a kind,
// band or state id is shown only when the standard has no label for it).
import { kindById } from '../core/context';
import { pick } from '../core/messages';
import { relativePath, toSlash } from '../core/paths';
import type { Clause, LeafState, Lang, PackResult, Score, Severity, Standard } from '../core/types';
import { t } from './catalogue';
import { formatPoints, formatScore } from './numbers';

export function stateLabel(state: LeafState, lang: Lang): string {
  return t(lang, `state.${state}`);
}

export function severityLabel(severity: Severity, lang: Lang): string {
  return t(lang, `severity.${severity}`);
}

/** The severity as a word inside a sentence (`error`, `information`). */
export function severityWord(severity: Severity, lang: Lang): string {
  return t(lang, `severityWord.${severity}`);
}

export { joinList } from '../core/messages';

export function colon(lang: Lang): string {
  return t(lang, 'punct.colon');
}

/** ` (text)` / `（text）`. */
export function paren(text: string, lang: Lang): string {
  return t(lang, 'punct.paren', { text });
}

/** A kind's label in `lang` (the id itself only for a kind the standard does not define). */
export function kindLabel(standard: Standard | undefined, id: string, lang: Lang): string {
  const kind = standard && kindById(standard, id);
  return kind ? pick(kind.label, lang) || id : id;
}

export function kindLabels(standard: Standard | undefined, ids: string[], lang: Lang): string[] {
  return ids.map((id) => kindLabel(standard, id, lang));
}

/** A band id (`four-star`, or the fail band) as its label in `lang`; `fallback` (else the id) when unknown. */
export function bandLabelOf(standard: Standard | undefined, id: string, lang: Lang, fallback?: string): string {
  const rating = standard?.rating;
  if (rating) {
    if (rating.fail.id === id) return pick(rating.fail.label, lang);
    const band = rating.bands.find((b) => b.id === id);
    if (band) return pick(band.label, lang);
  }
  return fallback ?? id;
}

/** The band a pack reached, in `lang` (the engine's label is in the language it was checked in). */
export function bandLabel(result: PackResult, lang: Lang): string {
  const score = result.score;
  return score ? bandLabelOf(result.standard, score.rating.id, lang, score.rating.label) : '';
}

export function isFail(result: PackResult, score: Score): boolean {
  return score.rating.id === result.standard?.rating.fail.id;
}

/** Provisional while any leaf's points are: a sheet not marked official, or one that leaves leaves unset, keeps it. */
export function isProvisional(score: Score): boolean {
  return score.standard.weights === 'provisional';
}

/** A score as the standard rounds it (one decimal when there is no standard). */
export function scoreText(score: number, standard: Standard | undefined): string {
  return formatScore(score, standard?.rating.rounding ?? 1);
}

/** How the score was reached, in two sentences: the base from earned over applicable points, then the final
 *  score from the base, the special deductions and the bonus. The HTML report and the 自评报告 both show them. */
export function scoreFormula(score: Score, standard: Standard, lang: Lang): [base: string, final: string] {
  const r = standard.rating;
  const base = formatPoints(score.base);
  return [
    t(lang, 'report.formulaBase', { earned: formatPoints(score.earned), applicable: formatPoints(score.applicable), scale: r.scale, base }),
    t(lang, 'report.formulaFinal', {
      base,
      deductions: score.specialDeductions,
      dpoints: r.specialDeduction.points,
      bonus: score.specialBonus,
      bpoints: r.specialBonus.points,
      score: scoreText(score.score, standard),
    }),
  ];
}

/** The most stars any band of the standard has (at least 5): the length of a star row. */
export function maxStars(standard: Standard | undefined): number {
  return Math.max(5, ...(standard?.rating.bands.map((b) => b.stars) ?? []));
}

export function clauseTitle(standard: Standard | undefined, id: string, lang: Lang): string {
  return pick(standard?.byId.get(id)?.title, lang);
}

/** The top-level clause (section) a clause belongs to. */
export function sectionOf(standard: Standard, id: string): Clause | undefined {
  let clause = standard.byId.get(id);
  while (clause?.parentId) clause = standard.byId.get(clause.parentId);
  return clause;
}

/** How a pack is named to people: its path from `baseDir`, or its folder name when it is `baseDir` itself. */
export function packLabel(baseDir: string, root: string): string {
  const rel = relativePath(baseDir, root);
  return rel === '.' ? toSlash(root).replace(/\/+$/, '').split('/').pop() || rel : rel;
}
