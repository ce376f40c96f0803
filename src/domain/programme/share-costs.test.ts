import { describe, expect, it } from "vitest";
import { PROGRAMME_CAP_CENTS, shareCosts } from "./share-costs.ts";

const invoice = (amountCents: number, eligible = true) => ({ amountCents, eligible });

describe("shareCosts", () => {
  it("pays half of eligible costs", () => {
    expect(shareCosts([invoice(400_000), invoice(200_000)])).toEqual({
      eligibleCents: 600_000,
      otherCents: 0,
      programmeCents: 300_000,
      municipalityCents: 300_000,
      capped: false,
    });
  });

  it("never pays more than EUR 5,000", () => {
    const share = shareCosts([invoice(1_250_000)]);
    expect(share.programmeCents).toBe(PROGRAMME_CAP_CENTS);
    expect(share.municipalityCents).toBe(750_000);
    expect(share.capped).toBe(true);
    expect(shareCosts([invoice(1_000_000)])).toMatchObject({ programmeCents: 500_000, capped: false });
  });

  it("leaves the odd cent and non-eligible costs to the municipality", () => {
    expect(shareCosts([invoice(10_001), invoice(2_500, false)])).toEqual({
      eligibleCents: 10_001,
      otherCents: 2_500,
      programmeCents: 5_000,
      municipalityCents: 7_501,
      capped: false,
    });
  });

  it("always adds up to the total, in whole cents", () => {
    for (let seed = 1; seed < 500; seed++) {
      const costs = Array.from({ length: (seed % 7) + 1 }, (_, i) =>
        invoice(((seed * 7919 + i * 104_729) % 900_000) + 1, (seed + i) % 3 !== 0),
      );
      const share = shareCosts(costs);
      const total = costs.reduce((sum, c) => sum + c.amountCents, 0);
      expect(share.programmeCents + share.municipalityCents).toBe(total);
      expect(share.programmeCents).toBeLessThanOrEqual(Math.min(PROGRAMME_CAP_CENTS, share.eligibleCents / 2));
      expect(Number.isInteger(share.programmeCents)).toBe(true);
    }
  });

  it("lets a reversing line cancel its original", () => {
    const mistaken = invoice(1_250_000);
    expect(shareCosts([mistaken, invoice(-1_250_000), invoice(300_000)])).toEqual(shareCosts([invoice(300_000)]));
  });

  it("refuses amounts that are not whole cents, zero, or corrections of more than was recorded", () => {
    expect(() => shareCosts([invoice(0)])).toThrow(RangeError);
    expect(() => shareCosts([invoice(10.5)])).toThrow(RangeError);
    expect(() => shareCosts([invoice(100), invoice(-200)])).toThrow(RangeError);
    expect(() => shareCosts([invoice(100), invoice(-100, false)])).toThrow(RangeError);
  });
});
