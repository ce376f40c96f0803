import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { type Executor, schema, type Tx } from "../../db/index.ts";
import { enqueue } from "../../platform/queue/index.ts";
import { recordAudit } from "../shared/index.ts";
import { listNewsletterRecipients } from "./newsletter.ts";

export const NEWSLETTER_FAN_OUT_JOB = "newsletter.fan-out";
export const NEWSLETTER_DELIVERY_JOB = "newsletter.deliver";

export type NewsletterEdition = typeof schema.newsletterEditions.$inferSelect;

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
  const [created] = await tx
    .insert(schema.newsletterEditions)
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
    .returning();
  if (!created) {
    const [existing] = await tx
      .select()
      .from(schema.newsletterEditions)
      .where(
        and(
          eq(schema.newsletterEditions.tenantId, o.tenantId),
          eq(schema.newsletterEditions.idempotencyKey, o.idempotencyKey),
        ),
      );
    return { edition: existing!, repeated: true };
  }
  await enqueue(tx, NEWSLETTER_FAN_OUT_JOB, { tenantId: o.tenantId, editionId: created.id }, { runAt: o.now });
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "newsletter.edition-sent",
    subject: created.id,
    details: { theme: o.theme, subject: o.subject },
  });
  return { edition: created, repeated: false };
}

/**
 * The fan-out job: one delivery job per confirmed recipient, queued in the transaction that marks the edition as
 * fanned out (under its row lock), so a retried or doubled job queues nobody twice.
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

export type NewsletterDelivery = {
  email: string;
  locale: "nl" | "en";
  subject: string;
  body: string;
  unsubscribeToken: string;
};

/**
 * What one delivery job sends, read at send time: undefined when the address unsubscribed (or never confirmed)
 * after the edition was queued, so it is skipped.
 */
export async function findNewsletterDelivery(
  tx: Executor,
  o: { tenantId: string; editionId: string; email: string },
): Promise<NewsletterDelivery | undefined> {
  const s = schema.newsletterSubscriptions;
  const e = schema.newsletterEditions;
  const [row] = await tx
    .select({
      email: s.email,
      locale: s.locale,
      unsubscribeToken: s.unsubscribeToken,
      subject: e.subject,
      body: e.body,
    })
    .from(e)
    .innerJoin(s, and(eq(s.tenantId, e.tenantId), eq(s.theme, e.theme)))
    .where(
      and(
        eq(e.tenantId, o.tenantId),
        eq(e.id, o.editionId),
        eq(s.email, o.email),
        isNotNull(s.confirmedAt),
        isNull(s.unsubscribedAt),
      ),
    );
  return row;
}

/** The sent-editions list on the staff page, newest first. */
export function listNewsletterEditions(tx: Executor, o: { tenantId: string }): Promise<NewsletterEdition[]> {
  return tx
    .select()
    .from(schema.newsletterEditions)
    .where(eq(schema.newsletterEditions.tenantId, o.tenantId))
    .orderBy(desc(schema.newsletterEditions.createdAt))
    .limit(100);
}
