import { redirect } from "react-router";
import { withPlatform } from "../../../src/db/index.ts";
import { startOidcSignIn } from "../../../src/domain/identity/index.ts";
import { services } from "../../server/context.ts";
import { setCookie } from "../../server/cookies.server.ts";
import { readForm } from "../../server/forms.server.ts";
import { client, oidcConfiguration, oidcRedirectUri } from "../../server/oidc.server.ts";
import { safeReturnPath } from "../../server/return-path.server.ts";
import { identityErrorData, limitSignInAttempts } from "../../server/sign-in.server.ts";
import type { Route } from "./+types/oidc-start";

export const OIDC_STATE_COOKIE = "samenspel-oidc";

export function loader() {
  return redirect("/inloggen");
}

/**
 * Starts an authorization-code flow with PKCE: verifier, state and nonce are stored (hashed state as key) for the
 * callback; the state also goes into a short cookie, so a callback only completes in the browser that started it.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const { db, config, logger } = services(context);
  if (!config.oidc) throw new Response(null, { status: 404 });
  const form = await readForm(request);
  try {
    await limitSignInAttempts(context);
  } catch (error) {
    return identityErrorData(error);
  }
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  let authorizationUrl: URL;
  try {
    const oidc = await oidcConfiguration(config.oidc);
    authorizationUrl = client.buildAuthorizationUrl(oidc, {
      redirect_uri: oidcRedirectUri(config),
      scope: "openid email profile",
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
  } catch (error) {
    logger.error({ err: error }, "OpenID provider unreachable");
    return redirect("/inloggen?fout=oidc");
  }
  const returnTo = safeReturnPath(form.get("terug"), "/account");
  await withPlatform(db, (tx) => startOidcSignIn(tx, { state, nonce, codeVerifier, returnTo, now: new Date() }));
  return redirect(authorizationUrl.href, {
    headers: { "Set-Cookie": setCookie(config, OIDC_STATE_COOKIE, state, 600) },
  });
}
