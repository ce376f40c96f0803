import type { Executor } from "../../db/index.ts";
import { completeFirstFactor, type SignInResult } from "./complete-first-factor.ts";
import { consumeSignInToken } from "./consume-sign-in-token.ts";
import { IdentityError } from "./errors.ts";
import { findOrCreatePerson } from "./find-or-create-person.ts";

export type RedeemMagicLinkOptions = { token: string; userAgent?: string | null; now: Date };

/** Uses a magic link once; an unknown address becomes a person now, on its first successful sign-in. */
export async function redeemMagicLink(tx: Executor, o: RedeemMagicLinkOptions): Promise<SignInResult> {
  const row = await consumeSignInToken(tx, { token: o.token, purpose: "magic-link", now: o.now });
  if (!row?.email) throw new IdentityError("identity.link-invalid");
  const locale = row.data.locale === "en" ? "en" : "nl";
  const person = await findOrCreatePerson(tx, { email: row.email, displayName: row.email.split("@")[0]!, locale });
  return completeFirstFactor(tx, {
    person,
    method: "magic-link",
    returnTo: row.data.returnTo,
    userAgent: o.userAgent,
    now: o.now,
  });
}
