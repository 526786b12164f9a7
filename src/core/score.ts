// Leaf states and the pack score, exactly as docs/scoring.md says, in exact rationals; rounded once,
// half-up, at the end. Views only render the Score this returns.
import { exclusionStands, missingKinds, type LeafFacts } from './leafFacts';
import { kindById } from './context';
import { joinList, msg, pick } from './messages';
import { Q } from './rational';
import { samplesAreValid } from './rules/samplesInvalid';
import type { ClauseScore, Lang, LeafState, Manifest, RatingBand, SchemeItem, SchemeProgress, Score, Standard, Suggestion } from './types';

interface LeafResult {
  facts: LeafFacts;
  state: LeafState;
  earned: Q;
  points: Q;
  missing: string[];
  reason: string;
}

/** `kindLabel` names a kind in the reason (its label in `lang`; the id only for a kind the standard lacks). */
export function scoreLeaf(f: LeafFacts, lang: Lang, kindLabel: (id: string) => string = (id) => id): LeafResult {
  const points = Q.of(f.leaf.points);
  const base = { facts: f, points, missing: [] as string[] };
  // 1. no entry anywhere
  if (f.entryCount === 0)
    return { ...base, state: 'missing', earned: Q.ZERO, missing: [...f.leaf.requires], reason: msg(lang, 'reason-missing') };
  // 2. a standing exclusion; a failed one is scored as if there were no status
  if (exclusionStands(f))
    return { ...base, state: 'excluded', earned: Q.ZERO, reason: msg(lang, 'reason-excluded', { justification: f.justification ?? '' }) };
  const status = f.status === 'excluded' ? undefined : f.status;
  // 3. non-conforming
  if (status === 'nonconforming') return { ...base, state: 'nonconforming', earned: Q.ZERO, reason: msg(lang, 'reason-nonconforming') };
  // 4. points awarded by the assessor (clamped to 0..points)
  if (f.awarded !== undefined) {
    const earned = Q.of(f.awarded).clamp(Q.ZERO, points);
    return {
      ...base,
      state: earned.cmp(points) === 0 ? 'met' : 'partial',
      earned,
      reason: msg(lang, 'reason-awarded', { awarded: earned.toFixed(2).replace(/\.?0+$/, ''), points: f.leaf.pointsText }),
    };
  }
  // 5. a required kind without counting evidence
  const missing = missingKinds(f);
  if (missing.length)
    return {
      ...base,
      state: 'incomplete',
      earned: Q.ZERO,
      missing,
      reason: msg(lang, 'reason-incomplete', { kinds: joinList(missing.map(kindLabel), lang) }),
    };
  // 6. partial on a sampled leaf with samples: points × (1 − nonconforming / size)
  if (status === 'partial' && f.samples && f.leaf.sampled) {
    const s = f.samples;
    // Invalid samples (reported as samples-invalid) are clamped: size ≤ 0 earns nothing.
    const earned = samplesAreValid(s)
      ? points.mul(Q.ONE.sub(Q.of(s.nonconforming).div(Q.of(s.size))))
      : s.size > 0
        ? points.mul(Q.ONE.sub(Q.of(s.nonconforming).clamp(Q.ZERO, Q.of(s.size)).div(Q.of(s.size))))
        : Q.ZERO;
    return {
      ...base,
      state: 'partial',
      earned,
      reason: msg(lang, 'reason-sampled', { nonconforming: s.nonconforming, size: s.size, points: f.leaf.pointsText }),
    };
  }
  // 7. otherwise met
  return { ...base, state: 'met', earned: points, reason: msg(lang, 'reason-met') };
}

/** Decimal-clean number for JSON: exact value rounded to 4 places (no 0.30000000000000004). */
const num = (q: Q, decimals = 4) => q.toNumber(decimals);

/**
 * `provided`: ids of prerequisites and dossier items that an entry names with counting evidence
 * (they never change the score; the score only reports how many there are).
 */
