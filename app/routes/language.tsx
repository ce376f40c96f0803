import { redirect } from "react-router";
import { isLocale } from "../i18n/define-messages.ts";
import { readForm } from "../server/forms.server.ts";
import { localeCookie } from "../server/locale.server.ts";
import { safeReturnPath } from "../server/return-path.server.ts";
import type { Route } from "./+types/language";

export async function action({ request }: Route.ActionArgs) {
  const form = await readForm(request);
  const locale = form.get("locale");
  if (!isLocale(locale)) throw new Response("Unknown language", { status: 400 });
  return redirect(safeReturnPath(form.get("returnTo")), {
    headers: { "Set-Cookie": await localeCookie.serialize(locale) },
  });
}

export function loader() {
  return redirect("/");
}
