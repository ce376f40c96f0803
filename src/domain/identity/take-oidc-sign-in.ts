import type { Executor } from "../../db/index.ts";
import { consumeSignInToken } from "./consume-sign-in-token.ts";
import { IdentityError } from "./errors.ts";
import type { OidcAttempt } from "./start-oidc-sign-in.ts";

/** The flow a callback's `state` belongs to, used up; unknown, expired or replayed states are refused. */
export async function takeOidcSignIn(tx: Executor, o: { state: string; now: Date }): Promise<OidcAttempt> {
  const row = await consumeSignInToken(tx, { token: o.state, purpose: "oidc", now: o.now });
  if (!row?.data.nonce || !row.data.codeVerifier) throw new IdentityError("identity.oidc-state-invalid");
  const { nonce, codeVerifier, returnTo, voteTenantId, voteRoundSlug } = row.data;
  return {
    state: o.state,
    nonce,
    codeVerifier,
    ...(returnTo ? { returnTo } : {}),
    ...(voteTenantId && voteRoundSlug ? { vote: { tenantId: voteTenantId, roundSlug: voteRoundSlug } } : {}),
  };
}
