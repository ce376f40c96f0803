import { useRouteLoaderData } from "react-router";
import { type Translate, translator } from "./catalogue.ts";
import { defaultLocale, type Locale } from "./define-messages.ts";

export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  return data?.locale ?? defaultLocale;
}

export function useT(): Translate {
  return translator(useLocale());
}

/**
 * The programme's own texts are Dutch; on an English page they carry `lang="nl"` so that screen readers switch
 * pronunciation (WCAG 3.1.2).
 */
export function useContentLang(): "nl" | undefined {
  return useLocale() === "nl" ? undefined : "nl";
}
