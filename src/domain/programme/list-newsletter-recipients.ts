import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";

export type NewsletterRecipient = { email: string; locale: "nl" | "en"; unsubscribeToken: string };

/** Who gets an edition about this theme: confirmed and not unsubscribed, never anyone else. */
export function listNewsletterRecipients(
  tx: Executor,
  o: { tenantId: string; theme: string },
): Promise<NewsletterRecipient[]> {
  return tx
    .select({
      email: schema.newsletterSubscriptions.email,
      locale: schema.newsletterSubscriptions.locale,
      unsubscribeToken: schema.newsletterSubscriptions.unsubscribeToken,
    })
    .from(schema.newsletterSubscriptions)
    .where(
      and(
        eq(schema.newsletterSubscriptions.tenantId, o.tenantId),
        eq(schema.newsletterSubscriptions.theme, o.theme),
        isNotNull(schema.newsletterSubscriptions.confirmedAt),
        isNull(schema.newsletterSubscriptions.unsubscribedAt),
      ),
    );
}
