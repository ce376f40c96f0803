/** A decimal amount as written in a file ("4000.0", "2828094.61", "1,5"): digits and number of decimals. */
export type Decimal = { readonly units: bigint; readonly decimals: number };

const DECIMAL = /^(-?)(\d*)(?:[.,](\d*))?$/;

export function parseDecimal(text: string): Decimal | undefined {
  const match = DECIMAL.exec(text.trim());
  if (!match || (match[2] === "" && !match[3])) return undefined;
  const fraction = (match[3] ?? "").replace(/0+$/, "");
  const units = BigInt(`${match[1]}${match[2] || "0"}${fraction}`);
  return { units, decimals: fraction.length };
}

/** The amount in units of 10^-decimals; exact as long as the result stays below 2^53. */
export function toScaledInteger(amount: Decimal, decimals: number): number {
  const scaled = amount.units * 10n ** BigInt(decimals - amount.decimals);
  if (scaled > BigInt(Number.MAX_SAFE_INTEGER) || -scaled > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`amount ${scaled} is too large to be exact`);
  }
  return Number(scaled);
}

/** Writes an integer amount in units of 1/scale as a decimal string without trailing zeros. */
export function formatScaled(amount: number, scale: number): string {
  if (scale === 1) return String(amount);
  const decimals = String(scale).length - 1;
  const sign = amount < 0 ? "-" : "";
  const digits = String(Math.abs(amount)).padStart(decimals + 1, "0");
  const whole = digits.slice(0, -decimals);
  const fraction = digits.slice(-decimals).replace(/0+$/, "");
  return fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}
