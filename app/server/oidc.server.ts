import * as client from "openid-client";
import { type RouterContextProvider, redirect } from "react-router";
import { withPlatform } from "../../src/db/index.ts";
import { type OidcAttempt, startOidcSignIn } from "../../src/domain/identity/index.ts";
import type { Config } from "../../src/platform/config.ts";
import { services } from "./context.ts";
import { setCookie } from "./cookies.server.ts";

type OidcConfig = NonNullable<Config["oidc"]>;

const discovered = new Map<string, Promise<client.Configuration>>();

/**
 * The provider's metadata and keys, fetched on first use and kept for the life of the process (stateless: any
 * instance fetches its own). A failed discovery is forgotten, so the next sign-in tries again.
 */
export function oidcConfiguration(oidc: OidcConfig): Promise<client.Configuration> {
  let configuration = discovered.get(oidc.issuer);
  if (!configuration) {
    const issuer = new URL(oidc.issuer);
    configuration = client
      .discovery(
        issuer,
        oidc.clientId,
        oidc.clientSecret,
        oidc.clientSecret ? client.ClientSecretPost(oidc.clientSecret) : client.None(),
        // Plain http only for a provider on this machine (development and tests).
        issuer.protocol === "http:" ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered.delete(oidc.issuer);
        throw error;
      });
    discovered.set(oidc.issuer, configuration);
  }
  return configuration;
}

export const oidcRedirectUri = (config: Config) => `${config.publicUrl}/inloggen/oidc/terug`;

export { client };

/** The cookie that ties a callback to the browser that started the flow. */
export const OIDC_STATE_COOKIE = "samenspel-oidc";

/**
 * Starts an authorization-code flow with PKCE: verifier, state and nonce are stored (hashed state as key) for the
 * callback; the state also goes into a short cookie, so a callback only completes in the browser that started it.
 * Returns the redirect to the provider, or undefined when the provider cannot be reached.
 */
export async function startOidcFlow(
  context: Readonly<RouterContextProvider>,
  o: { returnTo: string; scope: string; vote?: OidcAttempt["vote"] },
): Promise<Response | undefined> {
  const { db, config, logger } = services(context);
  if (!config.oidc) throw new Response(null, { status: 404 });
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  let authorizationUrl: URL;
  try {
    const oidc = await oidcConfiguration(config.oidc);
    authorizationUrl = client.buildAuthorizationUrl(oidc, {
      redirect_uri: oidcRedirectUri(config),
      scope: o.scope,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
  } catch (error) {
    logger.error({ err: error }, "OpenID provider unreachable");
    return undefined;
  }
  await withPlatform(db, (tx) =>
    startOidcSignIn(tx, { state, nonce, codeVerifier, returnTo: o.returnTo, vote: o.vote, now: new Date() }),
  );
  return redirect(authorizationUrl.href, {
    headers: { "Set-Cookie": setCookie(config, OIDC_STATE_COOKIE, state, 600) },
  });
}
