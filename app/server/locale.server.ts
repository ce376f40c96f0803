import { createCookie } from "react-router";
import { defaultLocale, isLocale, type Locale } from "../i18n/define-messages.ts";

/** The visitor's language choice; a preference, not a secret, and the only cookie set before signing in. */
export const localeCookie = createCookie("taal", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 31_536_000 });

export async function localeOf(request: Request): Promise<Locale> {
  const chosen: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  return isLocale(chosen) ? chosen : defaultLocale;
}
