import type { Tx } from "../../db/index.ts";
import { enqueueMail } from "../../mail/index.ts";
import { findNewsletterDelivery } from "./find-newsletter-delivery.ts";

export type DeliverNewsletterEditionOptions = {
  tenantId: string;
  editionId: string;
  email: string;
  now: Date;
  /** The site's address, for the unsubscribe link. */
  publicUrl: string;
};

/**
 * One delivery of an edition: read at send time, so an address that unsubscribed after the fan-out gets nothing.
 * The mail leaves through the queue after this transaction commits, with one-click unsubscribe headers (RFC 8058).
 */
export async function deliverNewsletterEdition(tx: Tx, o: DeliverNewsletterEditionOptions): Promise<boolean> {
  const delivery = await findNewsletterDelivery(tx, o);
  if (!delivery) return false;
  const unsubscribeUrl = `${o.publicUrl}/nieuwsbrief/afmelden/${delivery.unsubscribeToken}`;
  await enqueueMail(
    tx,
    {
      to: delivery.email,
      locale: delivery.locale,
      template: "newsletter-edition",
      params: { subject: delivery.subject, body: delivery.body, unsubscribeUrl },
      headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    },
    { runAt: o.now },
  );
  return true;
}
