import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { enqueue } from "../../platform/queue/index.ts";
import { listNewsletterRecipients } from "./list-newsletter-recipients.ts";
import { NEWSLETTER_DELIVERY_JOB } from "./newsletter-edition.ts";

/**
 * The fan-out job: one delivery row (status `queued`) and one delivery job per confirmed recipient, in the
 * transaction that marks the edition as fanned out (under its row lock), so a retried or doubled job queues nobody
 * twice.
 */
export async function fanOutNewsletterEdition(
  tx: Tx,
  o: { tenantId: string; editionId: string; now: Date },
): Promise<number> {
  const [edition] = await tx
    .select()
    .from(schema.newsletterEditions)
    .where(and(eq(schema.newsletterEditions.tenantId, o.tenantId), eq(schema.newsletterEditions.id, o.editionId)))
    .for("update");
  if (!edition || edition.fannedOutAt) return 0;
  const recipients = await listNewsletterRecipients(tx, { tenantId: o.tenantId, theme: edition.theme });
  if (recipients.length > 0)
    await tx
      .insert(schema.newsletterDeliveries)
      .values(
        recipients.map((r) => ({ tenantId: o.tenantId, editionId: edition.id, email: r.email, updatedAt: o.now })),
      )
      .onConflictDoNothing();
  for (const recipient of recipients) {
    await enqueue(
      tx,
      NEWSLETTER_DELIVERY_JOB,
      { tenantId: o.tenantId, editionId: edition.id, email: recipient.email },
      { runAt: o.now },
    );
  }
  await tx
    .update(schema.newsletterEditions)
    .set({ fannedOutAt: o.now, recipientCount: recipients.length })
    .where(eq(schema.newsletterEditions.id, edition.id));
  return recipients.length;
}
