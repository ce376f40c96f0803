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

/**
 * The amount in units of 10^-exponent (an exponent below the amount's decimals rounds half away from zero; a negative
 * exponent counts in tens, hundreds, …).
 */
export function roundDecimal(amount: Decimal, exponent: number): bigint {
  const shift = exponent - amount.decimals;
  if (shift >= 0) return amount.units * 10n ** BigInt(shift);
  const divisor = 10n ** BigInt(-shift);
  const magnitude = amount.units < 0n ? -amount.units : amount.units;
  const rounded = (magnitude + divisor / 2n) / divisor;
  return amount.units < 0n ? -rounded : rounded;
}

/** A decimal as plain digits ("1234.5", "-0.25"), without trailing zeros. */
export function formatDecimal(amount: Decimal): string {
  const sign = amount.units < 0n ? "-" : "";
  const digits = String(amount.units < 0n ? -amount.units : amount.units);
  if (amount.decimals <= 0) return `${sign}${digits}${"0".repeat(-amount.decimals)}`;
  const padded = digits.padStart(amount.decimals + 1, "0");
  const fraction = padded.slice(-amount.decimals).replace(/0+$/, "");
  return `${sign}${padded.slice(0, -amount.decimals)}${fraction ? `.${fraction}` : ""}`;
}

/** The number of decimals a money scale (10^decimals; below 1 when amounts count in tens or more) stands for. */
export function scaleDecimals(scale: number): number {
  return Math.round(Math.log10(scale));
}

/** Writes an integer amount in units of 1/scale as a decimal string without trailing zeros. */
export function formatScaled(amount: number, scale: number): string {
  return formatDecimal({ units: BigInt(amount), decimals: scaleDecimals(scale) });
}
