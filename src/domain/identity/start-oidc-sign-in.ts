import { type Executor, schema } from "../../db/index.ts";
import { hashToken, minutesAfter } from "../shared/index.ts";

export const OIDC_ATTEMPT_MINUTES = 10;

/**
 * A started flow. `vote` marks a flow started from a burgerbegroting ballot: its callback issues a voting pass for the
 * round instead of a session, and keeps no person.
 */
export type OidcAttempt = {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo?: string;
  vote?: { tenantId: string; roundSlug: string };
};

/** Remembers a started authorization-code flow under the hash of its `state`, for the callback to pick up once. */
export async function startOidcSignIn(tx: Executor, o: OidcAttempt & { now: Date }): Promise<void> {
  await tx.insert(schema.signInTokens).values({
    tokenHash: hashToken(o.state),
    purpose: "oidc",
    data: {
      nonce: o.nonce,
      codeVerifier: o.codeVerifier,
      ...(o.returnTo ? { returnTo: o.returnTo } : {}),
      ...(o.vote ? { voteTenantId: o.vote.tenantId, voteRoundSlug: o.vote.roundSlug } : {}),
    },
    createdAt: o.now,
    expiresAt: minutesAfter(o.now, OIDC_ATTEMPT_MINUTES),
  });
}
