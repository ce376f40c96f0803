import { and, eq, ne, sql } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import type { MailOutcome } from "../../mail/index.ts";

/**
 * What the SMTP server said to one newsletter mail. A refusal keeps its answer and can still turn into `sent` on a
 * later attempt; a row once `sent` never goes back.
 */
export async function recordNewsletterDelivery(
  tx: Tx,
  o: { tenantId: string; deliveryId: string; outcome: MailOutcome; now: Date },
): Promise<void> {
  const d = schema.newsletterDeliveries;
  await tx
    .update(d)
    .set({
      status: o.outcome.sent ? "sent" : "failed",
      attempts: sql`${d.attempts} + 1`,
      lastError: o.outcome.sent ? null : o.outcome.error,
      updatedAt: o.now,
    })
    .where(and(eq(d.tenantId, o.tenantId), eq(d.id, o.deliveryId), ne(d.status, "sent")));
}
