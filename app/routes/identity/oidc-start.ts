import { redirect } from "react-router";
import { services } from "../../server/context.ts";
import { readForm } from "../../server/forms.server.ts";
import { startOidcFlow } from "../../server/oidc.server.ts";
import { safeReturnPath } from "../../server/return-path.server.ts";
import { identityErrorData, limitSignInAttempts } from "../../server/sign-in.server.ts";
import type { Route } from "./+types/oidc-start";

export function loader() {
  return redirect("/inloggen");
}

/** Sign-in with the OpenID provider: the flow starts here and ends in a session at the callback (ADR 0004). */
export async function action({ request, context }: Route.ActionArgs) {
  if (!services(context).config.oidc) throw new Response(null, { status: 404 });
  const form = await readForm(request);
  try {
    await limitSignInAttempts(context);
  } catch (error) {
    return identityErrorData(error);
  }
  const returnTo = safeReturnPath(form.get("terug"), "/account");
  return (await startOidcFlow(context, { returnTo, scope: "openid email profile" })) ?? redirect("/inloggen?fout=oidc");
}
