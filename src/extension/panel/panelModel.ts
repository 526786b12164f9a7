// Builds what the score panel shows from a PackResult: a plain view model with every string
// already localized and every number already formatted, so the webview only renders text.
import type { Lang, PackResult, Standard } from '../../core/types';
import { deductionsByGround, GROUND_LABEL, pick } from '../../core/messages';
import type { PanelClause, PanelModel, PanelStrings } from '../../protocol/messages';
import { exactDecimal, formatDecimal, formatGain, formatPoints, formatScore, starsText } from '../../present/numbers';
import {
  bandLabel,
  bandLabelOf,
  clauseTitle,
  isFail,
  isProvisional,
  joinList,
  kindLabels,
  maxStars,
  stateLabel,
} from '../../present/vocabulary';
import { t } from '../strings';

/** A sheet row names the standard's clause it refines (its nearest ancestor that is not a row). */
function refines(standard: Standard | undefined, id: string, lang: Lang): { refines?: string } {
  let c = standard?.byId.get(id);
  if (!c?.row) return {};
  while (c?.row && c.parentId) c = standard!.byId.get(c.parentId);
  return c ? { refines: t(lang, 'panel.refines', { clause: `${c.id} ${pick(c.title, lang)}`.trim() }) } : {};
}

export function panelStrings(lang: Lang): PanelStrings {
  return {
    title: t(lang, 'panel.title'),
    score: t(lang, 'panel.score'),
    stars: t(lang, 'panel.stars'),
    band: t(lang, 'panel.band'),
    provisional: '',
    sections: t(lang, 'panel.sections'),
    clauses: t(lang, 'panel.clauses'),
    clause: t(lang, 'panel.clause'),
    titleColumn: t(lang, 'panel.titleColumn'),
    state: t(lang, 'panel.state'),
    points: t(lang, 'panel.points'),
    earned: t(lang, 'panel.earned'),
    missing: t(lang, 'panel.missing'),
    evidenceColumn: t(lang, 'panel.evidenceColumn'),
    specials: t(lang, 'panel.specials'),
    deductions: '',
    bonus: '',
    next: '',
    needed: '',
    suggestions: t(lang, 'panel.suggestions'),
    gain: '+',
    topBand: t(lang, 'panel.topBand'),
    why: t(lang, 'panel.why'),
    formula: '',
    pickPack: t(lang, 'panel.pickPack'),
    exportReport: t(lang, 'panel.exportReport'),
    noScore: t(lang, 'panel.noScore'),
    revealHint: t(lang, 'panel.revealHint'),
    addHint: t(lang, 'panel.addHint'),
  };
}

export interface PanelOptions {
  lang: Lang;
  packLabel: string;
  canPickPack: boolean;
}

