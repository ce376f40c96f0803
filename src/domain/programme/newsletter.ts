import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { type Executor, schema, type Tx } from "../../db/index.ts";
import { hashToken, newToken } from "../shared/index.ts";
import { ProgrammeError } from "./errors.ts";

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
      email: o.email.trim().toLowerCase(),
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

/**
 * The link in the confirmation mail: from now on the address receives this theme's newsletter. A link from before
 * an unsubscribe no longer works: only subscribing again (a new link) brings the address back.
 */
export async function confirmSubscription(tx: Tx, o: { tenantId: string; token: string; now: Date }) {
  const [subscription] = await tx
    .update(schema.newsletterSubscriptions)
    .set({
      confirmedAt: sql`coalesce(${schema.newsletterSubscriptions.confirmedAt}, ${o.now.toISOString()}::timestamptz)`,
    })
    .where(
      and(
        eq(schema.newsletterSubscriptions.tenantId, o.tenantId),
        eq(schema.newsletterSubscriptions.confirmTokenHash, hashToken(o.token)),
        isNull(schema.newsletterSubscriptions.unsubscribedAt),
      ),
    )
    .returning({ email: schema.newsletterSubscriptions.email, theme: schema.newsletterSubscriptions.theme });
  if (!subscription) throw new ProgrammeError("programme.subscription-link-invalid");
  return subscription;
}

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
