import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import type { NewsletterDelivery } from "./newsletter-edition.ts";

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
