import { sql } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { newToken, normaliseEmail } from "../shared/index.ts";

export type SubscribeOptions = { tenantId: string; email: string; theme: string; locale: "nl" | "en"; now: Date };

/**
 * Starts a double opt-in: returns the secret for the confirmation link, to be mailed. Subscribing again issues a
 * fresh link; a confirmed subscription stays as it is, and an unsubscribed one comes back only when the new link
 * is followed. The answer is the same whether or not the address was known.
 */
export async function subscribeToNewsletter(tx: Tx, o: SubscribeOptions): Promise<{ token: string }> {
  const { token, hash } = newToken();
  await tx
    .insert(schema.newsletterSubscriptions)
    .values({
      tenantId: o.tenantId,
      email: normaliseEmail(o.email),
      theme: o.theme,
      locale: o.locale,
      confirmTokenHash: hash,
      unsubscribeToken: newToken().token,
      createdAt: o.now,
    })
    .onConflictDoUpdate({
      target: [
        schema.newsletterSubscriptions.tenantId,
        schema.newsletterSubscriptions.email,
        schema.newsletterSubscriptions.theme,
      ],
      // Coming back after unsubscribing starts over: not a recipient until the new link is followed.
      set: {
        confirmTokenHash: hash,
        locale: o.locale,
        confirmedAt: sql`case when ${schema.newsletterSubscriptions.unsubscribedAt} is null then ${schema.newsletterSubscriptions.confirmedAt} end`,
        unsubscribedAt: null,
      },
    });
  return { token };
}
