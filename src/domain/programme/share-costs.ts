/** The programme carries at most half of the eligible costs of local support … */
export const PROGRAMME_SHARE_PERCENT = 50;
/** … and never more than EUR 5,000 per municipality per trajectory. */
export const PROGRAMME_CAP_CENTS = 500_000;

export type CostShare = {
  eligibleCents: number;
  otherCents: number;
  programmeCents: number;
  municipalityCents: number;
  /** The cap, not the percentage, decided the programme's part. */
  capped: boolean;
};

/**
 * Splits invoiced costs in whole cents. Half of an odd number of cents is rounded down, so the municipality pays
 * the last cent; costs that are not eligible are the municipality's entirely. A correction is a line with the
 * opposite amount, so it cancels its original in these sums; the totals can never go below zero.
 */
export function shareCosts(costs: ReadonlyArray<{ amountCents: number; eligible: boolean }>): CostShare {
  let eligibleCents = 0;
  let otherCents = 0;
  for (const cost of costs) {
    if (!Number.isSafeInteger(cost.amountCents) || cost.amountCents === 0) throw new RangeError("amountCents");
    if (cost.eligible) eligibleCents += cost.amountCents;
    else otherCents += cost.amountCents;
  }
  if (eligibleCents < 0 || otherCents < 0) throw new RangeError("a correction reverses more than was recorded");
  const half = Math.floor((eligibleCents * PROGRAMME_SHARE_PERCENT) / 100);
  const programmeCents = Math.min(half, PROGRAMME_CAP_CENTS);
  return {
    eligibleCents,
    otherCents,
    programmeCents,
    municipalityCents: eligibleCents + otherCents - programmeCents,
    capped: half > PROGRAMME_CAP_CENTS,
  };
}
