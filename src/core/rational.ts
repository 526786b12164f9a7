// Exact rational arithmetic on BigInt. Scores are sums and ratios of decimal points;
// binary floating point would put a score that is exactly 80 at 79.99999999999999
// and so one band too low (docs/scoring.md). Every score is computed here and rounded once.

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) {
    [a, b] = [b, a % b];
  }
  return a;
}

export class Q {
  readonly n: bigint;
  readonly d: bigint;
  constructor(n: bigint, d: bigint = 1n) {
    if (d === 0n) throw new RangeError('division by zero');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n, d) || 1n;
    this.n = n / g;
    this.d = d / g;
  }
  static readonly ZERO = new Q(0n);
  static readonly ONE = new Q(1n);
  static int(i: number): Q {
    return new Q(BigInt(Math.trunc(i)));
  }

  /** The exact value of a decimal literal such as "2.5", "-3", "1e-2". */
  static parse(text: string): Q {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`not a decimal: ${text}`);
    const frac = m[3] ?? '';
    let n = BigInt((m[2] || '0') + frac);
    let d = 10n ** BigInt(frac.length);
    const e = m[4] ? Number(m[4]) : 0;
    if (Math.abs(e) > 400) throw new RangeError(`exponent out of range: ${text}`);
    if (e > 0) n *= 10n ** BigInt(e);
    else if (e < 0) d *= 10n ** BigInt(-e);
    return new Q(m[1] === '-' ? -n : n, d);
  }
  /** A JS number as the shortest decimal that reads back as it (what the author wrote). */
  static of(x: number): Q {
    if (!Number.isFinite(x)) throw new RangeError(`not finite: ${x}`);
    return Q.parse(String(x));
  }

  add(o: Q): Q {
    return new Q(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Q): Q {
    return new Q(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  mul(o: Q): Q {
    return new Q(this.n * o.n, this.d * o.d);
  }
  div(o: Q): Q {
    return new Q(this.n * o.d, this.d * o.n);
  }
  cmp(o: Q): number {
    const l = this.n * o.d,
      r = o.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  lt(o: Q): boolean {
    return this.cmp(o) < 0;
  }
  gt(o: Q): boolean {
    return this.cmp(o) > 0;
  }
  isZero(): boolean {
    return this.n === 0n;
  }
  min(o: Q): Q {
    return this.cmp(o) <= 0 ? this : o;
  }
  max(o: Q): Q {
    return this.cmp(o) >= 0 ? this : o;
  }
  clamp(lo: Q, hi: Q): Q {
    return this.max(lo).min(hi);
  }

  /** Rounded half-up (away from zero at exactly .5) to `decimals` places, as a Q. */
  round(decimals: number): Q {
    const scale = 10n ** BigInt(decimals);
    const neg = this.n < 0n;
    const abs = neg ? -this.n : this.n;
    const q = (2n * abs * scale + this.d) / (2n * this.d);
    return new Q(neg ? -q : q, scale);
  }
  /** Fixed-point text with exactly `decimals` places (half-up). */
  toFixed(decimals: number): string {
    const r = this.round(decimals);
    const scale = 10n ** BigInt(decimals);
    const scaled = r.n * (scale / r.d);
    const neg = scaled < 0n;
    const s = (neg ? -scaled : scaled).toString().padStart(decimals + 1, '0');
    const whole = s.slice(0, s.length - decimals),
      frac = s.slice(s.length - decimals);
    return (neg ? '-' : '') + whole + (decimals > 0 ? '.' + frac : '');
  }
  /** The nearest double of the value rounded to `decimals` places (for JSON output). */
  toNumber(decimals = 6): number {
    return Number(this.toFixed(decimals));
  }
  toString(): string {
    return this.d === 1n ? this.n.toString() : `${this.n}/${this.d}`;
  }
}
