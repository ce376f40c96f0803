import { type Locale, locales } from "./define-messages.ts";
import { contexts, type MessageKey } from "./message-contexts.ts";
import { createTranslator, FALLBACK_KEY, type MessageTable, type Translate } from "./translate.ts";

export type { MessageKey } from "./message-contexts.ts";
export type { Params, Translate } from "./translate.ts";

const catalogue = Object.fromEntries(
  locales.map((locale) => [locale, Object.assign({}, ...contexts.map((context) => context[locale]))]),
) as Record<Locale, Record<MessageKey, string>>;

/** Every key, for the build step that finds the keys each route can show (`scripts/vite/route-messages.ts`). */
export const messageKeys = Object.keys(catalogue.nl) as readonly MessageKey[];

const translators = new Map<Locale, Translate>();

/**
 * The whole catalogue's translator, for the server's own texts (feeds, exports, letters, mail). Pages translate
 * with `useT`, from the part of the catalogue the root loader sends (ADR 0038).
 */
export function translator(locale: Locale): Translate {
  let translate = translators.get(locale);
  if (!translate) {
    translate = createTranslator(locale, catalogue[locale]);
    translators.set(locale, translate);
  }
  return translate;
}

/**
 * One language's messages for these keys (and the generic fallback), or all of them when the keys are not known
 * (the development server, tests without a build).
 */
export function messagesFor(locale: Locale, keys: readonly MessageKey[] | undefined): MessageTable {
  const table = catalogue[locale];
  if (!keys) return table;
  const part: Partial<Record<MessageKey, string>> = { [FALLBACK_KEY]: table[FALLBACK_KEY] };
  for (const key of keys) part[key] = table[key];
  return part;
}

/** Whether the catalogue has this key: for texts named by data, such as audit actions, that may have none yet. */
export function isMessageKey(key: string): key is MessageKey {
  return key in catalogue.nl;
}
