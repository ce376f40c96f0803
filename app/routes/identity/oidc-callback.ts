import { redirect } from "react-router";
import { withPlatform, withTenant } from "../../../src/db/index.ts";
import { issueOidcPass } from "../../../src/domain/budgeting/index.ts";
import { completeOidcSignIn, takeOidcSignIn } from "../../../src/domain/identity/index.ts";
import { services } from "../../server/context.ts";
import { clearCookie, readCookie } from "../../server/cookies.server.ts";
import { client, OIDC_STATE_COOKIE, oidcConfiguration } from "../../server/oidc.server.ts";
import { safeReturnPath } from "../../server/return-path.server.ts";
import { sessionCookie } from "../../server/session.server.ts";
import type { Route } from "./+types/oidc-callback";

/**
 * The provider sends the browser back here with a GET: the one GET that changes state (it uses up the flow and
 * starts a session), because the protocol prescribes it. It is safe to do so: it completes only with a state that
 * this browser's cookie holds, once, with the PKCE verifier only the server knows (ADR 0004). A flow started from a
 * burgerbegroting ballot ends in a voting pass for that round instead of a session (ADR 0037).
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { db, config, logger } = services(context);
  if (!config.oidc) throw new Response(null, { status: 404 });
  const url = new URL(request.url);
  const state = url.searchParams.get("state") ?? "";
  const failed = () =>
    redirect("/inloggen?fout=oidc", { headers: { "Set-Cookie": clearCookie(config, OIDC_STATE_COOKIE) } });
  if (!state || readCookie(request, config, OIDC_STATE_COOKIE) !== state) return failed();
  let voteFailed: string | undefined;
  try {
    const attempt = await withPlatform(db, (tx) => takeOidcSignIn(tx, { state, now: new Date() }));
    if (attempt.vote) voteFailed = `${safeReturnPath(attempt.returnTo, "/")}?fout=oidc`;
    const oidc = await oidcConfiguration(config.oidc);
    // Behind a proxy the request URL is internal; the provider redirected to the public one.
    const callbackUrl = new URL(`${url.pathname}${url.search}`, config.publicUrl);
    const tokens = await client.authorizationCodeGrant(oidc, callbackUrl, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    if (attempt.vote) {
      // Only the pseudonymous `sub` (with its issuer) is used, as a keyed hash in the register; no person is kept.
      const { tenantId, roundSlug } = attempt.vote;
      const pass = await withTenant(db, { tenantId }, (tx) =>
        issueOidcPass(tx, {
          tenantId,
          roundSlug,
          issuer: idToken.iss,
          subject: idToken.sub,
          key: config.votingCodeKey,
          now: new Date(),
        }),
      );
      return redirect(`${safeReturnPath(attempt.returnTo, "/")}?pas=${pass}`, {
        headers: { "Set-Cookie": clearCookie(config, OIDC_STATE_COOKIE) },
      });
    }
    // Providers that keep the profile out of the ID token give it at the userinfo endpoint (bound to `sub`).
    const claims =
      idToken.email === undefined && oidc.serverMetadata().userinfo_endpoint
        ? { ...(await client.fetchUserInfo(oidc, tokens.access_token, idToken.sub)), ...idToken }
        : idToken;
    const email = claims.email_verified === true && typeof claims.email === "string" ? claims.email : undefined;
    const { session } = await withPlatform(db, (tx) =>
      completeOidcSignIn(tx, {
        issuer: claims.iss,
        subject: claims.sub,
        email,
        name: typeof claims.name === "string" ? claims.name : undefined,
        acr: typeof claims.acr === "string" ? claims.acr : undefined,
        userAgent: request.headers.get("User-Agent"),
        now: new Date(),
      }),
    );
    const headers = new Headers();
    headers.append("Set-Cookie", sessionCookie(context, session));
    headers.append("Set-Cookie", clearCookie(config, OIDC_STATE_COOKIE));
    return redirect(safeReturnPath(attempt.returnTo, "/account"), { headers });
  } catch (error) {
    logger.warn({ err: error }, "OpenID Connect sign-in failed");
    if (voteFailed) {
      return redirect(voteFailed, { headers: { "Set-Cookie": clearCookie(config, OIDC_STATE_COOKIE) } });
    }
    return failed();
  }
}
