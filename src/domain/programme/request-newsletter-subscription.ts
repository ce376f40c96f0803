import type { Tx } from "../../db/index.ts";
import { enqueueMail } from "../../mail/index.ts";
import { confirmSubscription } from "./confirm-subscription.ts";
import { ProgrammeError } from "./errors.ts";
import { subscribeToNewsletter } from "./subscribe-to-newsletter.ts";

export type RequestNewsletterSubscriptionOptions = {
  tenantId: string;
  email: string;
  themes: readonly string[];
  locale: "nl" | "en";
  /** The confirmation page's address for a secret. */
  linkFor: (token: string) => string;
  now: Date;
};

/** Secrets of several themes travel in one link, joined by a dot (base64url never contains one). */
const SEPARATOR = ".";

/**
 * The subscribe form: one double opt-in per theme (subscribeToNewsletter), confirmed together by the one link in
 * one mail. Known or unknown address, the caller answers the same.
 */
export async function requestNewsletterSubscription(tx: Tx, o: RequestNewsletterSubscriptionOptions): Promise<void> {
  const tokens: string[] = [];
  for (const theme of new Set(o.themes)) {
    tokens.push((await subscribeToNewsletter(tx, { ...o, theme })).token);
  }
  await enqueueMail(
    tx,
    {
      to: o.email,
      locale: o.locale,
      template: "newsletter-confirm",
      params: { themes: [...new Set(o.themes)].join(", "), url: o.linkFor(tokens.join(SEPARATOR)) },
    },
    { runAt: o.now },
  );
}

/** The POST behind the confirmation link: every theme in it, or none. */
export async function confirmNewsletterSubscription(
  tx: Tx,
  o: { tenantId: string; token: string; now: Date },
): Promise<{ email: string; themes: string[] }> {
  const tokens = o.token.split(SEPARATOR);
  if (tokens.length > 50) throw new ProgrammeError("programme.subscription-link-invalid");
  const confirmed = [];
  for (const token of tokens) confirmed.push(await confirmSubscription(tx, { ...o, token }));
  return { email: confirmed[0]!.email, themes: confirmed.map((c) => c.theme) };
}
