import { and, eq } from "drizzle-orm";
import { type Executor, schema, type Tx } from "../../db/index.ts";
import { newToken } from "../shared/index.ts";

/**
 * The secret in a person's own feed URL, made on first use. `renew` replaces it: the old URL stops working at once.
 */
export async function issueCalendarFeed(
  tx: Tx,
  o: { tenantId: string; personId: string; renew?: boolean; now: Date },
): Promise<string> {
  const { token } = newToken();
  const [row] = await tx
    .insert(schema.calendarFeeds)
    .values({ personId: o.personId, tenantId: o.tenantId, token, createdAt: o.now })
    .onConflictDoUpdate({
      target: schema.calendarFeeds.personId,
      set: o.renew ? { token, createdAt: o.now } : { personId: o.personId },
    })
    .returning({ token: schema.calendarFeeds.token });
  return row!.token;
}

/** Whose feed this URL is, if it is still valid. */
export async function findCalendarFeedPerson(
  tx: Executor,
  o: { tenantId: string; token: string },
): Promise<string | undefined> {
  const [row] = await tx
    .select({ personId: schema.calendarFeeds.personId })
    .from(schema.calendarFeeds)
    .where(and(eq(schema.calendarFeeds.tenantId, o.tenantId), eq(schema.calendarFeeds.token, o.token)));
  return row?.personId;
}

/** The person's current feed secret, if they made one. */
export async function findCalendarFeed(
  tx: Executor,
  o: { tenantId: string; personId: string },
): Promise<string | undefined> {
  const [row] = await tx
    .select({ token: schema.calendarFeeds.token })
    .from(schema.calendarFeeds)
    .where(and(eq(schema.calendarFeeds.tenantId, o.tenantId), eq(schema.calendarFeeds.personId, o.personId)));
  return row?.token;
}
