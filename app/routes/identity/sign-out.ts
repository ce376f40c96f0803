import { redirect } from "react-router";
import { withPlatform } from "../../../src/db/index.ts";
import { revokeSessions } from "../../../src/domain/identity/index.ts";
import { services } from "../../server/context.ts";
import { clearSessionCookie, getActor } from "../../server/session.server.ts";
import type { Route } from "./+types/sign-out";

export function loader() {
  return redirect("/");
}

/** Ends this session in the database (so the cookie is worthless on every instance) and clears the cookie. */
export async function action({ request, context }: Route.ActionArgs) {
  const actor = await getActor(request, context);
  if (actor) {
    await withPlatform(services(context).db, (tx) =>
      revokeSessions(tx, { personId: actor.personId, idHash: actor.sessionIdHash, now: new Date() }),
    );
  }
  return redirect("/inloggen?melding=uitgelogd", { headers: { "Set-Cookie": clearSessionCookie(context) } });
}
