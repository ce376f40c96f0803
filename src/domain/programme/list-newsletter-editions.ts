import { and, desc, eq, sql } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import type { NewsletterEditionSummary } from "./newsletter-edition.ts";

/**
 * The sent-editions list on the staff page, newest first, each with its deliveries counted by status; with
 * `editionId`, that one edition only.
 */
export async function listNewsletterEditions(
  tx: Executor,
  o: { tenantId: string; editionId?: string },
): Promise<NewsletterEditionSummary[]> {
  const e = schema.newsletterEditions;
  const d = schema.newsletterDeliveries;
  const count = (status: string) => sql<number>`(count(${d.id}) filter (where ${d.status} = ${status}))::int`;
  const rows = await tx
    .select({
      edition: e,
      queued: count("queued"),
      sent: count("sent"),
      failed: count("failed"),
      skipped: count("skipped"),
    })
    .from(e)
    .leftJoin(d, eq(d.editionId, e.id))
    .where(and(eq(e.tenantId, o.tenantId), o.editionId ? eq(e.id, o.editionId) : undefined))
    .groupBy(e.id)
    .orderBy(desc(e.createdAt))
    .limit(100);
  return rows.map(({ edition, ...deliveries }) => ({ ...edition, deliveries }));
}
