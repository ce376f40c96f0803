import type { Locale } from "./define-messages.ts";
import type { MessageKey } from "./message-contexts.ts";

export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;
/** One language's messages; in the browser only those the page's routes can show (ADR 0038). */
export type MessageTable = Readonly<Partial<Record<MessageKey, string>>>;

/** The generic text a key without a message falls back to; every table the browser gets holds it. */
export const FALLBACK_KEY = "form.invalid" satisfies MessageKey;

/**
 * `{name}` placeholders are filled from `params`; numbers are formatted for the locale. The one formatting rule for
 * the server's full catalogue and the browser's part of it, so a page hydrates with the text it was rendered with.
 */
export function createTranslator(locale: Locale, table: MessageTable, partial = false): Translate {
  const numbers = new Intl.NumberFormat(locale === "nl" ? "nl-NL" : "en-GB");
  return (key, params) => {
    let message = table[key];
    if (message === undefined) {
      // A key from data or a schema that slipped past the checks shows the generic text instead of breaking the
      // page (`catalogue.test.ts` keeps the forms' keys complete). In a page's part of the catalogue it may also be
      // a key the build did not see the page use: that is a bug, and the log line fails the browser tests.
      if (partial) console.error(`No message for "${key}" in this page's part of the catalogue`);
      message = table[FALLBACK_KEY] ?? key;
    }
    return message.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
      const value = params?.[name];
      if (value === undefined) return placeholder;
      return typeof value === "number" ? numbers.format(value) : value;
    });
  };
}
