// How every view writes a number. The rule (ARCHITECTURE.md, "Numbers"):
// - a score, and what is measured on its scale (points still needed for a band), has exactly the
//   standard's `rounding` decimals: `82.4`, `7.6` — the engine rounded it that way;
// - points (a clause's points and earned points, section totals, a gain, deduction points) have at most
//   two decimals, trailing zeros dropped: `5`, `2.6`, `8.33`, `13.98` — never `2.60`, never `14.0`;
// - a gain carries its sign: `+2.6`; no view ever shows `-0` or `−0`.

/** `value` with at most `max` decimals, trailing zeros dropped, no float noise, never `-0`. */
export function formatDecimal(value: number, max = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const fixed = value.toFixed(max);
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

/** Points: at most two decimals (`5`, `2.6`, `8.33`). */
export function formatPoints(value: number): string {
  return formatDecimal(value, 2);
}

/** A gain in points, signed: `+2.6`. */
export function formatGain(value: number): string {
  return `+${formatPoints(Math.max(0, value))}`;
}

/** A score (or a distance on the score's scale) with exactly `rounding` decimals, never `-0.0`. */
export function formatScore(value: number, rounding: number): string {
  const text = value.toFixed(Math.max(0, Math.min(20, rounding)));
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

/** A change of score with an ASCII sign, so that a CI log can be searched for `-2.0`: `+4.5`, `-2.0`, `±0.0`. */
export function formatScoreDelta(delta: number, rounding: number): string {
  const d = Number(delta.toFixed(Math.max(0, Math.min(20, rounding))));
  if (d > 0) return `+${formatScore(d, rounding)}`;
  if (d < 0) return `-${formatScore(-d, rounding)}`;
  return `±${formatScore(0, rounding)}`;
}

/** `★★★☆☆`: `stars` filled of `of`. */
export function starsText(stars: number, of = 5): string {
  return '★'.repeat(Math.max(0, stars)) + '☆'.repeat(Math.max(0, of - stars));
}

/**
 * The engine's exact score (`1319/16`, or a decimal) as a decimal: exact when it terminates within `max`
 * digits, else cut with an ellipsis — never rounded, so that it shows what rounding does.
 */
export function exactDecimal(exact: string, max = 6): string {
  const m = /^(-?)(\d+)\/(\d+)$/.exec(exact.trim());
  if (!m) return exact;
  const den = BigInt(m[3]);
  if (den === 0n) return exact;
  let num = BigInt(m[2]);
  const whole = num / den;
  num %= den;
  let digits = '';
  while (num !== 0n && digits.length < max) {
    num *= 10n;
    digits += String(num / den);
    num %= den;
  }
  return `${m[1]}${whole}${digits ? `.${digits}` : ''}${num !== 0n ? '…' : ''}`;
}
