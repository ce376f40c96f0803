import { and, eq, gt, isNull } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { hashToken } from "../shared/index.ts";
import type { SignInResult } from "./complete-first-factor.ts";
import { consumeSignInToken } from "./consume-sign-in-token.ts";
import { createSession, type SignInMethod } from "./create-session.ts";
import { IdentityError } from "./errors.ts";
import { spendSecondFactor } from "./spend-second-factor.ts";

export type VerifySecondFactorOptions = {
  pendingToken: string;
  /** A code from the authenticator app, or a recovery code. */
  code: string;
  totpKey: Buffer | undefined;
  userAgent?: string | null;
  now: Date;
};

/**
 * The TOTP step after a first factor. A wrong code leaves the pending token usable until it expires (the route
 * rate-limits attempts); a right code uses it up and starts the session.
 */
export async function verifySecondFactor(
  tx: Executor,
  o: VerifySecondFactorOptions,
): Promise<Extract<SignInResult, { kind: "signed-in" }>> {
  const [pending] = await tx
    .select({ token: schema.signInTokens, person: schema.people, secret: schema.passwordCredentials.totpSecret })
    .from(schema.signInTokens)
    .innerJoin(schema.people, eq(schema.people.id, schema.signInTokens.personId))
    .innerJoin(schema.passwordCredentials, eq(schema.passwordCredentials.personId, schema.people.id))
    .where(
      and(
        eq(schema.signInTokens.tokenHash, hashToken(o.pendingToken)),
        eq(schema.signInTokens.purpose, "totp"),
        isNull(schema.signInTokens.usedAt),
        gt(schema.signInTokens.expiresAt, o.now),
      ),
    );
  if (!pending?.secret) throw new IdentityError("identity.second-factor-expired");
  const spent = await spendSecondFactor(tx, {
    personId: pending.person.id,
    code: o.code,
    totpKey: o.totpKey,
    now: o.now,
  });
  if (!spent) throw new IdentityError("identity.code-invalid");
  if (!(await consumeSignInToken(tx, { token: o.pendingToken, purpose: "totp", now: o.now }))) {
    throw new IdentityError("identity.second-factor-expired");
  }
  const method = pending.token.data.method as SignInMethod;
  const session = await createSession(tx, { personId: pending.person.id, method, userAgent: o.userAgent, now: o.now });
  return { kind: "signed-in", person: pending.person, session, returnTo: pending.token.data.returnTo };
}
