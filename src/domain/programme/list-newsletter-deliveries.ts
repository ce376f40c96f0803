import { and, asc, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import type { NewsletterDeliveryStatus } from "./newsletter-edition.ts";

export type NewsletterDeliveryRow = {
  email: string;
  status: NewsletterDeliveryStatus;
  attempts: number;
  lastError: string | null;
  updatedAt: Date;
};

/** Per recipient of one edition, what became of the mail; failures first, then by address. */
export async function listNewsletterDeliveries(
  tx: Executor,
  o: { tenantId: string; editionId: string },
): Promise<NewsletterDeliveryRow[]> {
  const d = schema.newsletterDeliveries;
  const rows = await tx
    .select({ email: d.email, status: d.status, attempts: d.attempts, lastError: d.lastError, updatedAt: d.updatedAt })
    .from(d)
    .where(and(eq(d.tenantId, o.tenantId), eq(d.editionId, o.editionId)))
    .orderBy(asc(d.email));
  const order: Record<NewsletterDeliveryStatus, number> = { failed: 0, queued: 1, skipped: 2, sent: 3 };
  return rows.sort((a, b) => order[a.status] - order[b.status]);
}
