import { and, eq, sql } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { hashToken } from "../shared/index.ts";
import { FollowingError } from "./errors.ts";

const f = schema.follows;

/** The link in the confirmation mail (a POST behind a button: mail scanners open links). */
export async function confirmFollow(tx: Tx, o: { tenantId: string; token: string; now: Date }) {
  const [follow] = await tx
    .update(f)
    .set({ confirmedAt: o.now, unsubscribedAt: null })
    .where(and(eq(f.tenantId, o.tenantId), eq(f.confirmTokenHash, hashToken(o.token))))
    .returning({ email: f.email, topic: f.topic });
  if (!follow) throw new FollowingError("following.link-invalid");
  return follow;
}

/**
 * One click in any mail, or a mail program's one-click POST (RFC 8058): no sign-in, no questions. Repeating it
 * changes nothing.
 */
export async function stopFollowing(tx: Tx, o: { tenantId: string; token: string; now: Date }) {
  const [follow] = await tx
    .update(f)
    .set({ unsubscribedAt: sql`coalesce(${f.unsubscribedAt}, ${o.now.toISOString()}::timestamptz)` })
    .where(and(eq(f.tenantId, o.tenantId), eq(f.unsubscribeToken, o.token)))
    .returning({ email: f.email, topic: f.topic });
  if (!follow) throw new FollowingError("following.link-invalid");
  return follow;
}
