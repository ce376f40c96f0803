import { eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { IdentityError } from "./errors.ts";
import { passwordMatches } from "./passwords.ts";
import { spendSecondFactor } from "./spend-second-factor.ts";

/** How long after signing in a person may change how they sign in without proving it is them again. */
export const STEP_UP_MINUTES = 5;

export type ConfirmIdentityOptions = {
  personId: string;
  /** When this browser's session started. */
  signedInAt: Date;
  /** The current factor, when given: the authenticator code if TOTP is on, otherwise the current password. */
  current?: string | undefined;
  totpKey: Buffer | undefined;
  now: Date;
};

/**
 * Step-up before setting a password or replacing the TOTP secret: a stolen session cookie alone must not be enough
 * to take over the account for good. A sign-in of the last few minutes counts; otherwise the current factor. An
 * account without a password has no other factor than its e-mail link, so it needs a recent sign-in.
 */
export async function confirmIdentity(tx: Executor, o: ConfirmIdentityOptions): Promise<void> {
  if (o.now.getTime() - o.signedInAt.getTime() <= STEP_UP_MINUTES * 60_000) return;
  const [credential] = await tx
    .select({
      passwordHash: schema.passwordCredentials.passwordHash,
      totpSecret: schema.passwordCredentials.totpSecret,
    })
    .from(schema.passwordCredentials)
    .where(eq(schema.passwordCredentials.personId, o.personId));
  if (credential && o.current) {
    const proven = credential.totpSecret
      ? await spendSecondFactor(tx, { personId: o.personId, code: o.current, totpKey: o.totpKey, now: o.now })
      : await passwordMatches(credential.passwordHash, o.current);
    if (proven) return;
  }
  throw new IdentityError("identity.step-up-required");
}
