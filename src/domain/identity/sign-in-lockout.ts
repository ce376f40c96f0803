import { eq, sql } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { IdentityError } from "./errors.ts";

/**
 * Lockout after failed sign-ins, per account and address together (the key names both), so a stranger who types
 * wrong passwords for someone's account locks out only themself: the owner, from any other address, and every
 * e-mail link keep working. Only failures count; a success forgets them. After FREE_FAILURES the wait doubles per
 * failure (1, 2, 4 … minutes, at most an hour); failures older than a day are forgotten.
 */
export const FREE_FAILURES = 5;
const MAX_WAIT_MINUTES = 60;
const FORGET_AFTER_MS = 86_400_000;

const { rateLimits } = schema;

export function lockedUntil(failures: number, lastFailureAt: Date): Date | undefined {
  if (failures < FREE_FAILURES) return undefined;
  const minutes = Math.min(2 ** (failures - FREE_FAILURES), MAX_WAIT_MINUTES);
  return new Date(lastFailureAt.getTime() + minutes * 60_000);
}

/** Throws `identity.rate-limited` while this key waits after too many failures. */
export async function refuseWhileLockedOut(tx: Executor, o: { key: string; now: Date }): Promise<void> {
  const [row] = await tx.select().from(rateLimits).where(eq(rateLimits.key, o.key));
  if (!row || o.now.getTime() - row.windowStartedAt.getTime() > FORGET_AFTER_MS) return;
  const until = lockedUntil(row.hits, row.windowStartedAt);
  if (until && until > o.now) throw new IdentityError("identity.rate-limited", { key: o.key });
}

/** Counts one failure; a single upsert, so failures on several instances at once are all counted. */
export async function recordSignInFailure(tx: Executor, o: { key: string; now: Date }): Promise<void> {
  const forgotten = sql`${rateLimits.windowStartedAt} <= ${new Date(o.now.getTime() - FORGET_AFTER_MS).toISOString()}::timestamptz`;
  await tx
    .insert(rateLimits)
    .values({ key: o.key, windowStartedAt: o.now, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: { hits: sql`case when ${forgotten} then 1 else ${rateLimits.hits} + 1 end`, windowStartedAt: o.now },
    });
}

export async function forgetSignInFailures(tx: Executor, o: { key: string }): Promise<void> {
  await tx.delete(rateLimits).where(eq(rateLimits.key, o.key));
}
