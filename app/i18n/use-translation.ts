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
