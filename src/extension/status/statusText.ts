// The status bar text and tooltip for a pack's score (README.md, "In VS Code"), without vscode.
import type { Lang, PackResult } from '../../core/types';
import { pick } from '../../core/messages';
import { formatScore, starsText } from '../../present/numbers';
import { bandLabel, isFail, isProvisional, maxStars } from '../../present/vocabulary';
import { t } from '../strings';

/**
 * Whether the score shown is the pack's current one: a check that has run for a while (a slow file
 * system) or that failed (an erroring one) leaves the last score in place, marked as such.
 */
export type Freshness = { kind: 'current' } | { kind: 'checking' } | { kind: 'failed'; detail: string };

/** The status text of a score that may not be current: a spinning or a warning icon in front. */
export function freshStatusText(text: string, freshness: Freshness): string {
  return freshness.kind === 'checking' ? `$(sync~spin) ${text}` : freshness.kind === 'failed' ? `$(warning) ${text}` : text;
}

/** The tooltip line that says why the score is not current (none when it is). */
export function freshnessNote(freshness: Freshness, lang: Lang): string | undefined {
  if (freshness.kind === 'checking') return t(lang, 'status.staleChecking');
  if (freshness.kind === 'failed') return t(lang, 'status.staleFailed', { detail: freshness.detail });
  return undefined;
}

/** `★★★ 87.5 三星级`, `✗ 62.0 不合格`, `87.5 达标级 · 暂定`… */
export function statusText(result: PackResult, lang: Lang): string {
  const score = result.score;
  if (!score) return '$(warning) Evidence Pack';
  const rounding = result.standard?.rating.rounding ?? 1;
  const parts: string[] = [];
  if (isFail(result, score)) parts.push('✗');
  else if (score.rating.stars > 0) parts.push(starsText(score.rating.stars, score.rating.stars));
  parts.push(formatScore(score.score, rounding));
  parts.push(bandLabel(result, lang));
  let text = parts.join(' ');
  // The band the gate holds the pack to, so a label typed into target: is seen to be taken.
  if (result.target) text += ` · ${t(lang, 'status.target', { band: pick(result.target.label, lang) })}`;
  else if (result.manifest?.target !== undefined) text += ` · $(warning) ${t(lang, 'status.targetInvalid')}`;
  if (isProvisional(score)) text += ` · ${t(lang, 'status.provisional')}`;
  return text;
}

export function statusTooltip(result: PackResult, packLabel: string, lang: Lang): string {
  const score = result.score;
  if (!score) return t(lang, 'status.noScore', { pack: packLabel });
  const rating = result.standard?.rating;
  const lines = [
    t(lang, 'status.tooltip', {
      pack: packLabel,
      score: formatScore(score.score, rating?.rounding ?? 1),
      scale: rating?.scale ?? 100,
      band: bandLabel(result, lang),
      stars: score.rating.stars,
      maxStars: maxStars(result.standard),
    }),
  ];
  if (isFail(result, score)) lines.push(t(lang, 'status.tooltipFail'));
  if (result.target) lines.push(t(lang, 'status.tooltipTarget', { band: pick(result.target.label, lang) }));
  else if (result.manifest?.target !== undefined) lines.push(t(lang, 'status.tooltipTargetInvalid', { target: result.manifest.target }));
  if (isProvisional(score))
    lines.push(t(lang, 'status.tooltipProvisional', { standard: pick(score.standard.title, lang) || score.standard.id }));
  return lines.join('\n\n');
}
