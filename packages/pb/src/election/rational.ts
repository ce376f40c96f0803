/**
 * Exact rational numbers over bigint, always reduced and with a positive denominator, so that equality is structural
 * and comparisons never depend on rounding.
 */
export type Rational = { readonly num: bigint; readonly den: bigint };

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

export function rational(num: bigint, den = 1n): Rational {
  if (den === 0n) throw new RangeError("rational with a zero denominator");
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  if (den === 1n) return { num, den };
  const g = gcd(num, den);
  return g === 1n ? { num, den } : { num: num / g, den: den / g };
}

/** An integer-valued JavaScript number (costs, counts, points) as a rational. */
export function fromInteger(n: number): Rational {
  return { num: BigInt(n), den: 1n };
}

export const ZERO: Rational = { num: 0n, den: 1n };

/**
 * Sums and products follow Knuth (TAOCP 4.5.1): reducing by the gcd of the denominators first keeps the numbers
 * small, and a sum with an integer or with a coprime denominator is already reduced, so the costly gcd of the big
 * results is rarely needed. Equal shares spends most of its exact time here.
 */
export function add(a: Rational, b: Rational): Rational {
  if (a.den === 1n) return { num: a.num * b.den + b.num, den: b.den };
  if (b.den === 1n) return { num: a.num + b.num * a.den, den: a.den };
  const g = gcd(a.den, b.den);
  if (g === 1n) return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
  const t = a.num * (b.den / g) + b.num * (a.den / g);
  const h = gcd(t, g);
  return h === 1n ? { num: t, den: (a.den / g) * b.den } : { num: t / h, den: (a.den / g) * (b.den / h) };
}

function negate(a: Rational): Rational {
  return { num: -a.num, den: a.den };
}

export function sub(a: Rational, b: Rational): Rational {
  return add(a, negate(b));
}

export function mul(a: Rational, b: Rational): Rational {
  const g1 = gcd(a.num, b.den);
  const g2 = gcd(b.num, a.den);
  return { num: (a.num / g1) * (b.num / g2), den: (a.den / g2) * (b.den / g1) };
}

export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError("division by zero");
  return mul(a, b.num < 0n ? { num: -b.den, den: -b.num } : { num: b.den, den: b.num });
}

export function compare(a: Rational, b: Rational): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function min(a: Rational, b: Rational): Rational {
  return compare(a, b) <= 0 ? a : b;
}

/** Nearest double, for display and for ordering heuristics only; never for a decision. */
export function toNumber(a: Rational): number {
  const n = Number(a.num);
  const d = Number(a.den);
  if (Number.isFinite(n) && Number.isFinite(d)) return n / d;
  const shift = BigInt(Math.max(a.num.toString(2).length, a.den.toString(2).length) - 1000);
  return Number(a.num >> shift) / Number(a.den >> shift);
}
