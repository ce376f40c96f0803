import { and, eq, gt, isNull } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { hashToken } from "../shared/index.ts";

export type SignInToken = typeof schema.signInTokens.$inferSelect;

/**
 * Marks a one-time token used, if it is still unused and unexpired. The condition sits in the UPDATE itself, so of
 * two simultaneous uses exactly one gets the row back.
 */
export async function consumeSignInToken(
  tx: Executor,
  o: { token: string; purpose: SignInToken["purpose"]; now: Date },
): Promise<SignInToken | undefined> {
  const [row] = await tx
    .update(schema.signInTokens)
    .set({ usedAt: o.now })
    .where(
      and(
        eq(schema.signInTokens.tokenHash, hashToken(o.token)),
        eq(schema.signInTokens.purpose, o.purpose),
        isNull(schema.signInTokens.usedAt),
        gt(schema.signInTokens.expiresAt, o.now),
      ),
    )
    .returning();
  return row;
}
