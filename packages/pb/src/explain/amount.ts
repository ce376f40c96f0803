import type { Election } from "../election/election.ts";
import * as Q from "../election/rational.ts";

/**
 * An exact amount of money in the election's currency: a decimal string ("42000", "34.875", "-0.5"), or a fraction
 * ("100/3") when no finite decimal is exact. Never rounded; `formatMoney` rounds for people.
 */
export type Amount = string;

/** An amount held as units of 1/moneyScale (an integer, or a rational while voters' budgets are split). */
export function toAmount(election: Election, units: number | Q.Rational): Amount {
  const value = typeof units === "number" ? Q.fromInteger(units) : units;
  const scale = election.moneyScale;
  const currency = scale >= 1 ? Q.div(value, Q.fromInteger(scale)) : Q.mul(value, Q.fromInteger(Math.round(1 / scale)));
  return exactString(currency);
}

/** A rational as an exact decimal when its denominator has no prime factor but 2 and 5, else as "num/den". */
export function exactString(value: Q.Rational): string {
  let den = value.den;
  let twos = 0;
  let fives = 0;
  while (den % 2n === 0n) {
    den /= 2n;
    twos++;
  }
  while (den % 5n === 0n) {
    den /= 5n;
    fives++;
  }
  if (den !== 1n) return `${value.num}/${value.den}`;
  const decimals = Math.max(twos, fives);
  const units = (value.num * 10n ** BigInt(decimals)) / value.den;
  const sign = units < 0n ? "-" : "";
  const digits = String(units < 0n ? -units : units).padStart(decimals + 1, "0");
  return decimals === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** The nearest double of an `Amount` (for display and sorting only). */
export function amountValue(amount: Amount): number {
  const slash = amount.indexOf("/");
  return slash === -1 ? Number(amount) : Number(amount.slice(0, slash)) / Number(amount.slice(slash + 1));
}

export type Language = "nl" | "en";

/** "EUR 42.000", "EUR 34,88" (Dutch) or "EUR 42,000", "EUR 34.88" (English): rounded to cents, no ",00". */
export function formatMoney(amount: Amount, currency: string, language: Language): string {
  const value = amountValue(amount);
  const whole = Math.abs(value - Math.round(value)) < 0.005;
  const digits = whole ? 0 : 2;
  const text = numberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  return currency ? `${currency} ${text}` : text;
}

/** A count of people: "1.204" (Dutch), "1,204" (English). */
export function formatCount(count: number, language: Language): string {
  return numberFormat(language).format(count);
}

/**
 * A number format of the language, made once per language and options: making one costs far more than formatting,
 * and an explanation formats thousands of amounts.
 */
export function numberFormat(language: Language, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${language} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language === "nl" ? "nl-NL" : "en-GB", options);
    formats.set(key, format);
  }
  return format;
}

const formats = new Map<string, Intl.NumberFormat>();
