import { desc, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import type { NewsletterEdition } from "./newsletter-edition.ts";

/** The sent-editions list on the staff page, newest first. */
export function listNewsletterEditions(tx: Executor, o: { tenantId: string }): Promise<NewsletterEdition[]> {
  return tx
    .select()
    .from(schema.newsletterEditions)
    .where(eq(schema.newsletterEditions.tenantId, o.tenantId))
    .orderBy(desc(schema.newsletterEditions.createdAt))
    .limit(100);
}
