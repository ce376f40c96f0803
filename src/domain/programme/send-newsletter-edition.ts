import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { enqueue } from "../../platform/queue/index.ts";
import { insertOnce, recordAudit } from "../shared/index.ts";
import { NEWSLETTER_FAN_OUT_JOB, type NewsletterEdition } from "./newsletter-edition.ts";

export type SendNewsletterEditionOptions = {
  tenantId: string;
  idempotencyKey: string;
  theme: string;
  subject: string;
  body: string;
  actorPersonId: string;
  now: Date;
};

/**
 * Staff send an edition to one theme's subscribers: one row, one audit line and one fan-out job, in one
 * transaction. The form's idempotency key makes a double submit the same edition: the second call queues nothing.
 */
export async function sendNewsletterEdition(
  tx: Tx,
  o: SendNewsletterEditionOptions,
): Promise<{ edition: NewsletterEdition; repeated: boolean }> {
  const e = schema.newsletterEditions;
  const { row: edition, created } = await insertOnce(
    () =>
      tx
        .insert(e)
        .values({
          tenantId: o.tenantId,
          idempotencyKey: o.idempotencyKey,
          theme: o.theme,
          subject: o.subject,
          body: o.body,
          sentByPersonId: o.actorPersonId,
          createdAt: o.now,
        })
        .onConflictDoNothing()
        .returning(),
    () =>
      tx
        .select()
        .from(e)
        .where(and(eq(e.tenantId, o.tenantId), eq(e.idempotencyKey, o.idempotencyKey))),
  );
  if (!created) return { edition, repeated: true };
  await enqueue(tx, NEWSLETTER_FAN_OUT_JOB, { tenantId: o.tenantId, editionId: edition.id }, { runAt: o.now });
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "newsletter.edition-sent",
    subject: edition.id,
    details: { theme: o.theme, subject: o.subject },
  });
  return { edition, repeated: false };
}
