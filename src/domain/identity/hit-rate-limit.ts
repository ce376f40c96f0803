import { sql } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { IdentityError } from "./errors.ts";

export type HitRateLimitOptions = { key: string; limit: number; windowSeconds: number; now: Date };

const { rateLimits } = schema;

/**
 * Counts one attempt in a fixed window shared by every app instance. A single upsert decides, so simultaneous
 * attempts on two instances are all counted. Run it in its own transaction, before the attempt, so a failed
 * attempt still counts.
 */
export async function hitRateLimit(tx: Executor, o: HitRateLimitOptions): Promise<void> {
  const expired = sql`${rateLimits.windowStartedAt} <= ${new Date(o.now.getTime() - o.windowSeconds * 1000).toISOString()}::timestamptz`;
  const [row] = await tx
    .insert(rateLimits)
    .values({ key: o.key, windowStartedAt: o.now, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${expired} then 1 else ${rateLimits.hits} + 1 end`,
        windowStartedAt: sql`case when ${expired} then excluded.window_started_at else ${rateLimits.windowStartedAt} end`,
      },
    })
    .returning({ hits: rateLimits.hits });
  if (row!.hits > o.limit) throw new IdentityError("identity.rate-limited", { key: o.key });
}
