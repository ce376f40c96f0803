import { withTenant } from "../../db/index.ts";
import type { MailReceipts } from "../../mail/index.ts";
import { type JobHandlers, tenantJob } from "../../platform/queue/index.ts";
import { deliverNewsletterEdition } from "./deliver-newsletter-edition.ts";
import { fanOutNewsletterEdition } from "./fan-out-newsletter-edition.ts";
import { NEWSLETTER_DELIVERY_JOB, NEWSLETTER_DELIVERY_RECEIPT, NEWSLETTER_FAN_OUT_JOB } from "./newsletter-edition.ts";
import { recordNewsletterDelivery } from "./record-newsletter-delivery.ts";

type Payload = { tenantId: string; editionId: string; email?: string };

/**
 * The worker's side of a newsletter: fan out an edition, then turn each delivery into a mail unless its address
 * unsubscribed in the meantime. The worker brings the tenant's transaction and the clock.
 */
export function newsletterJobHandlers(o: { publicUrl: string }): JobHandlers {
  return {
    [NEWSLETTER_FAN_OUT_JOB]: tenantJob<Payload>((tx, { tenantId, editionId }, now) =>
      fanOutNewsletterEdition(tx, { tenantId, editionId, now }),
    ),
    [NEWSLETTER_DELIVERY_JOB]: tenantJob<Required<Payload>>((tx, { tenantId, editionId, email }, now) =>
      deliverNewsletterEdition(tx, { tenantId, editionId, email, now, publicUrl: o.publicUrl }),
    ),
  };
}

/** The mail job's receipts: each newsletter mail's SMTP outcome on its delivery row, for staff to see. */
export const newsletterMailReceipts: MailReceipts = {
  [NEWSLETTER_DELIVERY_RECEIPT]: ({ db, now }, { tenantId, id }, outcome) =>
    withTenant(db, { tenantId }, (tx) => recordNewsletterDelivery(tx, { tenantId, deliveryId: id, outcome, now })),
};
