import { useRouteLoaderData } from "react-router";
import type { MessageKey } from "./catalogue.ts";
import { defaultLocale, type Locale } from "./define-messages.ts";
import { createTranslator, type MessageTable, type Translate } from "./translate.ts";

/** What the root loader sends every page: the language and the messages its routes can show (ADR 0038). */
export type RootI18n = { locale: Locale; messages: MessageTable; partialMessages: boolean };

export function useLocale(): Locale {
  const data = useRouteLoaderData<RootI18n>("root");
  return data?.locale ?? defaultLocale;
}

// One translator per table: the root loader's data keeps its identity until the next navigation.
const translators = new WeakMap<MessageTable, Translate>();
const noMessages: MessageTable = {};

function useMessages(): MessageTable {
  return useRouteLoaderData<RootI18n>("root")?.messages ?? noMessages;
}

export function useT(): Translate {
  const data = useRouteLoaderData<RootI18n>("root");
  const table = data?.messages ?? noMessages;
  let translate = translators.get(table);
  if (!translate) {
    translate = createTranslator(data?.locale ?? defaultLocale, table, data?.partialMessages ?? false);
    translators.set(table, translate);
  }
  return translate;
}

/**
 * Whether this page's messages have the key: for texts named by data, such as audit actions, that may have none
 * yet. The build sends a page every key with a prefix its code names (`audit.${action}`), so this matches the
 * whole catalogue for such keys.
 */
export function useIsMessageKey(): (key: string) => key is MessageKey {
  const table = useMessages();
  return (key: string): key is MessageKey => key in table;
}

/**
 * The programme's own texts are Dutch; on an English page they carry `lang="nl"` so that screen readers switch
 * pronunciation (WCAG 3.1.2).
 */
export function useContentLang(): "nl" | undefined {
  return useLocale() === "nl" ? undefined : "nl";
}
