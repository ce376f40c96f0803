import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { enqueueMail } from "../../mail/index.ts";
import { findNewsletterDelivery } from "./find-newsletter-delivery.ts";
import { NEWSLETTER_DELIVERY_RECEIPT } from "./newsletter-edition.ts";

export type DeliverNewsletterEditionOptions = {
  tenantId: string;
  editionId: string;
  email: string;
  now: Date;
  /** The site's address, for the unsubscribe link. */
  publicUrl: string;
};

/**
 * One delivery of an edition: read at send time, so an address that unsubscribed after the fan-out gets nothing
 * (its row says `skipped`). The mail leaves through the queue after this transaction commits, with one-click
 * unsubscribe headers (RFC 8058) and a receipt, so the SMTP server's answer lands on the delivery row.
 */
export async function deliverNewsletterEdition(tx: Tx, o: DeliverNewsletterEditionOptions): Promise<boolean> {
  const d = schema.newsletterDeliveries;
  const row = and(eq(d.tenantId, o.tenantId), eq(d.editionId, o.editionId), eq(d.email, o.email));
  const delivery = await findNewsletterDelivery(tx, o);
  if (!delivery) {
    await tx
      .update(d)
      .set({ status: "skipped", updatedAt: o.now })
      .where(and(row, eq(d.status, "queued")));
    return false;
  }
  const [tracked] = await tx.select({ id: d.id }).from(d).where(row);
  const unsubscribeUrl = `${o.publicUrl}/nieuwsbrief/afmelden/${delivery.unsubscribeToken}`;
  await enqueueMail(
    tx,
    {
      to: delivery.email,
      locale: delivery.locale,
      template: "newsletter-edition",
      params: { subject: delivery.subject, body: delivery.body, unsubscribeUrl },
      headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      ...(tracked ? { receipt: { kind: NEWSLETTER_DELIVERY_RECEIPT, tenantId: o.tenantId, id: tracked.id } } : {}),
    },
    { runAt: o.now },
  );
  return true;
}
