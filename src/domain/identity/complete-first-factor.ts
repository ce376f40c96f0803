import { eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { minutesAfter, newToken } from "../shared/index.ts";
import { createSession, type NewSession, type SignInMethod } from "./create-session.ts";
import type { Person } from "./find-or-create-person.ts";

export type SignInResult =
  | { kind: "signed-in"; person: Person; session: NewSession; returnTo: string | undefined }
  | { kind: "second-factor"; pendingToken: string; returnTo: string | undefined };

export const SECOND_FACTOR_MINUTES = 10;

/**
 * After a magic link or a password: a person who has set up TOTP must still give a code, so the first factor only
 * buys a short-lived pending token; everyone else gets a session.
 */
export async function completeFirstFactor(
  tx: Executor,
  o: { person: Person; method: SignInMethod; returnTo: string | undefined; userAgent?: string | null; now: Date },
): Promise<SignInResult> {
  const [credential] = await tx
    .select({ totpSecret: schema.passwordCredentials.totpSecret })
    .from(schema.passwordCredentials)
    .where(eq(schema.passwordCredentials.personId, o.person.id));
  if (credential?.totpSecret) {
    const { token, hash } = newToken();
    await tx.insert(schema.signInTokens).values({
      tokenHash: hash,
      purpose: "totp",
      personId: o.person.id,
      data: { method: o.method, ...(o.returnTo ? { returnTo: o.returnTo } : {}) },
      createdAt: o.now,
      expiresAt: minutesAfter(o.now, SECOND_FACTOR_MINUTES),
    });
    return { kind: "second-factor", pendingToken: token, returnTo: o.returnTo };
  }
  const session = await createSession(tx, {
    personId: o.person.id,
    method: o.method,
    userAgent: o.userAgent,
    now: o.now,
  });
  return { kind: "signed-in", person: o.person, session, returnTo: o.returnTo };
}
