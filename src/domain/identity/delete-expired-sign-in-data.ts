import { and, isNotNull, lt, or } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";

export const SIGN_IN_CLEAN_UP_JOB = "identity.clean-up";

/**
 * Forgets what no longer serves anyone: one-time tokens a day after expiry, sessions a day after they expired or
 * were revoked, rate-limit windows a day old. Keeps the tables small and keeps no more personal data than needed.
 */
export async function deleteExpiredSignInData(tx: Executor, o: { now: Date }): Promise<void> {
  const dayAgo = new Date(o.now.getTime() - 86_400_000);
  const { signInTokens, sessions, rateLimits } = schema;
  await tx.delete(signInTokens).where(lt(signInTokens.expiresAt, dayAgo));
  await tx
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, dayAgo), and(isNotNull(sessions.revokedAt), lt(sessions.revokedAt, dayAgo))));
  await tx.delete(rateLimits).where(lt(rateLimits.windowStartedAt, dayAgo));
}
