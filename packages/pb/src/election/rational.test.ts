import { describe, expect, it } from "vitest";
import { add, compare, div, fromInteger, mul, rational, sub, toNumber } from "./rational.ts";

describe("rational", () => {
  it("keeps fractions reduced with a positive denominator, so equal values are equal objects", () => {
    expect(rational(6n, -4n)).toEqual({ num: -3n, den: 2n });
    expect(add(rational(1n, 3n), rational(1n, 6n))).toEqual(rational(1n, 2n));
    expect(sub(rational(1n, 2n), rational(1n, 2n))).toEqual(rational(0n));
    expect(mul(rational(2n, 3n), rational(9n, 4n))).toEqual(rational(3n, 2n));
    expect(div(fromInteger(1), fromInteger(3))).toEqual(rational(1n, 3n));
  });

  it("compares exactly where doubles cannot tell the values apart", () => {
    const a = rational(10n ** 30n + 1n, 10n ** 30n);
    expect(toNumber(a)).toBe(1);
    expect(compare(a, fromInteger(1))).toBe(1);
    expect(compare(fromInteger(1), a)).toBe(-1);
    expect(compare(rational(2n, 4n), rational(1n, 2n))).toBe(0);
  });

  it("converts huge numerators and denominators to the nearest double", () => {
    expect(toNumber(rational(3n * 10n ** 400n, 2n * 10n ** 400n + 1n))).toBeCloseTo(1.5, 12);
  });
});