export function buildPanelModel(result: PackResult, opts: PanelOptions): PanelModel {
  const { lang } = opts;
  const strings = panelStrings(lang);
  const model: PanelModel = { lang, pack: result.root, packLabel: opts.packLabel, canPickPack: opts.canPickPack, strings };
  const score = result.score;
  const standard = result.standard;
  if (!score || !standard) {
    model.problem = t(lang, 'panel.noScore');
    return model;
  }
  const rating = standard.rating;
  const rounding = rating.rounding;
  const withEntry = new Set(result.entries.map((e) => e.clause));
  const kinds = (ids: string[]) => kindLabels(standard, ids, lang);

  const clauses: PanelClause[] = score.clauses.map((c) => ({
    id: c.id,
    title: clauseTitle(standard, c.id, lang),
    state: c.state,
    stateLabel: stateLabel(c.state, lang),
    points: formatPoints(c.points),
    earned: formatPoints(c.earned),
    missingKinds: kinds(c.missingKinds),
    evidence: t(lang, 'panel.evidence', { counting: c.countingEvidence, count: c.evidenceCount }),
    reason: c.reason,
    hasEntry: withEntry.has(c.id),
    ...refines(standard, c.id, lang),
  }));

  const sections = score.sections.map((s) => ({
    id: s.id,
    title: clauseTitle(standard, s.id, lang),
    earned: formatPoints(s.earned),
    applicable: formatPoints(s.applicable),
    percent: s.applicable > 0 ? Math.max(0, Math.min(100, (s.earned / s.applicable) * 100)) : 0,
  }));

  const manifest = result.manifest;
  // Grouped by ground (law, own rules, industry, system operation): each item leads with its ground when it has one.
  const deductionItems = deductionsByGround(manifest?.specialDeductions ?? []).flatMap((g) =>
    g.items.map((d) =>
      [g.ground === 'none' ? '' : pick(GROUND_LABEL[g.ground], lang), d.id, d.clause ?? '', d.reason].filter(Boolean).join(' · '),
    ),
  );
  const bonusItems = (manifest?.specialBonuses ?? []).map((b) =>
    b.basis ? t(lang, 'panel.bonusBasis', { reason: b.reason, basis: b.basis }) : b.reason,
  );
  const deductionPoints = score.specialDeductions * rating.specialDeduction.points;
  const bonusPoints = score.specialBonus * rating.specialBonus.points;

  const fail = isFail(result, score);
  const band = bandLabel(result, lang);
  const why = [
    t(lang, 'panel.formula', { deduction: formatPoints(rating.specialDeduction.points), bonus: formatPoints(rating.specialBonus.points) }),
    t(lang, 'panel.whyNumbers', {
      earned: formatDecimal(score.earned, 4),
      applicable: formatDecimal(score.applicable, 4),
      scale: formatPoints(rating.scale),
      deductions: score.specialDeductions,
      deduction: formatPoints(rating.specialDeduction.points),
      bonus: score.specialBonus,
      bonusPoints: formatPoints(rating.specialBonus.points),
      exact: exactDecimal(score.exactScore),
      score: formatScore(score.score, rounding),
    }),
    t(lang, 'panel.whyRounding', { rounding, scale: formatPoints(rating.scale) }),
  ];
  const excluded = score.clauses.filter((c) => c.state === 'excluded').length;
  if (excluded > 0) why.push(t(lang, 'panel.whyExcluded', { count: excluded }));
  if (fail) {
    why.push(t(lang, 'panel.whyFail', { band, min: formatPoints(rating.bands[0]?.min ?? 0), failAt: rating.specialDeduction.failAt }));
  } else {
    const current = rating.bands.find((b) => b.id === score.rating.id);
    why.push(t(lang, 'panel.whyRating', { band, min: formatPoints(current?.min ?? 0) }));
  }

  const provisional = isProvisional(score);
  const standardTitle = pick(score.standard.title, lang) || score.standard.id;
  const stars = score.rating.stars;
  const max = maxStars(standard);
  model.score = {
    total: formatScore(score.score, rounding),
    stars,
    maxStars: max,
    starsText: starsText(stars, max),
    starsLabel: t(lang, 'panel.starsLabel', { stars }),
    band,
    failed: fail,
    provisional,
    provisionalText: provisional
      ? t(lang, score.standard.sheet ? 'panel.provisionalSheet' : 'panel.provisional', { standard: standardTitle })
      : '',
    standardTitle,
    capText: score.uncappedRating ? t(lang, 'panel.cap', { band, uncapped: score.uncappedRating.label }) : '',
    ...(standard.prerequisites.length + standard.dossier.length > 0
      ? {
          scheme: {
            title: t(lang, 'panel.schemeTitle'),
            note: t(lang, 'panel.schemeNote'),
            prerequisites: t(lang, 'panel.prerequisites', { provided: score.prerequisites.provided, total: score.prerequisites.total }),
            dossier: t(lang, 'panel.dossier', { provided: score.dossier.provided, total: score.dossier.total }),
            missing: [...standard.prerequisites, ...standard.dossier]
              .filter((i) => score.prerequisites.missing.includes(i.id) || score.dossier.missing.includes(i.id))
              .map((i) => ({ id: i.id, title: pick(i.title, lang) })),
          },
        }
      : {}),
    sheetText: score.standard.sheet ? t(lang, 'panel.sheet', { sheet: score.standard.scoringSource ?? '' }) : '',
    sections,
    clauses,
    deductions: { count: score.specialDeductions, points: formatPoints(deductionPoints), items: deductionItems },
    bonus: { count: score.specialBonus, points: formatPoints(bonusPoints), items: bonusItems },
    why,
  };
  // No special items is said in words, not as "0 (−0)".
  strings.deductions =
    score.specialDeductions > 0
      ? t(lang, 'panel.deductions', { count: score.specialDeductions, points: formatPoints(deductionPoints) })
      : t(lang, 'panel.noDeductions');
  strings.bonus =
    score.specialBonus > 0
      ? t(lang, 'panel.bonus', { count: score.specialBonus, points: formatPoints(bonusPoints) })
      : t(lang, 'panel.noBonus');
  if (score.next) {
    const nextLabel = bandLabelOf(standard, score.next.id, lang, score.next.label);
    const needed = formatScore(score.next.needed, rounding);
    strings.next = t(lang, 'panel.next', { band: nextLabel, min: formatPoints(score.next.min) });
    strings.needed = t(lang, 'panel.needed', { needed });
    model.score.next = {
      band: nextLabel,
      min: formatPoints(score.next.min),
      needed,
      neededText: strings.needed,
      suggestions: score.next.suggestions.map((s) => ({
        clause: s.clause,
        title: clauseTitle(standard, s.clause, lang),
        gain: formatGain(s.gain),
        missing: s.missingKinds.length > 0 ? joinList(kinds(s.missingKinds), lang) : stateLabel(s.state, lang),
      })),
    };
  }
  strings.provisional = model.score.provisionalText;
  strings.formula = why[0];
  return model;
}
