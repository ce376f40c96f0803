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
const partsByKeys = new WeakMap<readonly MessageKey[], Partial<Record<Locale, MessageTable>>>();

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
  // One table per page and language (a page's key list is made once): the same object on every request, so the
  // translator made for it (`useT`, with its number format) is made once too.
  const parts = partsByKeys.get(keys) ?? {};
  partsByKeys.set(keys, parts);
  let part = parts[locale];
  if (!part) {
    const made: Partial<Record<MessageKey, string>> = { [FALLBACK_KEY]: table[FALLBACK_KEY] };
    for (const key of keys) made[key] = table[key];
    part = made;
    parts[locale] = part;
  }
  return part;
}

/** Whether the catalogue has this key: for texts named by data, such as audit actions, that may have none yet. */
export function isMessageKey(key: string): key is MessageKey {
  return key in catalogue.nl;
}