export function scorePack(
  pack: string,
  standard: Standard,
  manifest: Manifest,
  facts: LeafFacts[],
  lang: Lang,
  provided: ReadonlySet<string> = new Set(),
): Score {
  const rules = standard.rating;
  // Looked up in the standard's kind index: a scan per missing kind was O(leaves × kinds).
  const kindLabel = (id: string) => pick(kindById(standard, id)?.label, lang) || id;
  const results = facts.map((f) => scoreLeaf(f, lang, kindLabel));
  let applicable = Q.ZERO,
    earned = Q.ZERO;
  for (const r of results) {
    if (r.state === 'excluded') continue;
    applicable = applicable.add(r.points);
    earned = earned.add(r.earned);
  }
  const scale = Q.of(rules.scale);
  const baseScore = applicable.isZero() ? Q.ZERO : earned.div(applicable).mul(scale);
  const deductions = manifest.specialDeductions.length;
  const bonuses = Math.min(manifest.specialBonuses.length, rules.specialBonus.max);
  const exact = baseScore
    .sub(Q.of(deductions).mul(Q.of(rules.specialDeduction.points)))
    .add(Q.of(bonuses).mul(Q.of(rules.specialBonus.points)))
    .clamp(Q.ZERO, scale);
  const score = exact.round(rules.rounding);

  const lowest = rules.bands[0];
  const failed = !lowest || score.lt(Q.of(lowest.min)) || deductions >= rules.specialDeduction.failAt;
  const band = failed ? undefined : [...rules.bands].reverse().find((b) => !score.lt(Q.of(b.min)));
  const ratingOf = (b: RatingBand) => ({ id: b.id, stars: b.stars, label: pick(b.label, lang) });
  let rating = band ? ratingOf(band) : { id: rules.fail.id, stars: 0, label: pick(rules.fail.label, lang) };
  // The scheme, not the standard: at an initial certification a body awards the lowest band only,
  // unless the results are outstanding and the manifest says why.
  let uncappedRating: Score['uncappedRating'];
  if (band && lowest && band !== lowest && initialCapApplies(manifest)) {
    uncappedRating = rating;
    rating = ratingOf(lowest);
  }

  // Next rating: the lowest band above the score (for a failed pack, the lowest band).
  const nextBand = rules.bands.find((b) => Q.of(b.min).gt(score));
  const byOrder = [...results].sort((a, b) => a.facts.leaf.order - b.facts.leaf.order);
  const suggestions: Suggestion[] = applicable.isZero()
    ? []
    : byOrder
        .filter((r) => r.state !== 'excluded' && r.earned.lt(r.points))
        .map((r) => ({ r, gain: r.points.sub(r.earned).div(applicable).mul(scale) }))
        .sort((a, b) => b.gain.cmp(a.gain) || a.r.facts.leaf.order - b.r.facts.leaf.order)
        .map(({ r, gain }) => ({ clause: r.facts.leaf.id, gain: gain.toNumber(2), missingKinds: r.missing, state: r.state }));

  // One pass over the leaves (each top-level section once per leaf id in it): summing every
  // section over every leaf was O(sections × leaves), 87 s for a standard of 20,000 top-level leaves.
  const sectionsOf = new Map<string, number[]>();
  standard.clauses.forEach((top, i) => {
    for (const id of new Set(collect(top))) {
      const list = sectionsOf.get(id);
      if (list) list.push(i);
      else sectionsOf.set(id, [i]);
    }
  });
  const sums = standard.clauses.map(() => ({ e: Q.ZERO, a: Q.ZERO }));
  for (const r of results) {
    if (r.state === 'excluded') continue;
    for (const i of sectionsOf.get(r.facts.leaf.id) ?? []) {
      sums[i].a = sums[i].a.add(r.points);
      sums[i].e = sums[i].e.add(r.earned);
    }
  }
  const sections = standard.clauses.map((top, i) => ({ id: top.id, earned: num(sums[i].e), applicable: num(sums[i].a) }));

  const clauses: ClauseScore[] = byOrder.map((r) => ({
    id: r.facts.leaf.id,
    state: r.state,
    points: num(r.points),
    earned: num(r.earned),
    missingKinds: r.missing,
    evidenceCount: r.facts.evidenceCount,
    countingEvidence: r.facts.countingEvidence,
    reason: r.reason,
  }));

  return {
    pack,
    standard: {
      id: standard.id,
      weights: standard.weights,
      title: standard.title,
      scoringSource: standard.scoringSource,
      ...(standard.sheet ? { sheet: standard.sheet } : {}),
    },
    score: score.toNumber(rules.rounding),
    exactScore: exact.toString(),
    base: baseScore.toNumber(4),
    rating,
    earned: num(earned),
    applicable: num(applicable),
    specialDeductions: deductions,
    specialBonus: bonuses,
    sections,
    clauses,
    ...(uncappedRating ? { uncappedRating } : {}),
    prerequisites: progress(standard.prerequisites, provided),
    dossier: progress(standard.dossier, provided),
    next: nextBand
      ? {
          id: nextBand.id,
          min: nextBand.min,
          needed: Q.of(nextBand.min).sub(score).toNumber(rules.rounding),
          label: pick(nextBand.label, lang),
          stars: nextBand.stars,
          suggestions,
        }
      : null,
    diagnostics: { error: 0, warning: 0, info: 0 },
  };
}

export function initialCapApplies(m: Manifest): boolean {
  return m.assessmentKind === 'initial' && !(m.outstanding && m.outstandingJustification);
}

function progress(items: SchemeItem[], provided: ReadonlySet<string>): SchemeProgress {
  const missing = items.filter((i) => !provided.has(i.id)).map((i) => i.id);
  return { total: items.length, provided: items.length - missing.length, missing };
}

function collect(c: { id: string; children: { id: string; children: unknown[] }[] }): string[] {
  return c.children.length === 0 ? [c.id] : c.children.flatMap((ch) => collect(ch as never));
}
