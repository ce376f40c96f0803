import { type Database, withTenant } from "../../db/index.ts";
import { type Mailer, renderMail } from "../../mail/index.ts";
import type { JobHandlers } from "../../platform/queue/index.ts";
import {
  fanOutNewsletterEdition,
  findNewsletterDelivery,
  NEWSLETTER_DELIVERY_JOB,
  NEWSLETTER_FAN_OUT_JOB,
} from "./newsletter-editions.ts";

type Payload = { tenantId: string; editionId: string; email?: string };

/**
 * The worker's side of a newsletter: fan out an edition, then send each delivery unless its address unsubscribed
 * in the meantime. Every mail carries one-click unsubscribe headers (RFC 8058).
 */
export function newsletterJobHandlers(o: { db: Database; mailer: Mailer; publicUrl: string }): JobHandlers {
  return {
    [NEWSLETTER_FAN_OUT_JOB]: async (payload) => {
      const { tenantId, editionId } = payload as Payload;
      await withTenant(o.db, { tenantId }, (tx) =>
        fanOutNewsletterEdition(tx, { tenantId, editionId, now: new Date() }),
      );
    },
    [NEWSLETTER_DELIVERY_JOB]: async (payload) => {
      const { tenantId, editionId, email } = payload as Required<Payload>;
      const delivery = await withTenant(o.db, { tenantId }, (tx) =>
        findNewsletterDelivery(tx, { tenantId, editionId, email }),
      );
      if (!delivery) return;
      const unsubscribeUrl = `${o.publicUrl}/nieuwsbrief/afmelden/${delivery.unsubscribeToken}`;
      await o.mailer.send({
        to: delivery.email,
        ...renderMail("newsletter-edition", delivery.locale, {
          subject: delivery.subject,
          body: delivery.body,
          unsubscribeUrl,
        }),
        headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      });
    },
  };
}
