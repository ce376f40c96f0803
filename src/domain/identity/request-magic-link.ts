import { type Executor, schema } from "../../db/index.ts";
import { enqueueMail, type MailLocale } from "../../mail/index.ts";
import { minutesAfter, newToken, normaliseEmail } from "../shared/index.ts";

export const MAGIC_LINK_MINUTES = 15;

export type RequestMagicLinkOptions = {
  email: string;
  locale: MailLocale;
  /** Where the link leads: the web layer knows its URLs, the domain does not. */
  linkFor: (token: string) => string;
  returnTo?: string;
  now: Date;
};

/**
 * Mails a one-time sign-in link. Known or not, the address gets the same treatment and the caller the same
 * answer, so the form tells nobody who has an account; a new address becomes an account on first use.
 */
export async function requestMagicLink(tx: Executor, o: RequestMagicLinkOptions): Promise<void> {
  const email = normaliseEmail(o.email);
  const { token, hash } = newToken();
  await tx.insert(schema.signInTokens).values({
    tokenHash: hash,
    purpose: "magic-link",
    email,
    data: { locale: o.locale, ...(o.returnTo ? { returnTo: o.returnTo } : {}) },
    createdAt: o.now,
    expiresAt: minutesAfter(o.now, MAGIC_LINK_MINUTES),
  });
  await enqueueMail(
    tx,
    {
      to: email,
      locale: o.locale,
      template: "magic-link",
      params: { url: o.linkFor(token), minutes: MAGIC_LINK_MINUTES },
    },
    { runAt: o.now },
  );
}
