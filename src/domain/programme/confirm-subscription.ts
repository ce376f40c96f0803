import { and, eq, isNull, sql } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { hashToken } from "../shared/index.ts";
import { ProgrammeError } from "./errors.ts";

/**
 * The link in the confirmation mail: from now on the address receives this theme's newsletter. A link from before
 * an unsubscribe no longer works: only subscribing again (a new link) brings the address back.
 */
export async function confirmSubscription(tx: Tx, o: { tenantId: string; token: string; now: Date }) {
  const [subscription] = await tx
    .update(schema.newsletterSubscriptions)
    .set({
      confirmedAt: sql`coalesce(${schema.newsletterSubscriptions.confirmedAt}, ${o.now.toISOString()}::timestamptz)`,
    })
    .where(
      and(
        eq(schema.newsletterSubscriptions.tenantId, o.tenantId),
        eq(schema.newsletterSubscriptions.confirmTokenHash, hashToken(o.token)),
        isNull(schema.newsletterSubscriptions.unsubscribedAt),
      ),
    )
    .returning({ email: schema.newsletterSubscriptions.email, theme: schema.newsletterSubscriptions.theme });
  if (!subscription) throw new ProgrammeError("programme.subscription-link-invalid");
  return subscription;
}
