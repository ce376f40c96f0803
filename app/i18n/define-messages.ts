export const locales = ["nl", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "nl";

/**
 * A context's strings in both languages. The English table must have exactly the Dutch keys, so a string added
 * in one language and forgotten in the other fails the typecheck.
 */
export function defineMessages<const Keys extends string>(tables: {
  nl: Record<Keys, string>;
  en: NoInfer<Record<Keys, string>>;
}): { nl: Record<Keys, string>; en: Record<Keys, string> } {
  return tables;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
