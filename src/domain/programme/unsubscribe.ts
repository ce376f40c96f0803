import { and, eq, sql } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { ProgrammeError } from "./errors.ts";

/** One click in any newsletter: no sign-in, no questions. Repeating it changes nothing. */
export async function unsubscribe(tx: Tx, o: { tenantId: string; token: string; now: Date }) {
  const [subscription] = await tx
    .update(schema.newsletterSubscriptions)
    .set({
      unsubscribedAt: sql`coalesce(${schema.newsletterSubscriptions.unsubscribedAt}, ${o.now.toISOString()}::timestamptz)`,
    })
    .where(
      and(
        eq(schema.newsletterSubscriptions.tenantId, o.tenantId),
        eq(schema.newsletterSubscriptions.unsubscribeToken, o.token),
      ),
    )
    .returning({ email: schema.newsletterSubscriptions.email, theme: schema.newsletterSubscriptions.theme });
  if (!subscription) throw new ProgrammeError("programme.subscription-link-invalid");
  return subscription;
}
